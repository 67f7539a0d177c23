using Dapper;
using PartnershipBot.Features.Agenda.Papers;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>Agenda items' paper versions in SQLite or PostgreSQL.</summary>
public sealed class PaperStore(IDatabase database) : IPaperStore
{
    private const string Columns = """
        paper_id AS PaperId, item_id AS ItemId, board_name AS BoardName, meeting_id AS MeetingId, version AS Version,
        file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes, sha256 AS Sha256,
        submitted_by AS SubmittedBy, submitted_at AS SubmittedAt, web_url AS WebUrl, drive_item_id AS DriveItemId
        """;

    // Two different files for one item arriving together may both read the same next version; the loser of the
    // (item_id, version) constraint tries again with the one after. More than a few rounds means something else is wrong.
    private const int VersionAttempts = 5;

    /// <inheritdoc />
    public async Task<(PaperVersion Paper, bool Added)> AddAsync(PaperVersion paper, byte[]? content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paper);
        for (var attempt = 0; attempt < VersionAttempts; attempt++)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // One statement takes the next version and inserts; either unique constraint makes it a no-op.
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO paper_versions (paper_id, item_id, board_key, board_name, meeting_id, version, file_name, content_type, size_bytes,
                    sha256, submitted_by, submitted_at, content, drive_item_id, web_url)
                SELECT @PaperId, @ItemId, @key, @BoardName, @MeetingId, COALESCE(MAX(version), 0) + 1, @FileName, @ContentType, @SizeBytes,
                    @Sha256, @SubmittedBy, @at, @content, @DriveItemId, @WebUrl
                FROM paper_versions WHERE item_id = @ItemId
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    paper.PaperId, paper.ItemId, key = DbValues.BoardKey(paper.BoardName), paper.BoardName, paper.MeetingId, paper.FileName, paper.ContentType,
                    paper.SizeBytes, paper.Sha256, paper.SubmittedBy, at = DbValues.Text(paper.SubmittedAt), content, paper.DriveItemId, paper.WebUrl,
                },
                cancellationToken: cancellationToken));
            var stored = await FindByHashAsync(paper.ItemId, paper.Sha256, cancellationToken);
            if (stored is not null)
            {
                return (stored, inserted == 1 && stored.PaperId == paper.PaperId);
            }
        }

        throw new InvalidOperationException($"Could not give the paper for item {paper.ItemId} a version number after {VersionAttempts} attempts.");
    }

    /// <inheritdoc />
    public async Task<PaperVersion?> FindByHashAsync(string itemId, string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM paper_versions WHERE item_id = @itemId AND sha256 = @sha256", new { itemId, sha256 }, cancellationToken: cancellationToken));
        return row?.ToPaper();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaperVersion>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM paper_versions WHERE meeting_id = @meetingId ORDER BY item_id, version", new { meetingId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPaper())];
    }

    /// <inheritdoc />
    public async Task<byte[]?> ContentAsync(string paperId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT content FROM paper_versions WHERE paper_id = @paperId", new { paperId }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string PaperId { get; set; } = "";
        public string ItemId { get; set; } = "";
        public string BoardName { get; set; } = "";
        public string MeetingId { get; set; } = "";
        public long Version { get; set; }
        public string FileName { get; set; } = "";
        public string ContentType { get; set; } = "";
        public long SizeBytes { get; set; }
        public string Sha256 { get; set; } = "";
        public string SubmittedBy { get; set; } = "";
        public string SubmittedAt { get; set; } = "";
        public string? WebUrl { get; set; }
        public string? DriveItemId { get; set; }

        public PaperVersion ToPaper() => new(
            PaperId, ItemId, BoardName, MeetingId, (int)Version, FileName, ContentType, SizeBytes, Sha256, SubmittedBy, DbValues.Time(SubmittedAt), WebUrl, DriveItemId);
    }
}
