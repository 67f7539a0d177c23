namespace PartnershipBot.Features.TermsOfReference;

/// <summary>One stored version of a board's Terms of Reference document; the original file is kept.</summary>
/// <param name="BoardName">The board the document governs (as named when ingested).</param>
/// <param name="Version">1, 2, 3 ... per board; a new upload never replaces an old version.</param>
/// <param name="FileName">Original file name, e.g. "csp-tor-2024.docx".</param>
/// <param name="MediaType">e.g. "text/plain", "text/markdown", or the .docx media type.</param>
/// <param name="Content">The original bytes.</param>
/// <param name="FactsJson">The structured facts extracted at ingestion (JSON), when available.</param>
/// <param name="StoredAt">When this version was stored.</param>
/// <param name="StoredBy">Who stored it (Entra object id, or "cli"/"seed").</param>
public sealed record TermsDocumentVersion(
    string BoardName,
    int Version,
    string FileName,
    string MediaType,
    byte[] Content,
    string? FactsJson,
    DateTimeOffset StoredAt,
    string StoredBy);

/// <summary>Durable store of ToR document versions (port; implemented in Infrastructure).</summary>
public interface ITermsDocumentStore
{
    /// <summary>Stores a new version for the board (creating the board if needed); the version number is assigned here.</summary>
    Task<TermsDocumentVersion> AddVersionAsync(
        string boardName, string fileName, string mediaType, byte[] content, string? factsJson, string storedBy, CancellationToken cancellationToken);

    /// <summary>The newest version for a board (board name matched case-insensitively), or null.</summary>
    Task<TermsDocumentVersion?> GetLatestAsync(string boardName, CancellationToken cancellationToken);

    /// <summary>The newest version of every board.</summary>
    Task<IReadOnlyList<TermsDocumentVersion>> ListLatestAsync(CancellationToken cancellationToken);

    /// <summary>All versions for a board, oldest first.</summary>
    Task<IReadOnlyList<TermsDocumentVersion>> GetHistoryAsync(string boardName, CancellationToken cancellationToken);
}
