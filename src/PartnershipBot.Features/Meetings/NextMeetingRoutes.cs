using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// "When is the next meeting?" (or "when does the Thurrock board next meet?") answered from the real calendar
/// (Outlook when connected, else the bot's own) with the time, the Teams link and the papers deadline; and
/// "what's due?", the deadlines of the coming meetings in UK working days.
/// </summary>
public sealed partial class NextMeetingRoutes(
    MeetingBooking booking, IMeetingStore meetings, IMeetingApologies apologies, IBoardRoles boardRoles, BoardPermissions permissions, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private static readonly BoardRequest Deadlines = BoardRequest.Anyone("whose deadlines you mean", needsTerms: true);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Next meeting**: \"when is the next meeting?\" or \"when does the <board> next meet?\" (date, time, Teams link, papers deadline)");
        routes.AddMessage("meetings/next", 500, turn => NextMeetingQuestion().IsMatch(turn.Text), NextAsync);
        routes.AddHelp("**Deadlines**: \"what's due?\" lists the paper and minutes deadlines of the next meetings, in UK working days");
        routes.AddMessage("meetings/due", 500, turn => WhatsDue().IsMatch(turn.Text), WhatsDueAsync);
    }

    private async Task<InvokeResponse?> NextAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // Only the asker's tenant's boards; a board named in the question wins over the conversation's board.
        var library = await permissions.LibraryForAsync(turn, withUnclaimed: false, cancellationToken);
        var named = library.BoardNamedIn(turn.Text);
        var linked = await permissions.LinkedBoardAsync(turn, cancellationToken);
        var model = named ?? (linked is null ? null : library.Find(linked));
        if (model is null)
        {
            return await turn.ReplyMarkdownAsync("Which board do you mean? This conversation isn't linked to a board: name it (\"when does the <board> next meet?\"), or an admin or the secretariat can say \"link this to <board>\".", cancellationToken);
        }

        var board = model.Identity.Name;
        // Dates and Teams links are for the board's people and its own conversations, not everyone in the tenant.
        var gate = await boards.NamedAsync(turn, board, new BoardRequest(BoardDuty.SeeDetails, NeedsTerms: false, NotForYou(board), NotForYou(board)), cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var now = time.GetUtcNow();
        BookedMeeting? next;
        string source;
        try
        {
            (next, source) = await NextMeetingAsync(board, now, cancellationToken);
        }
        catch (CalendarUnavailableException ex)
        {
            return await turn.ReplyMarkdownAsync($"{ex.Message} I can't say when the {board} next meets until Outlook answers.", cancellationToken);
        }

        if (next is null)
        {
            var cadence = model.Frequency is { } frequency ? " The Terms of Reference say: " + QuotedText.EndingSentence(frequency.Text) : string.Empty;
            return await turn.ReplyMarkdownAsync($"No meetings of the {board} are scheduled in {source}; the chair or secretariat can say \"schedule next year's meetings\".{cadence}", cancellationToken);
        }

        var deadlines = DeadlinesOf(model, next.Meeting, await gate.Board.WorkingDaysAsync(cancellationToken));
        var papers = deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.Papers);
        var received = await apologies.ForMeetingAsync(next.Meeting.MeetingId, cancellationToken);
        var absent = received.Count;
        var text = $"The next meeting of the **{board}** is on {MeetingTimes.Describe(next.Meeting.StartsAt, next.Meeting.EndsAt)}."
            + (next.Meeting.Venue is { } venue ? $"\n\nVenue: {MarkdownText.Escape(venue)}" : string.Empty)
            + (next.JoinUrl is null ? string.Empty : $"\n\nJoin on Teams: {next.JoinUrl}")
            + (papers is null ? string.Empty : $"\n\nPapers are due by **{MeetingTimes.LongDate.Format(papers.Date)}** ({papers.Rule}).")
            + (absent == 0 ? string.Empty : absent == 1 ? "\n\n1 apology received so far." : $"\n\n{absent} apologies received so far.")
            + (absent == 0 ? string.Empty : await QuorumForecastAsync(model, received, cancellationToken))
            + $"\n\n_From {source}._";
        return await turn.ReplyMarkdownAsync(text, cancellationToken);
    }

    /// <summary>
    /// " Quorum forecast: 14 members, quorum 8; 2 apologies leave 12 expected: quorate." when the ToR's quorum rule
    /// and the board's voting members are known; otherwise nothing. Only voting members' apologies count: the
    /// secretariat's (or anyone else's) absence takes nobody from the quorum.
    /// </summary>
    private async Task<string> QuorumForecastAsync(TermsOfReferenceModel model, IReadOnlyList<MeetingApology> received, CancellationToken cancellationToken)
    {
        var voting = await VotingMembers.OfAsync(boardRoles, model.Identity.Name, cancellationToken);
        if (QuorumForecast.For(model, voting, received) is not { Withdrawing: > 0 } forecast)
        {
            return string.Empty;
        }

        var absent = forecast.Withdrawing;
        return $" Quorum forecast: {forecast.Members} members, quorum {forecast.Needed}; {absent} {(absent == 1 ? "apology leaves" : "apologies leave")} {forecast.Eligible} expected: "
            + (forecast.Quorate ? "quorate." : "**not quorate** unless more attend.");
    }

    /// <summary>The board's next meeting: from Outlook's calendarView when connected, from the bot's store otherwise.</summary>
    private async Task<(BookedMeeting? Next, string Source)> NextMeetingAsync(string board, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = booking.Calendar;
        if (!calendar.IsConnected)
        {
            var stored = await meetings.UpcomingAsync(board, now, 1, cancellationToken);
            return (stored.Count == 0 ? null : new BookedMeeting(stored[0], null, []), SourceOf(calendar, board));
        }

        var entry = (await calendar.ListAsync(board, now, now.AddMonths(13), cancellationToken)).FirstOrDefault(e => !e.IsCancelled && e.Start >= now);
        if (entry is null)
        {
            return (null, SourceOf(calendar, board));
        }

        // Outlook has the time; the bot's own record of the same event (when it booked it) carries the meeting id
        // that apologies and other records hang on.
        var known = (await meetings.UpcomingAsync(board, now, 500, cancellationToken)).FirstOrDefault(m => m.GraphEventId == entry.EventId);
        var meeting = (known ?? new MeetingRecord(entry.EventId, board, null, entry.Start, entry.End, entry.EventId, SeriesId: entry.SeriesId)) with { StartsAt = entry.Start, EndsAt = entry.End };
        return (new BookedMeeting(meeting, entry.JoinUrl, []), SourceOf(calendar, board));
    }

    private static string NotForYou(string board) =>
        $"The {board}'s meeting dates and links are shared with its members and in its own channel. Ask there, or ask its secretariat.";

    /// <summary>The paper and minutes deadlines of the board's next scheduled meetings.</summary>
    private async Task<InvokeResponse?> WhatsDueAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Deadlines, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var (board, model) = (gate.Board.Name, gate.Board.Terms);
        if (model.PapersDeadline is null && model.MinutesDeadline is null)
        {
            return await turn.ReplyMarkdownAsync($"The {board} Terms of Reference don't set paper or minutes deadlines.", cancellationToken);
        }

        // Minutes fall due after a meeting: look back far enough to catch last month's.
        var upcoming = await meetings.UpcomingAsync(board, time.GetUtcNow().AddDays(-28), 6, cancellationToken);
        var calendar = await gate.Board.WorkingDaysAsync(cancellationToken);
        var today = MeetingTimes.DateOf(time.GetUtcNow());
        var lines = upcoming
            .SelectMany(meeting => DeadlinesOf(model, meeting, calendar).Select(d => (Meeting: MeetingTimes.DateOf(meeting.StartsAt), Deadline: d)))
            .Where(x => x.Deadline.Date >= today)
            .Select(x => $"- {x.Deadline.Kind} for {MeetingTimes.LongDate.Format(x.Meeting)}: **{MeetingTimes.LongDate.Format(x.Deadline.Date)}** ({x.Deadline.Rule})")
            .Take(6)
            .ToList();
        return await turn.ReplyMarkdownAsync(lines.Count == 0
            ? $"Nothing is due: no meetings of the {board} are scheduled. The chair or secretariat can say \"schedule next year's meetings\"."
            : $"Due for the **{board}**:\n\n{string.Join("\n", lines)}", cancellationToken);
    }

    private static IReadOnlyList<MeetingDeadline> DeadlinesOf(TermsOfReferenceModel model, MeetingRecord meeting, UkWorkingDays calendar)
    {
        try
        {
            return MeetingReminders.DeadlinesFor(model, MeetingTimes.DateOf(meeting.StartsAt), calendar);
        }
        catch (OutsideHolidayDataException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"^\s*what('?s| is)\s+(?:due|coming up)\b|\bwhat\s+deadlines\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex WhatsDue();

    [GeneratedRegex(@"\b(next|upcoming)\s+(board\s+)?meeting\b|\bwhen\s+(is|are)\s+(we|the\s+board)\s+(next\s+)?meeting\b|\bwhen\s+(?:does|do|will)\s+.{0,80}\bnext\s+meet\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NextMeetingQuestion();

    // Said once on the booking card, "Outlook is not configured" would otherwise end every meeting answer.
    private static string SourceOf(IBoardCalendar calendar, string board) => calendar.IsConnected ? calendar.Describe(board) : OwnStoreOnlyCalendar.Name;
}
