using System.Text.Json;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Conversations;

/// <summary>A file a user sent the bot in a personal chat: its name and Teams' pre-authorised download link.</summary>
/// <param name="Name">The file's name as the sender's client gave it.</param>
/// <param name="DownloadUrl">The link (its query is a bearer credential: never log or store it).</param>
public sealed record SentFile(string Name, Uri DownloadUrl);

/// <summary>Reads Teams' file attachments off an activity.</summary>
public static class SentFiles
{
    /// <summary>Teams' content type for a file a user sent to the bot.</summary>
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The first file attached to <paramref name="activity"/>, or null.</summary>
    public static SentFile? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType == FileDownloadInfo && attachment.Name is { Length: > 0 } name
                && attachment.Content is { ValueKind: JsonValueKind.Object } content
                && content.TryGetProperty("downloadUrl", out var url) && url.ValueKind == JsonValueKind.String
                && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri))
            {
                return new SentFile(name, uri);
            }
        }

        return null;
    }
}

/// <summary>
/// Fetches a file a user sent (port): only from the allowed file hosts, each redirect checked, at most
/// <c>maxBytes</c>. Every refusal is an <see cref="InvalidDataException"/> whose message can be shown to the sender.
/// </summary>
public interface IFileDownloads
{
    /// <summary>The file's bytes.</summary>
    /// <exception cref="InvalidDataException">Refused, failed, or larger than <paramref name="maxBytes"/>.</exception>
    Task<byte[]> DownloadAsync(Uri downloadUrl, long maxBytes, CancellationToken cancellationToken);
}
