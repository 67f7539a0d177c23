namespace PartnershipBot.Features.Agenda.Papers;

/// <summary>One file sent as an agenda item's paper. A later file for the same item is the next version; all are kept.</summary>
/// <param name="PaperId">Unique id.</param>
/// <param name="ItemId">The agenda item.</param>
/// <param name="BoardName">The item's board.</param>
/// <param name="MeetingId">The item's meeting.</param>
/// <param name="Version">1 for the first file, 2 for the next, ...</param>
/// <param name="FileName">The file's name as sent.</param>
/// <param name="ContentType">Its media type, from its (checked) format.</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex: the same file sent twice is stored once.</param>
/// <param name="SubmittedBy">Who sent it (Entra object id).</param>
/// <param name="SubmittedAt">When it was stored.</param>
/// <param name="WebUrl">Where it can be opened (SharePoint) when it is stored outside the bot's store, else null.</param>
/// <param name="DriveItemId">Its SharePoint drive item id when stored there, else null.</param>
public sealed record PaperVersion(
    string PaperId, string ItemId, string BoardName, string MeetingId, int Version, string FileName, string ContentType, long SizeBytes, string Sha256,
    string SubmittedBy, DateTimeOffset SubmittedAt, string? WebUrl = null, string? DriveItemId = null);

/// <summary>Agenda items' papers (port): the metadata of every version, and the file itself when the bot's store holds it.</summary>
public interface IPaperStore
{
    /// <summary>
    /// Stores <paramref name="paper"/> as the item's next version (its <see cref="PaperVersion.Version"/> is assigned here)
    /// with <paramref name="content"/> (null when the file lives elsewhere, e.g. SharePoint). When the item already has a
    /// file with the same SHA-256 (a retried activity, the same file sent twice), returns that one and false.
    /// </summary>
    Task<(PaperVersion Paper, bool Added)> AddAsync(PaperVersion paper, byte[]? content, CancellationToken cancellationToken);

    /// <summary>The item's version with this SHA-256, or null.</summary>
    Task<PaperVersion?> FindByHashAsync(string itemId, string sha256, CancellationToken cancellationToken);

    /// <summary>Every version of every paper of the meeting, by item then version.</summary>
    Task<IReadOnlyList<PaperVersion>> ForMeetingAsync(string meetingId, CancellationToken cancellationToken);

    /// <summary>The stored file of a version, or null when the bot's store doesn't hold it.</summary>
    Task<byte[]?> ContentAsync(string paperId, CancellationToken cancellationToken);
}
