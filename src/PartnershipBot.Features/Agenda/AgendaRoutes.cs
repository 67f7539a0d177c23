using System.Globalization;
using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Agenda;

/// <summary>
/// The agenda in the board's conversation. Chair, vice-chair and secretariat: "add 'Community Safety Strategy refresh'
/// to the agenda for the 12 March meeting, paper from @Jane Smith" (and "… as a financial decision"), "move '…' to
/// item 2", "withdraw '…' from the agenda". The paper's owner or the secretariat: "paper for '…' submitted". The
/// board's people: "what's on the agenda?" for the next meeting (or "… for the 12 March meeting").
/// </summary>
public sealed partial class AgendaRoutes(
    IAgendaStore agenda, MeetingAgenda agendas, FinancialDecisions financial, IMeetingStore meetings, AgendaPackSchedule packs, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private const string WhoseAgenda = "whose agenda you mean";
    private static readonly BoardRequest Change = BoardRequest.RunMeetings("change the agenda", WhoseAgenda);
    // Reading the agenda, or recording a paper (its owner may, checked per item): the link is enough.
    private static readonly BoardRequest Read = BoardRequest.Anyone(WhoseAgenda);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Agenda**: \"what's on the agenda?\"");
        routes.AddHelp("**Agenda changes**: \"add '<item>' to the agenda for the 12 March meeting, paper from @name\", \"move '<item>' to item 2\", \"withdraw '<item>' from the agenda\"", HelpAudience.MeetingRunners);
        routes.AddMessage("agenda/add", 480, turn => AddCommand().IsMatch(turn.Text), AddAsync);
        routes.AddMessage("agenda/show", 481, turn => ShowCommand().IsMatch(turn.Text), ShowAsync);
        routes.AddMessage("agenda/withdraw", 482, turn => WithdrawCommand().IsMatch(turn.Text), WithdrawAsync);
        routes.AddMessage("agenda/move", 483, turn => MoveCommand().IsMatch(turn.Text), MoveAsync);
        routes.AddMessage("agenda/paper", 484, turn => PaperCommand().IsMatch(turn.Text), PaperAsync);
    }

    private async Task<InvokeResponse?> AddAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = AddCommand().Match(turn.Text);
        var gate = await boards.LinkedAsync(turn, Change, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var meeting = await MeetingOnDate.FindAsync(meetings, board, match, time.GetUtcNow(), cancellationToken);
        if (meeting is null)
        {
            return await turn.ReplyMarkdownAsync(NoMeeting(board, match.Groups["date"].Value), cancellationToken);
        }

        var title = match.Groups["item"].Value.Trim();
        var ownerName = (match.Groups["mentioned"].Success ? match.Groups["mentioned"] : match.Groups["owner"]).Value.Trim() is { Length: > 0 } o ? o : null;
        var ownerId = match.Groups["mentioned"].Success ? await MentionedPeople.EntraIdOfAsync(turn, ownerName!, cancellationToken) : null;
        var isFinancial = match.Groups["financial"].Success;
        var (item, added) = await agenda.AddAsync(
            new AgendaItem(Guid.NewGuid().ToString("N"), board, meeting.MeetingId, 0, title, ownerName, ownerId, isFinancial, null, false, BoardPermissions.PersonOf(turn), time.GetUtcNow()), cancellationToken);
        // A meeting booked before packs were scheduled (or added to the store by hand) gets its pack queued here;
        // for every other meeting this finds the row booking queued and changes nothing.
        var view = (await packs.EnsureQueuedAsync(meeting, cancellationToken)).View;
        var number = view.Lines.FirstOrDefault(l => MeetingAgenda.Key(l.Title) == MeetingAgenda.Key(item.Title))?.Number;
        var said = added
            ? $"Added “{MarkdownText.Escape(item.Title)}” to the {MeetingTimes.LongDate.Format(view.MeetingDate)} agenda of the **{board}** as item {number}."
            : $"“{MarkdownText.Escape(item.Title)}” is already item {number} on the {MeetingTimes.LongDate.Format(view.MeetingDate)} agenda of the **{board}**.";
        var paper = item.OwnerName is { } owner
            ? $" Paper from {MarkdownText.Escape(owner)}, due by {MeetingTimes.LongDate.Format(view.PackDue)} when the agenda goes out."
            : string.Empty;
        // A financial decision is the declarations item too: one agenda, and members still get their cards.
        var declarations = isFinancial ? " " + await financial.AddAsync(board, meeting, title, BoardPermissions.PersonOf(turn), cancellationToken) : string.Empty;
        return await turn.ReplyMarkdownAsync(said + paper + declarations, cancellationToken);
    }

    private async Task<InvokeResponse?> ShowAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = ShowCommand().Match(turn.Text);
        var gate = await boards.LinkedAsync(turn, Read, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var access = gate.Board.Access;

        if (!access.SeesBoardDetails)
        {
            return await turn.ReplyMarkdownAsync($"The agenda of the {access.BoardName} is for its members and secretariat.", cancellationToken);
        }

        var now = time.GetUtcNow();
        var meeting = match.Groups["date"].Success
            ? await MeetingOnDate.FindAsync(meetings, access.BoardName, match, now, cancellationToken)
            : await meetings.UpcomingAsync(access.BoardName, now, 1, cancellationToken) is [var next, ..] ? next : null;
        if (meeting is null)
        {
            return await turn.ReplyMarkdownAsync(match.Groups["date"].Success
                ? NoMeeting(access.BoardName, match.Groups["date"].Value)
                : $"No meeting of the {access.BoardName} is scheduled, so there is no agenda yet. The chair or secretariat can say \"schedule the next 4 meetings\".", cancellationToken);
        }

        return await turn.ReplyMarkdownAsync(AgendaText.Markdown(await agendas.ForAsync(meeting, cancellationToken)), cancellationToken);
    }

    private async Task<InvokeResponse?> WithdrawAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = WithdrawCommand().Match(turn.Text);
        var gate = await boards.LinkedAsync(turn, Change, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var found = await FindItemAsync(board, match.Groups["item"].Value, cancellationToken);
        if (found is not { } item)
        {
            return await turn.ReplyMarkdownAsync(NoItem(board, match.Groups["item"].Value), cancellationToken);
        }

        await agenda.WithdrawAsync(item.ItemId, cancellationToken);
        return await turn.ReplyMarkdownAsync($"Withdrew “{MarkdownText.Escape(item.Title)}” from the agenda; it stays in the record as withdrawn.", cancellationToken);
    }

    private async Task<InvokeResponse?> MoveAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = MoveCommand().Match(turn.Text);
        var gate = await boards.LinkedAsync(turn, Change, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        if (await FindItemAsync(board, match.Groups["item"].Value, cancellationToken) is not { } item)
        {
            return await turn.ReplyMarkdownAsync(NoItem(board, match.Groups["item"].Value), cancellationToken);
        }

        // People count agenda numbers, standing items included: "item 6" is the sixth line they see.
        var wanted = int.Parse(match.Groups["position"].Value, CultureInfo.InvariantCulture);
        var opening = (await agendas.StandingItemsOfAsync(board, cancellationToken)).Opening.Count;
        var businessPosition = Math.Max(1, wanted - opening);
        await agenda.MoveAsync(item.ItemId, businessPosition, cancellationToken);
        var meeting = await meetings.FindAsync(item.MeetingId, cancellationToken);
        return await turn.ReplyMarkdownAsync(meeting is null ? "Moved." : AgendaText.Markdown(await agendas.ForAsync(meeting, cancellationToken)), cancellationToken);
    }

    private async Task<InvokeResponse?> PaperAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = PaperCommand().Match(turn.Text);
        var gate = await boards.LinkedAsync(turn, Read, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var access = gate.Board.Access;

        if (await FindItemAsync(access.BoardName, match.Groups["item"].Value, cancellationToken) is not { } item)
        {
            return await turn.ReplyMarkdownAsync(NoItem(access.BoardName, match.Groups["item"].Value), cancellationToken);
        }

        // The paper's owner or those who run the meetings; everyone else could mark someone's paper in by mistake.
        var isOwner = item.OwnerId is not null && string.Equals(item.OwnerId, access.PersonId, StringComparison.OrdinalIgnoreCase);
        if (!isOwner && !access.MayRunMeetings)
        {
            return await turn.ReplyMarkdownAsync($"Only {(item.OwnerName is { } o ? MarkdownText.Escape(o) + ", who brings it," : "the paper's owner")} or the secretariat can record the paper for “{MarkdownText.Escape(item.Title)}”.", cancellationToken);
        }

        await agenda.MarkPaperAsync(item.ItemId, time.GetUtcNow(), cancellationToken);
        var meeting = await meetings.FindAsync(item.MeetingId, cancellationToken);
        var view = meeting is null ? null : await agendas.ForAsync(meeting, cancellationToken);
        var state = view?.Lines.FirstOrDefault(l => MeetingAgenda.Key(l.Title) == MeetingAgenda.Key(item.Title))?.Paper ?? PaperState.Submitted;
        var late = state == PaperState.Late && view is not null
            ? $" It is late: papers were due by {MeetingTimes.LongDate.Format(view.PackDue)}, so the chair decides whether it is taken."
            : string.Empty;
        return await turn.ReplyMarkdownAsync($"Recorded the paper for “{MarkdownText.Escape(item.Title)}” as {AgendaText.Word(state)}.{late}", cancellationToken);
    }

    /// <summary>The item with this title on the board's soonest upcoming meeting that has it.</summary>
    private async Task<AgendaItem?> FindItemAsync(string board, string title, CancellationToken cancellationToken)
    {
        var key = MeetingAgenda.Key(title.Trim());
        foreach (var meeting in await meetings.UpcomingAsync(board, time.GetUtcNow().AddHours(-12), 12, cancellationToken))
        {
            if ((await agenda.ForMeetingAsync(meeting.MeetingId, cancellationToken)).FirstOrDefault(i => !i.Withdrawn && MeetingAgenda.Key(i.Title) == key) is { } item)
            {
                return item;
            }
        }

        return null;
    }

    private static string NoMeeting(string board, string date) =>
        $"I can't find a meeting of the {board} on {date.Trim()}. \"when is the next meeting?\" shows what is scheduled; the chair or secretariat can say \"schedule the next 4 meetings\".";

    private static string NoItem(string board, string title) =>
        $"“{MarkdownText.Escape(title.Trim())}” isn't on the agenda of any coming meeting of the {board}. \"what's on the agenda?\" lists the next one.";

    private const string Quoted = @"[""'“‘]?(?<item>.+?)[""'”’]?";
    private const string ForMeeting = @"(?:\s+(?:for|of|on)\s+(?:the\s+)?(?<date>" + MeetingOnDate.DatePattern + @")\s+meeting)?";

    [GeneratedRegex(@"^\s*(?:please\s+)?add\s+" + Quoted + @"\s+to\s+the\s+agenda\s+(?:for|of|on)\s+(?:the\s+)?(?<date>" + MeetingOnDate.DatePattern + @")\s+meeting(?:\s*[,;]?\s*(?:with\s+(?:a\s+)?)?paper\s+(?:from|by)\s+(?:<at>(?<mentioned>[^<]{1,100})</at>|@?(?<owner>[A-Za-z][A-Za-z'.\- ]{0,80}?)))?(?<financial>\s*[,;]?\s*as\s+an?\s+financial\s+decision)?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AddCommand();

    [GeneratedRegex(@"^\s*(?:what(?:'s|’s|s|\s+is)\s+on\s+(?:the\s+)?agenda|(?:show|give|send)\s+(?:me\s+)?the\s+agenda|(?:the\s+)?agenda)" + ForMeeting + @"\s*[?.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ShowCommand();

    [GeneratedRegex(@"^\s*(?:please\s+)?(?:withdraw|remove|take)\s+" + Quoted + @"\s+(?:off|from)\s+the\s+agenda\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex WithdrawCommand();

    [GeneratedRegex(@"^\s*(?:please\s+)?move\s+" + Quoted + @"\s+to\s+(?:item|position|number)\s+(?<position>\d{1,2})(?:\s+on\s+the\s+agenda)?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MoveCommand();

    [GeneratedRegex(@"^\s*(?:the\s+)?paper\s+(?:for|on)\s+" + Quoted + @"\s+(?:is\s+|has\s+been\s+)?(?:submitted|in|sent|attached|done)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PaperCommand();
}
