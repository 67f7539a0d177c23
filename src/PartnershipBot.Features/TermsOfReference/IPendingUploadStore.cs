namespace PartnershipBot.Features.TermsOfReference;

/// <summary>A ToR file that was read but not yet kept: it waits for its uploader to confirm what the bot understood.</summary>
/// <param name="UploadId">The id the confirmation card carries.</param>
/// <param name="FileName">The file's name as sent.</param>
/// <param name="NamedBoard">The board the uploader named ("for &lt;board&gt;"), or null to use the document's own title.</param>
/// <param name="BoardName">The board it would become a version of (for permissions and messages).</param>
/// <param name="Content">The file's bytes, exactly as sent.</param>
/// <param name="UploadedBy">Who sent it (Entra object id): only they may keep or discard it.</param>
/// <param name="UploadedAt">When.</param>
public sealed record PendingUpload(string UploadId, string FileName, string? NamedBoard, string BoardName, byte[] Content, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>
/// Uploads waiting for confirmation (port). Durable, because the uploader may press "Keep" after the bot
/// has restarted or on another instance.
/// </summary>
public interface IPendingUploadStore
{
    /// <summary>Stores a pending upload.</summary>
    Task SaveAsync(PendingUpload upload, CancellationToken cancellationToken);

    /// <summary>The pending upload, or null when it was already kept, discarded or cleared.</summary>
    Task<PendingUpload?> FindAsync(string uploadId, CancellationToken cancellationToken);

    /// <summary>Removes and returns the pending upload; null when someone else took it first (a double click).</summary>
    Task<PendingUpload?> TakeAsync(string uploadId, CancellationToken cancellationToken);

    /// <summary>Deletes uploads nobody confirmed before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
