using System.Text.Json.Nodes;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Cards;
using PartnershipBot.Features.Routing;

namespace PartnershipBot.Features.TermsOfReference.Conversation;

/// <summary>
/// The cards of a ToR upload: what the bot understood (to keep or discard), and what happened after. Showing the
/// reading before storing it means a misread document never becomes the version the bot answers from.
/// </summary>
public static class TorUploadCards
{
    /// <summary>The verb of "Keep this version".</summary>
    public const string KeepVerb = "terms/upload/keep";

    /// <summary>The verb of "Discard".</summary>
    public const string DiscardVerb = "terms/upload/discard";

    private const int MaxFactLength = 160;

    /// <summary>What was read from the upload, with "Keep this version" and "Discard".</summary>
    public static AdaptiveCard Review(PendingUpload upload, TermsOfReferenceModel model, int nextVersion)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(model);
        var data = new JsonObject { ["upload"] = upload.UploadId };
        return new AdaptiveCard()
            .Text($"Is this the {upload.BoardName}?", "heading")
            .Text($"I read **{MarkdownText.EscapeForCard(upload.FileName)}**. Nothing is stored yet: check what I understood, then keep it as version {nextVersion}"
                + (nextVersion > 1 ? " (the earlier versions are kept)" : string.Empty) + " or discard it.")
            .Facts(Understood(upload.BoardName, model))
            .Text("If anything is wrong, discard this, fix the document and send it again.")
            .Execute("Keep this version", KeepVerb, data)
            .Execute("Discard", DiscardVerb, data);
    }

    /// <summary>The card that replaces the review once the version is stored.</summary>
    public static AdaptiveCard Kept(IngestedTerms stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var version = stored.Version;
        return new AdaptiveCard()
            .Text($"Stored as version {version.Version} of the {version.BoardName}", "good")
            .Text($"**{MarkdownText.EscapeForCard(version.FileName)}** is now the version I answer from" + (version.Version > 1 ? "; the earlier versions are kept." : "."))
            .Facts(Understood(version.BoardName, stored.Model));
    }

    /// <summary>The card that replaces the review once it is discarded.</summary>
    public static AdaptiveCard Discarded(PendingUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return new AdaptiveCard()
            .Text("Discarded", "heading")
            .Text($"I didn't store **{MarkdownText.EscapeForCard(upload.FileName)}**; the {upload.BoardName} keeps its current Terms of Reference.");
    }

    /// <summary>A review that can't be acted on: already decided, cleared, or someone else's.</summary>
    public static AdaptiveCard CannotUse(string title, string explanation) => new AdaptiveCard()
        .Text(title, "attention")
        .Text(explanation);

    /// <summary>Board, chair, quorum, cadence and deadlines as the bot read them.</summary>
    private static (string Title, string Value)[] Understood(string boardName, TermsOfReferenceModel model)
    {
        string Field(Topic topic) => model.Facts[topic] switch
        {
            { Status: FactStatus.Stated } fact => fact.Text!.Length > MaxFactLength ? fact.Text[..(MaxFactLength - 3)] + "..." : fact.Text!,
            { Status: FactStatus.Deferred } => "to be confirmed, the ToR say",
            { Status: FactStatus.Mentioned } => "mentioned, not settled",
            _ => "not stated",
        };
        return
        [
            ("Board", boardName),
            ("Chair", Field(Topic.Chair)),
            ("Quorum", model.Quorum is { } q ? $"{q.Text} (with 12 members: {q.Needed(12)})" : Field(Topic.Quorum)),
            ("Meetings", Field(Topic.Frequency)),
            ("Papers", model.PapersDeadline?.Describe() ?? Field(Topic.PapersDeadline)),
            ("Minutes", model.MinutesDeadline?.Describe() ?? Field(Topic.MinutesDeadline)),
        ];
    }
}
