using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;

namespace PartnershipBot.Infrastructure.Persistence.Integrity;

/// <summary>A signed statement of a chain's head: how many entries it had and the last entry's hash.</summary>
/// <param name="Chain">"declarations" or "audit_log".</param>
/// <param name="Entries">Entries in the chain when it was written.</param>
/// <param name="Head">The hash of the last of them (empty for none).</param>
/// <param name="At">When.</param>
/// <param name="Mac">HMAC of chain, entries and head under the register key.</param>
public sealed record RegisterCheckpoint(string Chain, long Entries, string Head, DateTimeOffset At, string Mac);

/// <summary>
/// The keyed hash chains of the declarations register and the audit log, and their checkpoints. Each entry's hash is
/// HMAC-SHA256 (under <see cref="RegisterKey"/>) of the previous entry's hash and its own fields, serialised as a JSON
/// array so no two different entries give the same input; every append also writes a signed checkpoint of the
/// chain's new head, in the same transaction, and publishes it outside the database (<see cref="RegisterAnchor"/>).
/// </summary>
public static class RegisterChains
{
    /// <summary>The declarations register.</summary>
    public const string Declarations = "declarations";

    /// <summary>The audit log.</summary>
    public const string Audit = "audit_log";

    /// <summary>The keyed hash of a declaration following <paramref name="previous"/>.</summary>
    public static string DeclarationMac(RegisterKey key, string previous, DeclarationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        return key.Mac(Canonical(
            "pb-declaration/2", previous, entry.BoardName, entry.Item, entry.PersonId, entry.PersonName, DeclarationChain.Code(entry.Interest), entry.Nature,
            entry.DeclaredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), entry.MeetingId));
    }

    /// <summary>
    /// The keyed hash of a standing declaration version following <paramref name="previous"/>; <paramref name="interestsJson"/>
    /// is the stored JSON of its interests, so what the hash covers is exactly what the row holds.
    /// </summary>
    public static string StandingInterestMac(
        RegisterKey key, string previous, string boardName, string personId, string? personName, int version, bool nothingToDeclare, string interestsJson,
        string recordedBy, DateTimeOffset declaredAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Mac(Canonical(
            "pb-standing-interest/1", previous, boardName, personId, personName, version.ToString(CultureInfo.InvariantCulture), nothingToDeclare ? "none" : "listed",
            interestsJson, recordedBy, declaredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
    }

    /// <summary>The keyed hash of an audit entry (its stored text) following <paramref name="previous"/>.</summary>
    public static string AuditMac(RegisterKey key, string previous, string at, string actor, string action, string subject, string? detail)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Mac(Canonical("pb-audit/1", previous, at, actor, action, subject, detail));
    }

    /// <summary>What a checkpoint's MAC covers.</summary>
    public static string CheckpointCanonical(string chain, long entries, string head) =>
        Canonical("pb-checkpoint/1", chain, entries.ToString(CultureInfo.InvariantCulture), head);

    /// <summary>Writes a signed checkpoint of <paramref name="chain"/>'s current head inside the caller's transaction.</summary>
    public static async Task<RegisterCheckpoint> CheckpointAsync(
        DbConnection connection, DbTransaction transaction, RegisterKey key, string chain, string head, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = chain == Declarations ? Declarations : Audit;
        var entries = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table}", transaction: transaction, cancellationToken: cancellationToken));
        var checkpoint = new RegisterCheckpoint(chain, entries, head, at, key.Mac(CheckpointCanonical(chain, entries, head)));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO register_checkpoints (chain, entries, head, at, mac) VALUES (@Chain, @Entries, @Head, @at, @Mac)",
            new { checkpoint.Chain, checkpoint.Entries, checkpoint.Head, at = DbValues.Text(at), checkpoint.Mac }, transaction, cancellationToken: cancellationToken));
        return checkpoint;
    }

    /// <summary>
    /// Appends an audit entry at the end of the audit chain (serialised with other appends) and checkpoints it, inside
    /// the caller's transaction; publish the returned checkpoint once the transaction commits.
    /// </summary>
    public static async Task<RegisterCheckpoint> AppendAuditAsync(
        IDatabase database, DbConnection connection, DbTransaction transaction, DateTimeOffset at, string actor, AuditAction action, string subject, string? detail,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var key = database.RequireRegisterKey();
        if (database.KeyLockSql is { } chainLock)
        {
            await connection.ExecuteAsync(new CommandDefinition(chainLock, new { key = "audit-chain" }, transaction, cancellationToken: cancellationToken));
        }

        var previous = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken)) ?? string.Empty;
        var atText = DbValues.Text(at);
        // The chain hashes and stores the action's name, the text the log has always held.
        var name = action.Name;
        var hash = AuditMac(key, previous, atText, actor, name, subject, detail);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (at, actor, action, subject, detail_json, previous_hash, hash) VALUES (@atText, @actor, @action, @subject, @detail, @previous, @hash)",
            new { atText, actor, action = name, subject, detail, previous, hash }, transaction, cancellationToken: cancellationToken));
        return await CheckpointAsync(connection, transaction, key, Audit, hash, at, cancellationToken);
    }

    private static string Canonical(params string?[] fields) => JsonSerializer.Serialize(fields, RegisterJsonContext.Default.StringArray);
}

/// <summary>JSON for the canonical MAC inputs.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class RegisterJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
