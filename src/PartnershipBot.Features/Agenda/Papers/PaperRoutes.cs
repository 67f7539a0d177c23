using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Agenda.Papers;

/// <summary>
/// A paper sent as a file: in a personal chat the item's owner (or the secretariat) sends the document with "paper for
/// Community Safety Strategy refresh" or "paper for item 4". The item is found among the coming meetings the sender
/// may see (<see cref="PaperItemFinder"/>); the file is checked (format, size), downloaded with the ToR upload's host
/// checks and limit, and stored as the item's next version; only then is it acknowledged. The first arrival still
/// decides whether the paper was on time, as "paper for … submitted" does.
/// </summary>
public sealed partial class PaperRoutes(
    PaperItemFinder finder, IFileDownloads downloads, IPaperStore papers, IAgendaStore agenda, MeetingAgenda agendas, LatePapers latePapers, ITorLibrarySource library, TimeProvider time) : IFeatureRoutes
{
    /// <summary>What the papers reminder and help say about sending a paper (a card can't carry a file picker).</summary>
    public const string HowToSend =
        "Send the file to me in a personal chat (the paperclip under the message box) with \"paper for <item>\" or \"paper for item <number>\".";

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Send a paper**: attach the file in a personal chat with \"paper for <item>\" (or \"paper for item 4\"); each new file is the next version");
        // Above the ToR upload's route, which takes any other file sent in chat.
        routes.AddMessage("agenda/paper-file", 950, turn => SentFiles.Of(turn.Activity) is not null && PaperFor().IsMatch(turn.Text), SendAsync);
    }

    private async Task<InvokeResponse?> SendAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var file = SentFiles.Of(turn.Activity)!;
        var said = PaperFor().Match(turn.Text);
        if (BoardPermissions.EntraIdOf(turn) is not { } sender)
        {
            return await turn.ReplyMarkdownAsync("I can't tell who you are, so I can't take a paper from you. I didn't open the file.", cancellationToken);
        }

        int? number = said.Groups["number"].Success ? int.Parse(said.Groups["number"].Value, CultureInfo.InvariantCulture) : null;
        var named = said.Groups["title"].Value.Trim();
        var match = await finder.FindAsync(turn, named, number, cancellationToken);
        // Who may send it and which item it is come before the download: fetching a file costs memory and time,
        // and someone who could never store it must not make the bot do either.
        if (match is not PaperMatch.Found { Candidate: var found })
        {
            return await turn.ReplyMarkdownAsync(NotFound(match, number is null ? $"“{named}”" : $"item {number}"), cancellationToken);
        }

        if (PaperFiles.ContentTypeOf(file.Name) is not { } contentType)
        {
            return await turn.ReplyMarkdownAsync(Unusable(file.Name, PaperFiles.ProblemWith(file.Name, [])!), cancellationToken);
        }

        byte[] content;
        try
        {
            content = await downloads.DownloadAsync(file.DownloadUrl, PaperFiles.MaxBytes, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return await turn.ReplyMarkdownAsync(Unusable(file.Name, ex.Message), cancellationToken);
        }

        if (PaperFiles.ProblemWith(file.Name, content) is { } problem)
        {
            return await turn.ReplyMarkdownAsync(Unusable(file.Name, problem), cancellationToken);
        }

        var item = found.Item;
        var now = time.GetUtcNow();
        var (paper, added) = await papers.AddAsync(
            new PaperVersion(Guid.NewGuid().ToString("N"), item.ItemId, item.BoardName, item.MeetingId, 0, file.Name, contentType, content.Length, Sha256(content), sender, now),
            content, cancellationToken);
        // After the file is stored, so a paper is never shown as in without its file; marking keeps the first arrival,
        // so a retry that finds the file already stored marks nothing new.
        await agenda.MarkPaperAsync(item.ItemId, paper.SubmittedAt, cancellationToken);
        var view = await agendas.ForAsync(found.Meeting, cancellationToken);
        var state = view.Lines.FirstOrDefault(l => !l.Standing && MeetingAgenda.Key(l.Title) == MeetingAgenda.Key(item.Title))?.Paper ?? PaperState.Submitted;
        var meeting = MeetingTimes.LongDate.Format(view.MeetingDate);
        var title = MarkdownText.Escape(item.Title);
        var late = state == PaperState.Late
            ? $" It is late: papers were due by {MeetingTimes.LongDate.Format(view.PackDue)}, so the chair decides whether it is taken." + await AskChairAsync(found, paper, view, cancellationToken)
            : string.Empty;
        return await turn.ReplyMarkdownAsync(added
            ? $"Stored {MarkdownText.Escape(file.Name)} as version {paper.Version} of the paper for “{title}” (item {found.Number}, {meeting} meeting of the {MarkdownText.Escape(item.BoardName)}); the paper is {AgendaText.Word(state)}.{late}"
            : $"I already have this file as version {paper.Version} of the paper for “{title}” ({meeting} meeting); nothing new was stored.", cancellationToken);
    }

    /// <summary>Where the ToR forbid late papers, queues the chair's Accept/Refuse card (once per item) and says so.</summary>
    private async Task<string> AskChairAsync(PaperCandidate found, PaperVersion paper, AgendaView view, CancellationToken cancellationToken)
    {
        var request = new LatePaperRequest(found.Item.ItemId, found.Meeting.MeetingId, found.Item.BoardName, found.Item.Title, found.Item.OwnerName, paper.FileName,
            LocalDatePattern.Iso.Format(view.PackDue), LocalDatePattern.Iso.Format(view.MeetingDate), string.Empty);
        return await latePapers.AskChairAsync(request, (await library.GetAsync(cancellationToken)).Find(found.Item.BoardName), cancellationToken) ?? string.Empty;
    }

    private static string NotFound(PaperMatch match, string named) => match switch
    {
        PaperMatch.Ambiguous a => $"More than one item fits {MarkdownText.Escape(named)}:\n\n"
            + string.Join("\n", a.Candidates.Select(c => $"- item {c.Number}: “{MarkdownText.Escape(c.Item.Title)}” ({MeetingTimes.LongDate.Format(MeetingTimes.DateOf(c.Meeting.StartsAt))}, {MarkdownText.Escape(c.Item.BoardName)})"))
            + "\n\nWhich one is it? Send the file again with its full title, or \"paper for item <number>\". Nothing was stored.",
        PaperMatch.NotTheirs n => $"Only {(n.Candidate.Item.OwnerName is { } o ? MarkdownText.Escape(o) + ", who brings it," : "the paper's owner")} or the secretariat can send the paper for “{MarkdownText.Escape(n.Candidate.Item.Title)}”. I didn't open the file.",
        PaperMatch.NoSuchItem { Owned.Count: > 0 } none => $"No item of a coming meeting fits {MarkdownText.Escape(named)}. You bring papers for:\n\n"
            + string.Join("\n", none.Owned.Select(c => $"- item {c.Number}: “{MarkdownText.Escape(c.Item.Title)}” ({MeetingTimes.LongDate.Format(MeetingTimes.DateOf(c.Meeting.StartsAt))}, {MarkdownText.Escape(c.Item.BoardName)})"))
            + "\n\nSend the file again with one of those. Nothing was stored.",
        _ => $"No item of a coming meeting fits {MarkdownText.Escape(named)}, and you aren't down to bring a paper for any. \"what's on the agenda?\" in the board's channel lists its items. Nothing was stored.",
    };

    private static string Unusable(string fileName, string why) => $"I couldn't take {MarkdownText.Escape(fileName)} as a paper: {why} Nothing was stored.";

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [GeneratedRegex(@"^\s*(?:(?:here\s+is|here's|this\s+is)\s+)?(?:(?:the|my|our)\s+)?paper\s+(?:for|on)\s+(?:item\s+(?<number>\d{1,2})|[""'“‘]?(?<title>[^""'“”‘’]{1,200}?)[""'”’]?)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PaperFor();
}
