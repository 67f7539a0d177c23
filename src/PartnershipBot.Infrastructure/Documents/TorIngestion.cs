using System.Net;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Semantic;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// Stores uploaded ToRs (keeping every earlier version) and downloads Teams file attachments. Downloads must
/// be https, except to loopback addresses (the Agents Playground and tests).
/// </summary>
public sealed class TorIngestion(ITermsDocumentStore store, ITorLibrarySource library, IHttpClientFactory httpClients, IPassageEmbeddingIndex? passages = null) : ITorIngestion
{
    /// <summary>The named HttpClient used for downloads.</summary>
    public const string HttpClientName = "tor-download";

    /// <inheritdoc />
    public TermsOfReferenceModel Read(string fileName, byte[] content, string? boardName)
    {
        var model = TermsOfReferenceModel.Build(fileName, TorFileReader.ExtractText(fileName, content), boardName);
        return model.Facts.Values.Count(f => f.Status != FactStatus.NotStated) < 2
            ? throw new InvalidDataException($"{fileName} doesn't read like Terms of Reference: I found no chair, membership, meetings, quorum or purpose in it.")
            : model;
    }

    /// <inheritdoc />
    public async Task<IngestedTerms> IngestAsync(string fileName, byte[] content, string? boardName, string storedBy, CancellationToken cancellationToken)
    {
        var model = Read(fileName, content, boardName);
        var stored = await StoredTorLibrarySource.StoreAsync(store, fileName, content, model, storedBy, cancellationToken);
        library.Invalidate();
        // In the background: the uploader's card must not wait for the model; the task never faults.
        _ = passages?.EmbedPassagesAsync(PassageSentences.Split(TorFileReader.ExtractText(fileName, content)), CancellationToken.None);
        return stored;
    }

    /// <inheritdoc />
    public string ExtractText(string fileName, byte[] content) => TorFileReader.ExtractText(fileName, content);

    /// <inheritdoc />
    public async Task<byte[]> DownloadAsync(Uri downloadUrl, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(downloadUrl);
        if (downloadUrl.Scheme != Uri.UriSchemeHttps && !(downloadUrl.Scheme == Uri.UriSchemeHttp && downloadUrl.IsLoopback))
        {
            throw new InvalidDataException("The file's download link is not a secure (https) address, so I didn't fetch it.");
        }

        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.GetAsync(downloadUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidDataException($"I couldn't download the file (HTTP {(int)response.StatusCode}). Please send it again.");
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"The file is larger than {maxBytes / (1024 * 1024)} MB; please send a smaller document.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException($"The file is larger than {maxBytes / (1024 * 1024)} MB; please send a smaller document.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
