using System.Globalization;
using System.Text.Json;
using Dapper;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Interests;
using PartnershipBot.Infrastructure.Persistence.Integrity;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// The standing register of interests: an append-only table (triggers refuse updates, deletes and replaces) whose rows
/// form one keyed hash chain under the register key, as the declarations register's do. Each save also appends an audit
/// entry naming the new row's sequence and hash in the same transaction; the audit log is checkpointed and anchored
/// outside the database, so deleting the last versions (which leaves a shorter, still-linked chain) is caught as well.
/// </summary>
public sealed class StandingInterestRegister(IDatabase database) : IStandingInterestRegister
{
    private const string Columns = """
        sequence AS Sequence, board_name AS BoardName, person_id AS PersonId, person_name AS PersonName, version AS Version,
        nothing_to_declare AS NothingToDeclare, interests_json AS InterestsJson, recorded_by AS RecordedBy, declared_at AS DeclaredAt,
        previous_hash AS PreviousHash, hash AS Hash
        """;

    /// <inheritdoc />
    public async Task<StandingRecord> AppendOnceAsync(StandingDeclaration declaration, string pressId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentException.ThrowIfNullOrEmpty(pressId);
        var key = database.RequireRegisterKey();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.KeyLockSql is { } chainLock)
        {
            await connection.ExecuteAsync(new CommandDefinition(chainLock, new { key = "standing-interests-chain" }, transaction, cancellationToken: cancellationToken));
        }

