using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Semantic;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// Stores uploaded ToRs (keeping every earlier version) and downloads Teams file attachments through
/// <see cref="SafeFileDownloader"/> (the allowed hosts only, each redirect checked, one message for every failure).
/// Reading is one document at a time: a parse costs memory and CPU, and a burst of uploads must not add them up.
/// </summary>
public sealed class TorIngestion(
    ITermsDocumentStore store, ITorLibrarySource library, SafeFileDownloader downloader, IPassageEmbeddingIndex? passages = null)
    : ITorIngestion, IDisposable
{
    /// <summary>The named HttpClient used for downloads.</summary>
    public const string HttpClientName = SafeFileDownloader.HttpClientName;

    /// <summary>What the sender is told whenever a download fails, whatever the reason (the reason goes to the log).</summary>
    public const string DownloadFailedMessage = SafeFileDownloader.DownloadFailedMessage;

    private static readonly TimeSpan ParseWait = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim parseGate = new(1, 1);

    /// <inheritdoc />
    public async Task<TermsOfReferenceModel> ReadAsync(string fileName, byte[] content, string? boardName, CancellationToken cancellationToken)
    {
        if (!await parseGate.WaitAsync(ParseWait, cancellationToken))
        {
            throw new InvalidDataException("I'm reading another document just now; please send yours again in a minute.");
        }

        try
        {
            var model = TermsOfReferenceModel.Build(fileName, TorFileReader.ExtractText(fileName, content), boardName);
            return model.Facts.Values.Count(f => f.Status != FactStatus.NotStated) < 2
                ? throw new InvalidDataException($"{fileName} doesn't read like Terms of Reference: I found no chair, membership, meetings, quorum or purpose in it.")
                : model;
        }
        finally
        {
            parseGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IngestedTerms> IngestAsync(string fileName, byte[] content, string? boardName, string storedBy, CancellationToken cancellationToken)
    {
        var model = await ReadAsync(fileName, content, boardName, cancellationToken);
        var stored = await StoredTorLibrarySource.StoreAsync(store, fileName, content, model, storedBy, cancellationToken);
        library.Invalidate();
        // The engine's own passages, so answers find every one stored. In the background: the uploader's card must not
        // wait for the model (the board answers lexically until it is done); the task never faults.
        _ = passages?.EmbedPassagesAsync(model.Passages.Select(p => p.Text), CancellationToken.None);
        return stored;
    }

    /// <inheritdoc />
    public string ExtractText(string fileName, byte[] content) => TorFileReader.ExtractText(fileName, content);

    /// <inheritdoc />
    public Task<byte[]> DownloadAsync(Uri downloadUrl, long maxBytes, CancellationToken cancellationToken) =>
        downloader.DownloadAsync(downloadUrl, maxBytes, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => parseGate.Dispose();
}
