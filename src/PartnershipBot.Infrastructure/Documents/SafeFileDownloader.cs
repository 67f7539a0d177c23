using System.Net;
using Microsoft.Extensions.Logging;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Protocol.Hosting;

namespace PartnershipBot.Infrastructure.Documents;

/// <summary>
/// Downloads Teams file attachments (ToRs and board papers alike). Downloads go only to the hosts
/// <see cref="TorDownloadOptions"/> lists (https; http only to loopback when tests allow it), each redirect checked
/// the same way, and every failure gets the same message, so the bot can't be used to probe addresses.
/// </summary>
public sealed partial class SafeFileDownloader(IHttpClientFactory httpClients, TorDownloadOptions downloads, ILogger<SafeFileDownloader> logger) : IFileDownloads
{
    /// <summary>The named HttpClient used for downloads (its handler is <see cref="SafeDownloadHandler"/>).</summary>
    public const string HttpClientName = "tor-download";

    /// <summary>What the sender is told whenever a download fails, whatever the reason (the reason goes to the log).</summary>
    public const string DownloadFailedMessage = "I couldn't download the file from Teams. Please send it again.";

    private const int MaxRedirects = 3;

    /// <summary>The message for a file over <paramref name="maxBytes"/>.</summary>
    public static string TooLargeMessage(long maxBytes) => $"The file is larger than {maxBytes / (1024 * 1024)} MB; please send a smaller document.";

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
            throw new InvalidDataException(TooLargeMessage(maxBytes));
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException(TooLargeMessage(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "File download refused or failed at host {Host}: {Reason}")]
    private static partial void LogDownloadRefused(ILogger logger, string host, string reason);
}
