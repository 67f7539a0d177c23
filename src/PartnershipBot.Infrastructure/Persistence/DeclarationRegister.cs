using Dapper;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Infrastructure.Persistence.Integrity;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// The declarations register in SQLite or PostgreSQL. Appends take a writer lock so two declarations at once
/// cannot chain to the same previous entry; each entry is hashed under the register key (HMAC-SHA256) and a signed
/// checkpoint of the new head is written with it and published outside the database; the table itself refuses
/// updates, deletes, replaces and truncation (triggers).
/// </summary>
public sealed class DeclarationRegister(IDatabase database) : IDeclarationRegister
{
    private const string Columns = """
        sequence AS Sequence, board_name AS BoardName, item AS Item, person_id AS PersonId, person_name AS PersonName,
        interest AS Interest, nature AS Nature, declared_at AS DeclaredAt, previous_hash AS PreviousHash, hash AS Hash,
        meeting_id AS MeetingId
        """;

    /// <inheritdoc />
    public Task<DeclarationRecord> AppendAsync(DeclarationEntry entry, CancellationToken cancellationToken) => AppendAsync(entry, null, cancellationToken);

    /// <inheritdoc />
    public Task<DeclarationRecord> AppendOnceAsync(DeclarationEntry entry, string pressId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pressId);
        return AppendAsync(entry, pressId, cancellationToken);
    }

    private async Task<DeclarationRecord> AppendAsync(DeclarationEntry entry, string? pressId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = database.RequireRegisterKey();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.KeyLockSql is { } chainLock)
        {
            await connection.ExecuteAsync(new CommandDefinition(chainLock, new { key = "declarations-chain" }, transaction, cancellationToken: cancellationToken));
        }

        // Under the chain's writer lock, so two copies of one press can't both miss the other.
        if (pressId is not null && await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM declarations WHERE sequence = (SELECT sequence FROM declaration_presses WHERE press_id = @pressId)",
                new { pressId }, transaction, cancellationToken: cancellationToken)) is { } earlier)
        {
            await transaction.CommitAsync(cancellationToken);
            return earlier.ToRecord();
        }

        var previous = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT hash FROM declarations ORDER BY sequence DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken)) ?? string.Empty;
        var hash = RegisterChains.DeclarationMac(key, previous, entry);
        var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO declarations (board_key, board_name, meeting_id, item, person_id, person_name, interest, nature, declared_at, previous_hash, hash)
            VALUES (@key, @BoardName, @MeetingId, @Item, @PersonId, @PersonName, @interest, @Nature, @at, @previous, @hash)
            RETURNING sequence
            """,
            new
            {
                key = DbValues.BoardKey(entry.BoardName), entry.BoardName, entry.MeetingId, entry.Item, entry.PersonId, entry.PersonName,
                interest = DeclarationChain.Code(entry.Interest), entry.Nature, at = DbValues.Text(entry.DeclaredAt), previous, hash,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (pressId is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO declaration_presses (press_id, sequence) VALUES (@pressId, @sequence)", new { pressId, sequence }, transaction, cancellationToken: cancellationToken));
        }

        var checkpoint = await RegisterChains.CheckpointAsync(connection, transaction, key, RegisterChains.Declarations, hash, entry.DeclaredAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        database.Anchor.Publish(checkpoint, key.Id);
        return new DeclarationRecord(sequence, entry, previous, hash);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeclarationRecord>> ListAsync(string boardName, string? item, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM declarations WHERE board_key = @key AND (@item IS NULL OR item = @item) ORDER BY sequence",
            new { key = DbValues.BoardKey(boardName), item }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeclarationRecord>> ListForItemAsync(DeclarationItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM declarations WHERE board_key = @key AND item = @Title AND COALESCE(meeting_id, '') = @meeting ORDER BY sequence",
            new { key = DbValues.BoardKey(item.BoardName), item.Title, meeting = item.MeetingId ?? string.Empty }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <inheritdoc />
    public Task<RegisterVerification> VerifyAsync(CancellationToken cancellationToken) => VerifyAsync(null, cancellationToken);

    /// <inheritdoc />
    public async Task<RegisterVerification> VerifyAsync(RegisterHead? expected, CancellationToken cancellationToken)
    {
        var key = database.RequireRegisterKey();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM declarations ORDER BY sequence", cancellationToken: cancellationToken))).ToList();
        var chain = new ChainCheck("declarations register", "entry");
        foreach (var row in rows)
        {
            var record = row.ToRecord();
            chain.Next(record.Sequence, record.PreviousHash, record.Hash, RegisterChains.DeclarationMac(key, record.PreviousHash, record.Entry));
        }

        var anchors = database.Anchor.Read();
        await chain.CheckHeadsAsync(connection, key, RegisterChains.Declarations, anchors.GetValueOrDefault(RegisterChains.Declarations), expected, cancellationToken);

        var audit = (await connection.QueryAsync<AuditRow>(new CommandDefinition(
            "SELECT sequence AS Sequence, at AS At, actor AS Actor, action AS Action, subject AS Subject, detail_json AS DetailJson, previous_hash AS PreviousHash, hash AS Hash FROM audit_log ORDER BY sequence",
            cancellationToken: cancellationToken))).ToList();
        var auditChain = new ChainCheck("audit log", "audit entry");
        foreach (var row in audit)
        {
            auditChain.Next(row.Sequence, row.PreviousHash ?? string.Empty, row.Hash ?? string.Empty,
                RegisterChains.AuditMac(key, row.PreviousHash ?? string.Empty, row.At, row.Actor, row.Action, row.Subject, row.DetailJson));
        }

        await auditChain.CheckHeadsAsync(connection, key, RegisterChains.Audit, anchors.GetValueOrDefault(RegisterChains.Audit), null, cancellationToken);
        return new RegisterVerification(rows.Count, chain.FirstBroken, [.. chain.Problems, .. auditChain.Problems], audit.Count);
    }

    private sealed class AuditRow
    {
        public long Sequence { get; set; }
        public string At { get; set; } = "";
        public string Actor { get; set; } = "";
        public string Action { get; set; } = "";
        public string Subject { get; set; } = "";
        public string? DetailJson { get; set; }
        public string? PreviousHash { get; set; }
        public string? Hash { get; set; }
    }

    private sealed class Row
    {
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

        public DeclarationRecord ToRecord() => new(
            Sequence,
            new DeclarationEntry(BoardName, Item, PersonId, PersonName, DeclarationChain.Parse(Interest) ?? InterestKind.None, Nature, DbValues.Time(DeclaredAt), MeetingId),
            PreviousHash,
            Hash);
    }
}
