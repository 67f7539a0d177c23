using System.Net;
using Microsoft.Extensions.Logging;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Semantic;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// Stores uploaded ToRs (keeping every earlier version) and downloads Teams file attachments. Downloads go only to
/// the hosts <see cref="TorDownloadOptions"/> lists (https; http only to loopback when tests allow it), each redirect
/// checked the same way, and every failure gets the same message, so the bot can't be used to probe addresses.
/// Reading is one document at a time: a parse costs memory and CPU, and a burst of uploads must not add them up.
/// </summary>
public sealed partial class TorIngestion(
    ITermsDocumentStore store, ITorLibrarySource library, IHttpClientFactory httpClients, TorDownloadOptions downloads, ILogger<TorIngestion> logger,
    IPassageEmbeddingIndex? passages = null)
    : ITorIngestion, IDisposable
{
    /// <summary>The named HttpClient used for downloads.</summary>
    public const string HttpClientName = "tor-download";

    /// <summary>What the sender is told whenever a download fails, whatever the reason (the reason goes to the log).</summary>
    public const string DownloadFailedMessage = "I couldn't download the file from Teams. Please send it again.";

    private const int MaxRedirects = 3;
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
    public async Task<byte[]> DownloadAsync(Uri downloadUrl, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(downloadUrl);
        var client = httpClients.CreateClient(HttpClientName);
        var url = downloadUrl;
        for (var hop = 0; ; hop++)
        {
            if (!MayFetch(url))
            {
                throw Refused(url, hop == 0 ? "the link's host is not an allowed file host" : "a redirect left the allowed file hosts");
            }

            HttpResponseMessage response;
            try
            {
                response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw Refused(url, ex.Message);
            }

            using (response)
            {
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location && hop < MaxRedirects)
                {
                    url = new Uri(url, location);
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw Refused(url, $"HTTP {(int)response.StatusCode}");
                }

                return await ReadCappedAsync(response, maxBytes, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => parseGate.Dispose();

    private bool MayFetch(Uri url) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback && downloads.AllowLoopbackDownloads))
        && string.IsNullOrEmpty(url.UserInfo)
        && downloads.IsAllowedHost(url.IdnHost);

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private InvalidDataException Refused(Uri url, string reason)
    {
        // The host only: the query of a Teams download link is a bearer credential.
        var (host, why) = (LogText.Clean(url.IsAbsoluteUri ? url.Host : "(relative)"), LogText.Clean(reason));
        LogDownloadRefused(logger, host, why);
        return new InvalidDataException(DownloadFailedMessage);
    }

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "ToR download refused or failed at host {Host}: {Reason}")]
    private static partial void LogDownloadRefused(ILogger logger, string host, string reason);
}
