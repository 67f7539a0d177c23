using Dapper;
using PartnershipBot.Features.TermsOfReference;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>
/// ToR document versions, in SQLite or PostgreSQL. Versions are append-only: a new upload gets the
/// next number inside one transaction, so two uploads at once cannot take the same number.
/// </summary>
public sealed class TermsDocumentStore(IDatabase database, TimeProvider time) : ITermsDocumentStore
{
    private const string Columns = """
        board_name AS BoardName, version AS Version, file_name AS FileName, media_type AS MediaType, content AS Content,
        facts_json AS FactsJson, stored_at AS StoredAtText, stored_by AS StoredBy
        """;

    /// <inheritdoc />
    public async Task<TermsDocumentVersion> AddVersionAsync(
        string boardName, string fileName, string mediaType, byte[] content, string? factsJson, string storedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(boardName);
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = DbValues.BoardKey(boardName);
        if (database.KeyLockSql is { } keyLock)
        {
            // Two uploads for one board at once must not both take the same next version number.
            await connection.ExecuteAsync(new CommandDefinition(keyLock, new { key }, transaction, cancellationToken: cancellationToken));
        }

        var next = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM terms_documents WHERE board_key = @key", new { key }, transaction, cancellationToken: cancellationToken));
        var stored = new TermsDocumentVersion(boardName.Trim(), next, fileName, mediaType, content, factsJson, time.GetUtcNow(), storedBy);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO terms_documents (board_key, board_name, version, file_name, media_type, content, facts_json, stored_at, stored_by)
            VALUES (@key, @BoardName, @Version, @FileName, @MediaType, @Content, @FactsJson, @StoredAt, @StoredBy)
            """,
            new
            {
                key, stored.BoardName, stored.Version, stored.FileName, stored.MediaType, stored.Content, stored.FactsJson,
                StoredAt = DbValues.Text(stored.StoredAt), stored.StoredBy,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <inheritdoc />
    public async Task<TermsDocumentVersion?> GetLatestAsync(string boardName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM terms_documents WHERE board_key = @key ORDER BY version DESC LIMIT 1",
            new { key = DbValues.BoardKey(boardName) }, cancellationToken: cancellationToken));
        return row?.ToVersion();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TermsDocumentVersion>> ListLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM terms_documents d
            WHERE version = (SELECT MAX(version) FROM terms_documents WHERE board_key = d.board_key)
            ORDER BY board_name
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToVersion())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TermsDocumentVersion>> GetHistoryAsync(string boardName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM terms_documents WHERE board_key = @key ORDER BY version",
            new { key = DbValues.BoardKey(boardName) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToVersion())];
    }

    // Dapper maps by name onto settable properties (and widens SQLite's 64-bit integers); dates are ISO text.
    private sealed class Row
    {
        public string BoardName { get; set; } = "";
        public int Version { get; set; }
        public string FileName { get; set; } = "";
        public string MediaType { get; set; } = "";
        public byte[] Content { get; set; } = [];
        public string? FactsJson { get; set; }
        public string StoredAtText { get; set; } = "";
        public string StoredBy { get; set; } = "";

        public TermsDocumentVersion ToVersion() => new(
            BoardName, Version, FileName, MediaType, Content, FactsJson,
            DbValues.Time(StoredAtText), StoredBy);
    }
}
