using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.TermsOfReference.Conversation;

/// <summary>
/// A secretariat sends the bot a ToR (.docx, .md or .txt) in chat, optionally saying "for &lt;board&gt;": the bot
/// downloads it, stores it as the board's newest version (earlier versions are kept) and says what it read:
/// chair, quorum, cadence and deadlines, so a wrong reading is caught at once.
/// </summary>
public sealed partial class TorUploadRoutes(ITorIngestion ingestion, BoardPermissions permissions, IBoardDirectory directory, TimeProvider time) : IFeatureRoutes
{
    /// <summary>Teams' content type for a file a user sent to the bot.</summary>
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    private const long MaxBytes = 10 * 1024 * 1024;

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**New ToR version** (secretariat): send the .docx, .md or .txt to me in a personal chat, optionally with \"for <board>\"");
        routes.AddMessage("terms/upload", 900, turn => FileOf(turn.Activity) is not null, UploadAsync);
    }

    private async Task<InvokeResponse?> UploadAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var (name, url) = FileOf(turn.Activity)!.Value;
        var named = ForBoard().Match(turn.Text) is { Success: true } m ? m.Groups["board"].Value.Trim() : null;
        try
        {
            var content = await ingestion.DownloadAsync(url, MaxBytes, cancellationToken);
            var board = named ?? TermsOfReferenceModel.Build(name, ingestion.ExtractText(name, content)).Identity.Name;
            if (!await permissions.MaySetUpAsync(turn, board, cancellationToken))
            {
                return await turn.ReplyMarkdownAsync($"Only an admin or the secretariat of the {board} can add a new version of its Terms of Reference.", cancellationToken);
            }

            var stored = await ingestion.IngestAsync(name, content, named, BoardPermissions.PersonOf(turn), cancellationToken);
            await directory.RecordAsync(BoardPermissions.PersonOf(turn), time.GetUtcNow(), "terms.version", stored.Version.BoardName, $"version {stored.Version.Version}: {name}", cancellationToken);
            return await turn.ReplyMarkdownAsync(Summary(stored), cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return await turn.ReplyMarkdownAsync($"I couldn't use {name}: {ex.Message} Nothing was stored.", cancellationToken);
        }
    }

    private static string Summary(IngestedTerms stored)
    {
        var model = stored.Model;
        string Field(Topic topic) => model.Facts[topic] switch
        {
            { Status: FactStatus.Stated } fact => fact.Text!.Length > 160 ? fact.Text[..157] + "..." : fact.Text!,
            { Status: FactStatus.Deferred } => "left open by the ToR",
            _ => "not stated",
        };
        var text = new StringBuilder($"Stored **{stored.Version.FileName}** as version {stored.Version.Version} of the **{stored.Version.BoardName}**");
        text.Append(stored.Version.Version > 1 ? " (earlier versions are kept).\n\n" : ".\n\n").Append("Here is what I read; if anything is wrong, fix the document and send it again:\n\n");
        text.Append("- **Chair**: ").Append(Field(Topic.Chair)).Append('\n');
        text.Append("- **Quorum**: ").Append(model.Quorum is { } q ? $"{q.Text} (with 12 members: {q.Needed(12)})" : Field(Topic.Quorum)).Append('\n');
        text.Append("- **Meetings**: ").Append(Field(Topic.Frequency)).Append('\n');
        text.Append("- **Papers**: ").Append(model.PapersDeadline?.Describe() ?? Field(Topic.PapersDeadline)).Append('\n');
        text.Append("- **Minutes**: ").Append(model.MinutesDeadline?.Describe() ?? Field(Topic.MinutesDeadline));
        return text.ToString();
    }

    /// <summary>The file a user attached (name and pre-authorised download URL), or null.</summary>
    private static (string Name, Uri Url)? FileOf(Activity activity)
    {
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType == FileDownloadInfo && attachment.Name is { Length: > 0 } name
                && attachment.Content is { ValueKind: JsonValueKind.Object } content
                && content.TryGetProperty("downloadUrl", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri))
            {
                return (name, uri);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\bfor\s+(?:the\s+)?(?<board>.+?)\s*[.!]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForBoard();
}
