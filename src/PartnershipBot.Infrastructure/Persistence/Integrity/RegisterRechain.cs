using System.Data.Common;
using System.Text.Json;
using Dapper;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;

namespace PartnershipBot.Infrastructure.Persistence.Integrity;

/// <summary>
/// The one-off upgrade (migration 0006) of a register chained with plain SHA-256, which anyone able to write the table
/// could recompute, to the keyed chain. The old chain is checked first and what it showed (intact, or the first entry
/// that did not match) is written to the audit log with the old and new heads, so the upgrade cannot quietly launder
/// an earlier edit. Runs inside the migration's transaction, after the script has lifted the append-only triggers and
/// before it puts them back.
/// </summary>
public static class RegisterRechain
{
    /// <summary>Re-chains every declaration and audit entry under <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">There are entries to re-chain and no key.</exception>
    public static async Task RunAsync(DbConnection connection, DbTransaction transaction, StorageProvider provider, RegisterKey? key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var declarations = (await connection.QueryAsync<DeclarationRow>(new CommandDefinition(
            $"SELECT {DeclarationRow.Columns} FROM declarations ORDER BY sequence", transaction: transaction, cancellationToken: cancellationToken))).ToList();
        var audit = (await connection.QueryAsync<StoredAuditRow>(new CommandDefinition(
            "SELECT sequence AS Sequence, at AS At, actor AS Actor, action AS Action, subject AS Subject, detail_json AS DetailJson FROM audit_log ORDER BY sequence",
            transaction: transaction, cancellationToken: cancellationToken))).ToList();
        if (declarations.Count == 0 && audit.Count == 0)
        {
            return;
        }

        if (key is null)
        {
            throw new InvalidOperationException(
                $"Upgrading the register to its keyed chain needs {RegisterKey.ConfigurationKey} (it holds {declarations.Count} declarations and {audit.Count} audit entries). Configure it and start again; nothing was changed.");
        }

        // What the old, unkeyed chain showed, before anything is rewritten.
        long? legacyBreak = null;
        var legacyHead = string.Empty;
        foreach (var row in declarations)
        {
            var entry = row.ToEntry();
            if (legacyBreak is null && (row.PreviousHash != legacyHead || DeclarationChain.Hash(legacyHead, entry) != row.Hash))
            {
                legacyBreak = row.Sequence;
            }

            legacyHead = row.Hash;
        }

        var head = string.Empty;
        foreach (var row in declarations)
        {
            var hash = RegisterChains.DeclarationMac(key, head, row.ToEntry());
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE declarations SET previous_hash = @head, hash = @hash WHERE sequence = @Sequence", new { head, hash, row.Sequence }, transaction, cancellationToken: cancellationToken));
            head = hash;
        }

        var auditHead = string.Empty;
        foreach (var row in audit)
        {
            var hash = RegisterChains.AuditMac(key, auditHead, row.At, row.Actor, row.Action, row.Subject, row.DetailJson);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE audit_log SET previous_hash = @auditHead, hash = @hash WHERE sequence = @Sequence", new { auditHead, hash, row.Sequence }, transaction, cancellationToken: cancellationToken));
            auditHead = hash;
        }

        await RegisterChains.CheckpointAsync(connection, transaction, key, RegisterChains.Declarations, head, now, cancellationToken);
        var detail = new RechainDetail(
            declarations.Count, legacyBreak is null, legacyBreak, legacyHead, head, audit.Count, key.Id, provider.ToString());
        await RegisterChains.AppendAuditAsync(new KeyOnly(key, provider), connection, transaction, now, "migration", AuditAction.RegisterRechain, "declarations",
            JsonSerializer.Serialize(detail, RechainJsonContext.Default.RechainDetail), cancellationToken);
    }

    /// <summary>What the upgrade found and did, as recorded in the audit log.</summary>
    internal sealed record RechainDetail(
        long Declarations, bool LegacyChainIntact, long? LegacyFirstBrokenEntry, string LegacyHead, string KeyedHead, long AuditEntries, string KeyId, string Provider);

    private sealed class DeclarationRow
    {
        public const string Columns = """
            sequence AS Sequence, board_name AS BoardName, item AS Item, person_id AS PersonId, person_name AS PersonName,
            interest AS Interest, nature AS Nature, declared_at AS DeclaredAt, previous_hash AS PreviousHash, hash AS Hash, meeting_id AS MeetingId
            """;

        public long Sequence { get; set; }
        public string BoardName { get; set; } = "";
        public string Item { get; set; } = "";
        public string PersonId { get; set; } = "";
        public string? PersonName { get; set; }
        public string Interest { get; set; } = "";
        public string? Nature { get; set; }
        public string DeclaredAt { get; set; } = "";
        public string PreviousHash { get; set; } = "";
        public string Hash { get; set; } = "";
        public string? MeetingId { get; set; }

        public DeclarationEntry ToEntry() =>
            new(BoardName, Item, PersonId, PersonName, DeclarationChain.Parse(Interest) ?? InterestKind.None, Nature, DbValues.Time(DeclaredAt), MeetingId);
    }

    /// <summary>The migration's view of the database: its key and engine, no connections (it already has one).</summary>
    private sealed class KeyOnly(RegisterKey key, StorageProvider provider) : IDatabase
    {
        public StorageProvider Provider => provider;

        public RegisterKey? RegisterKey => key;

        public RegisterAnchor Anchor { get; } = new(null, null);

        public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => throw new NotSupportedException("The migration uses its own connection.");
    }
}

/// <summary>JSON for the re-chain's audit detail.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(RegisterRechain.RechainDetail))]
internal sealed partial class RechainJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