        // Under the chain's writer lock, so two copies of one press can't both miss the other.
        if (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM standing_interests WHERE sequence = (SELECT sequence FROM standing_interest_presses WHERE press_id = @pressId)",
                new { pressId }, transaction, cancellationToken: cancellationToken)) is { } earlier)
        {
            await transaction.CommitAsync(cancellationToken);
            return earlier.ToRecord();
        }

        var boardKey = DbValues.BoardKey(declaration.BoardName);
        var version = 1 + await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM standing_interests WHERE board_key = @boardKey AND person_id = @PersonId",
            new { boardKey, declaration.PersonId }, transaction, cancellationToken: cancellationToken));
        var previous = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT hash FROM standing_interests ORDER BY sequence DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken)) ?? string.Empty;
        var interests = InterestsJson(declaration.Interests);
        var hash = RegisterChains.StandingInterestMac(key, previous, declaration.BoardName, declaration.PersonId, declaration.PersonName, version,
            declaration.NothingToDeclare, interests, declaration.RecordedBy, declaration.DeclaredAt);
        var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO standing_interests (board_key, board_name, person_id, person_name, version, nothing_to_declare, interests_json, recorded_by, declared_at, previous_hash, hash)
            VALUES (@boardKey, @BoardName, @PersonId, @PersonName, @version, @none, @interests, @RecordedBy, @at, @previous, @hash)
            RETURNING sequence
            """,
            new
            {
                boardKey, declaration.BoardName, declaration.PersonId, declaration.PersonName, version, none = declaration.NothingToDeclare ? 1 : 0, interests,
                declaration.RecordedBy, at = DbValues.Text(declaration.DeclaredAt), previous, hash,
            },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO standing_interest_presses (press_id, sequence) VALUES (@pressId, @sequence)", new { pressId, sequence }, transaction, cancellationToken: cancellationToken));
        var action = declaration.RecordedBy == declaration.PersonId ? AuditAction.InterestsSaved : AuditAction.InterestsRecordedFor;
        var detail = JsonSerializer.Serialize(new AuditDetail(declaration.BoardName, declaration.PersonId, version, sequence, hash), StandingInterestJsonContext.Default.AuditDetail);
        var checkpoint = await RegisterChains.AppendAuditAsync(database, connection, transaction, declaration.DeclaredAt, declaration.RecordedBy, action, declaration.BoardName, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        database.Anchor.Publish(checkpoint, key.Id);
        return new StandingRecord(sequence, version, declaration, previous, hash);
    }

    /// <inheritdoc />
    public async Task<StandingRecord?> LatestAsync(string boardName, string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM standing_interests WHERE board_key = @key AND person_id = @personId ORDER BY version DESC LIMIT 1",
            new { key = DbValues.BoardKey(boardName), personId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StandingRecord>> CurrentAsync(string boardName, CancellationToken cancellationToken) =>
        [.. (await HistoryAsync(boardName, cancellationToken)).GroupBy(r => r.Declaration.PersonId).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Sequence)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<StandingRecord>> HistoryAsync(string boardName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM standing_interests WHERE board_key = @key ORDER BY sequence", new { key = DbValues.BoardKey(boardName) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <inheritdoc />
    public async Task<RegisterVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var key = database.RequireRegisterKey();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM standing_interests ORDER BY sequence", cancellationToken: cancellationToken))).ToList();
        var chain = new ChainCheck("standing register of interests", "version entry");
        foreach (var row in rows)
        {
            chain.Next(row.Sequence, row.PreviousHash, row.Hash, RegisterChains.StandingInterestMac(
                key, row.PreviousHash, row.BoardName, row.PersonId, row.PersonName, row.Version, row.NothingToDeclare != 0, row.InterestsJson, row.RecordedBy, DbValues.Time(row.DeclaredAt)));
        }

        // The audit log (itself verified with the declarations register) names every save's sequence and hash: the
        // latest one must still be there, with the same hash.
        var problems = new List<string>(chain.Problems);
        var audited = await connection.QueryAsync<string?>(new CommandDefinition(
            "SELECT detail_json FROM audit_log WHERE action IN (@SavedAction, @RecordedForAction) ORDER BY sequence DESC LIMIT 1",
            new { SavedAction = AuditAction.InterestsSaved.Name, RecordedForAction = AuditAction.InterestsRecordedFor.Name }, cancellationToken: cancellationToken));
        if (audited.FirstOrDefault() is { } json && JsonSerializer.Deserialize(json, StandingInterestJsonContext.Default.AuditDetail) is { } last)
        {
            var stored = rows.FirstOrDefault(r => r.Sequence == last.Sequence);
            if (stored is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"standing register of interests truncated: the audit log records version entry #{last.Sequence}, but it is not there."));
            }
            else if (!string.Equals(stored.Hash, last.Hash, StringComparison.Ordinal))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"standing register of interests rewritten: version entry #{last.Sequence} differs from the hash the audit log records for it."));
            }
        }
        else if (rows.Count > 0)
        {
            problems.Add("standing register of interests: the audit log records no save, though versions are stored (was the audit log rewritten?).");
        }

        return new RegisterVerification(rows.Count, chain.FirstBroken, problems);
    }

    /// <summary>The interests as stored and hashed: <c>[["employment","Thurrock Council","housing officer"], ...]</c>.</summary>
    public static string InterestsJson(IEnumerable<StandingInterest> interests) =>
        JsonSerializer.Serialize(interests.Select(i => new[] { InterestSections.Code(i.Section), i.Organisation, i.Note }).ToArray(), StandingInterestJsonContext.Default.StringArrayArray);

    private static List<StandingInterest> ReadInterests(string json) =>
        [.. (JsonSerializer.Deserialize(json, StandingInterestJsonContext.Default.StringArrayArray) ?? [])
            .Select(a => new StandingInterest(InterestSections.Parse(a[0]) ?? InterestSection.Other, a[1] ?? string.Empty, a.Length > 2 ? a[2] : null))];

    /// <summary>What the audit entry of a save records.</summary>
    internal sealed record AuditDetail(string Board, string Person, int Version, long Sequence, string Hash);

    private sealed class Row
    {
        public long Sequence { get; set; }
        public string BoardName { get; set; } = "";
        public string PersonId { get; set; } = "";
        public string? PersonName { get; set; }
        public int Version { get; set; }
        public long NothingToDeclare { get; set; }
        public string InterestsJson { get; set; } = "[]";
        public string RecordedBy { get; set; } = "";
        public string DeclaredAt { get; set; } = "";
        public string PreviousHash { get; set; } = "";
        public string Hash { get; set; } = "";

        public StandingRecord ToRecord() => new(
            Sequence, Version,
            new StandingDeclaration(BoardName, PersonId, PersonName, NothingToDeclare != 0, ReadInterests(InterestsJson), RecordedBy, DbValues.Time(DeclaredAt)),
            PreviousHash, Hash);
    }
}

/// <summary>JSON for the standing register's stored interests and audit details.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(string?[][]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(StandingInterestRegister.AuditDetail))]
internal sealed partial class StandingInterestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
