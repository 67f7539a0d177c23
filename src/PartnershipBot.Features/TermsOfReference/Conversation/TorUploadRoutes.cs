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
/// downloads and reads it, then shows what it understood (chair, quorum, cadence, deadlines) on a card. Only
/// when the uploader presses "Keep this version" is it stored as the board's newest version (earlier versions
/// are kept), so a wrong reading is caught before the bot answers from it. The upload waits in a durable
/// store, so the card still works after a restart.
/// </summary>
public sealed partial class TorUploadRoutes(
    ITorIngestion ingestion, IPendingUploadStore pending, ITermsDocumentStore documents, BoardContextResolver boards, IAuditLog audit, TimeProvider time)
    : IFeatureRoutes
{
    /// <summary>Teams' content type for a file a user sent to the bot.</summary>
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>How long an unconfirmed upload waits before it is cleared.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromDays(7);

    private const long MaxBytes = 10 * 1024 * 1024;

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**New ToR version**: send the .docx, .md or .txt to me in a personal chat, optionally with \"for <board>\"; I show what I read before keeping it", HelpAudience.SetUp);
        routes.AddMessage("terms/upload", 900, turn => FileOf(turn.Activity) is not null, UploadAsync);
        routes.AddCardAction("terms/upload/keep", TorUploadCards.KeepVerb, KeepAsync);
        routes.AddCardAction("terms/upload/discard", TorUploadCards.DiscardVerb, DiscardAsync);
    }

    private async Task<InvokeResponse?> UploadAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var (name, url) = FileOf(turn.Activity)!.Value;
        var named = ForBoard().Match(turn.Text) is { Success: true } m ? m.Groups["board"].Value.Trim() : null;
        // Permission before the download: fetching and parsing a file costs memory and CPU, so someone who could
        // never keep it must not be able to make the bot do either. The board the document names is checked again below.
        if (await UploadRefusalAsync(turn, named, cancellationToken) is { } refusal)
        {
            return await turn.ReplyMarkdownAsync(refusal, cancellationToken);
        }

        TermsOfReferenceModel model;
        byte[] content;
        try
        {
            content = await ingestion.DownloadAsync(url, MaxBytes, cancellationToken);
            model = await ingestion.ReadAsync(name, content, named, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return await turn.ReplyMarkdownAsync($"I couldn't use {MarkdownText.Escape(name)}: {ex.Message} Nothing was stored.", cancellationToken);
        }

        var board = model.Identity.Name;
        var refused = $"Only an admin or the secretariat of the {MarkdownText.Escape(board)} can add a new version of its Terms of Reference.";
        if (BoardPermissions.EntraIdOf(turn) is null
            || !(await boards.TermsVersionAsync(turn, board, NewVersion(refused), claim: false, cancellationToken)).Allowed)
        {
            return await turn.ReplyMarkdownAsync(refused, cancellationToken);
        }

        var now = time.GetUtcNow();
        // Abandoned uploads are cleared as new ones arrive, so file copies don't pile up unconfirmed.
        await pending.DeleteOlderThanAsync(now - PendingLifetime, cancellationToken);
        var upload = new PendingUpload(Guid.NewGuid().ToString("N"), name, named, board, content, BoardPermissions.PersonOf(turn), now);
        await pending.SaveAsync(upload, cancellationToken);
        var nextVersion = ((await documents.GetLatestAsync(board, cancellationToken))?.Version ?? 0) + 1;
        var reply = turn.Activity.CreateReply();
        reply.Attachments = [TorUploadCards.Review(upload, model, nextVersion).ToAttachment()];
        await turn.SendActivityAsync(reply, cancellationToken);
        return null;
    }

    private async Task<InvokeResponse?> KeepAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var (upload, problem) = await ClaimAsync(turn, action, cancellationToken);
        if (upload is null)
        {
            return problem;
        }

        IngestedTerms stored;
        try
        {
            stored = await ingestion.IngestAsync(upload.FileName, upload.Content, upload.NamedBoard, upload.UploadedBy, cancellationToken);
        }
        catch (Exception)
        {
            // Put it back, so a passing failure doesn't lose the upload: the uploader can press Keep again.
            await pending.SaveAsync(upload, CancellationToken.None);
            throw;
        }

        await audit.RecordAsync(BoardPermissions.PersonOf(turn), time.GetUtcNow(), AuditAction.TermsVersion, stored.Version.BoardName,
            $"version {stored.Version.Version}: {upload.FileName}, kept by its uploader after review (upload {upload.UploadId})", cancellationToken);
        return InvokeResponse.Card(TorUploadCards.Kept(stored).ToElement());
    }

    private async Task<InvokeResponse?> DiscardAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var (upload, problem) = await ClaimAsync(turn, action, cancellationToken);
        return upload is null ? problem : InvokeResponse.Card(TorUploadCards.Discarded(upload).ToElement());
    }

    /// <summary>
    /// Takes the card's pending upload for a decision, or says why it can't be used: gone (already decided,
    /// or cleared), expired, someone else's, or the uploader has since lost the right to change the board.
    /// </summary>
    private async Task<(PendingUpload? Upload, InvokeResponse? Problem)> ClaimAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var id = CardActionData.Text(action.Data, "upload");
        var found = id is null ? null : await pending.FindAsync(id, cancellationToken);
        if (found is null || found.UploadedAt + PendingLifetime < time.GetUtcNow())
        {
            return (null, Card(TorUploadCards.CannotUse("This upload is no longer waiting",
                "It was already kept or discarded, or it waited too long and was cleared. To add a new version, send the file again.")));
        }

        if (BoardPermissions.EntraIdOf(turn) is not { } person || !string.Equals(found.UploadedBy, person, StringComparison.OrdinalIgnoreCase))
        {
            return (null, Card(TorUploadCards.CannotUse("Only the person who sent this file can keep or discard it",
                "Nothing was changed. If you have a newer version, send it to me yourself.")));
        }

        // Keeping a board's first ToR from Teams claims it for the uploader's tenant; another tenant's board is refused.
        if (!(await boards.TermsVersionAsync(turn, found.BoardName, NewVersion(string.Empty), claim: true, cancellationToken)).Allowed)
        {
            return (null, Card(TorUploadCards.CannotUse("You can no longer change this board's Terms of Reference",
                $"Only an admin or the secretariat of the {found.BoardName} can add a new version. Nothing was stored.")));
        }

        // Take is atomic: of two clicks (or two instances) only one gets the upload.
        var taken = await pending.TakeAsync(found.UploadId, cancellationToken);
        return taken is null
            ? (null, Card(TorUploadCards.CannotUse("This upload is no longer waiting", "It was just kept or discarded. Nothing else was changed.")))
            : (taken, null);
    }

    /// <summary>
    /// Null when the sender could keep some upload, else what to tell them: with "for &lt;board&gt;", they must be able to
    /// set that board up; otherwise some board the bot has (or be an admin), since the document's own title is only
    /// known once it is read.
    /// </summary>
    private async Task<string?> UploadRefusalAsync(ITurnContext turn, string? named, CancellationToken cancellationToken)
    {
        if (named is not null)
        {
            var refused = $"Only an admin or the secretariat of the {named} can add a new version of its Terms of Reference. I didn't open the file.";
            return (await boards.NamedAsync(turn, named, NewVersion(refused), cancellationToken)).Refusal;
        }

        const string RefusedAny = "Only an admin or a board's secretariat can add a new version of its Terms of Reference. I didn't open the file.";
        if (boards.IsAdmin(turn))
        {
            return null;
        }

        foreach (var version in await documents.ListLatestAsync(cancellationToken))
        {
            if ((await boards.NamedAsync(turn, version.BoardName, NewVersion(RefusedAny), cancellationToken)).Allowed)
            {
                return null;
            }
        }

        return RefusedAny;
    }

    /// <summary>Adding a ToR version is set-up; refused (whether the board is another tenant's or not the actor's to run) in <paramref name="refused"/>.</summary>
    private static BoardRequest NewVersion(string refused) => new(BoardDuty.SetUp, NeedsTerms: false, refused, refused);

    private static InvokeResponse Card(Protocol.Cards.AdaptiveCard card) => InvokeResponse.Card(card.ToElement());

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

    [GeneratedRegex(@"\bfor\s+(?:the\s+)?(?<board>.+?)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ForBoard();
}
