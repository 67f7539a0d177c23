using Dapper;
using PartnershipBot.Features.TermsOfReference;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>ToR uploads waiting for confirmation, in SQLite or PostgreSQL.</summary>
public sealed class PendingUploadStore(IDatabase database) : IPendingUploadStore
{
    private const string Columns = """
        upload_id AS UploadId, file_name AS FileName, named_board AS NamedBoard, board_name AS BoardName, content AS Content,
        uploaded_by AS UploadedBy, uploaded_at AS UploadedAt
        """;

    /// <inheritdoc />
    public async Task SaveAsync(PendingUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO pending_uploads (upload_id, file_name, named_board, board_name, content, uploaded_by, uploaded_at)
            VALUES (@UploadId, @FileName, @NamedBoard, @BoardName, @Content, @UploadedBy, @at)
            ON CONFLICT (upload_id) DO NOTHING
            """,
            new { upload.UploadId, upload.FileName, upload.NamedBoard, upload.BoardName, upload.Content, upload.UploadedBy, at = DbValues.Text(upload.UploadedAt) },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<PendingUpload?> FindAsync(string uploadId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM pending_uploads WHERE upload_id = @uploadId", new { uploadId }, cancellationToken: cancellationToken));
        return row?.ToUpload();
    }

    /// <inheritdoc />
    public async Task<PendingUpload?> TakeAsync(string uploadId, CancellationToken cancellationToken)
    {
        // DELETE ... RETURNING claims the row in one statement, so two concurrent takes can't both get it.
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"DELETE FROM pending_uploads WHERE upload_id = @uploadId RETURNING {Columns}", new { uploadId }, cancellationToken: cancellationToken));
        return row?.ToUpload();
    }

    /// <inheritdoc />
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pending_uploads WHERE uploaded_at < @cutoff", new { cutoff = DbValues.Text(cutoff) }, cancellationToken: cancellationToken));
    }

    // Dapper maps by name onto settable properties; dates are ISO text.
    private sealed class Row
    {
        public string UploadId { get; set; } = "";
        public string FileName { get; set; } = "";
        public string? NamedBoard { get; set; }
        public string BoardName { get; set; } = "";
        public byte[] Content { get; set; } = [];
        public string UploadedBy { get; set; } = "";
        public string UploadedAt { get; set; } = "";

        public PendingUpload ToUpload() => new(UploadId, FileName, NamedBoard, BoardName, Content, UploadedBy, DbValues.Time(UploadedAt));
    }
}
