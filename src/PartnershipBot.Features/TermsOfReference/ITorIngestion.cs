using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.TermsOfReference;

/// <summary>The outcome of storing an uploaded ToR.</summary>
/// <param name="Version">The stored version.</param>
/// <param name="Model">What the bot read from it.</param>
public sealed record IngestedTerms(TermsDocumentVersion Version, TermsOfReferenceModel Model);

/// <summary>
/// Reads and stores a ToR file as its board's newest version, then refreshes the bot's library (port:
/// reading .docx and downloading files are Infrastructure's job).
/// </summary>
public interface ITorIngestion
{
    /// <summary>
    /// Reads <paramref name="content"/> as a ToR without storing it; <paramref name="boardName"/> overrides the document's
    /// title. One document is read at a time; a caller waiting too long is told to try again.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is unreadable, too large, or doesn't read like Terms of Reference.</exception>
    Task<TermsOfReferenceModel> ReadAsync(string fileName, byte[] content, string? boardName, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="content"/>; <paramref name="boardName"/> overrides the title the document gives.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable ToR.</exception>
    Task<IngestedTerms> IngestAsync(string fileName, byte[] content, string? boardName, string storedBy, CancellationToken cancellationToken);

    /// <summary>The text of a ToR file (.txt, .md, .docx).</summary>
    /// <exception cref="InvalidDataException">The format is not supported or the file is unreadable.</exception>
    string ExtractText(string fileName, byte[] content);

    /// <summary>Downloads a file Teams attached to a message (its pre-authorised download URL), at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The download failed, is too large, or the URL is not allowed (one message for every failure but size).</exception>
    Task<byte[]> DownloadAsync(Uri downloadUrl, long maxBytes, CancellationToken cancellationToken);
}
