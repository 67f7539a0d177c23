using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Routing;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// "Schedule the next 4 meetings" / "schedule next year's meetings" (chair, vice-chair, secretariat) turns the
/// ToR cadence into a proposal card; "Book these meetings" books the approved ones (Outlook events with Teams
/// links when Graph is configured, the bot's own calendar otherwise) and queues their reminders.
/// </summary>
public sealed partial class MeetingRoutes(
    MeetingBooking booking, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private static readonly BoardRequest Runners = BoardRequest.RunMeetings("schedule, move or cancel meetings", needsTerms: true);

    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Meetings**: \"schedule next year's meetings\" or \"schedule the next 4 meetings on the first Thursday at 14:00\" (from the ToR's cadence, approved on a card)", HelpAudience.MeetingRunners);
        routes.AddMessage("meetings/schedule", 500, turn => ScheduleCommand().IsMatch(turn.Text), ScheduleAsync);
        routes.AddCardAction("meetings/book", MeetingCards.BookVerb, BookAsync);
    }

    private async Task<InvokeResponse?> ScheduleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Runners, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Terms;
        var match = ScheduleCommand().Match(turn.Text);
        var count = match.Groups["year"].Success ? MeetingsPerYear(board.Frequency)
            : match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 4;
        var today = MeetingTimes.DateOf(time.GetUtcNow());
        var calendar = await gate.Board.WorkingDaysAsync(cancellationToken);
        ScheduleProposal proposal;
        try
        {
            proposal = ScheduleProposer.Propose(board, today.PlusDays(1), Math.Clamp(count, 1, MeetingCards.MaxProposed), PreferencesFrom(match), calendar);
        }
        catch (OutsideHolidayDataException ex)
        {
            return await turn.ReplyMarkdownAsync(ex.Message, cancellationToken);
        }

        if (proposal.Refusal is not null)
        {
            return await turn.ReplyMarkdownAsync(proposal.Refusal, cancellationToken);
        }

        var card = MeetingCards.Proposal(board.Identity.Name, proposal.Meetings, null, booking.Calendar.Describe(board.Identity.Name));
        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Attachments = [card.ToAttachment()] }, cancellationToken);
        return null;
    }

    private async Task<InvokeResponse?> BookAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Runners, cancellationToken);
        if (!gate.Allowed)
        {
            return InvokeResponse.Message(gate.Refusal);
        }

        var board = gate.Board.Terms;
        var data = action.Data;
        if (!string.Equals(CardActionData.Text(data, "board"), board.Identity.Name, StringComparison.OrdinalIgnoreCase))
        {
            return InvokeResponse.Message($"This proposal is for another board; this conversation belongs to the {board.Identity.Name}. Say \"schedule the next 4 meetings\" for a new one.");
        }

        var venue = CardActionData.Text(data, "venue")?.Trim() is { Length: > 0 } v ? v[..Math.Min(v.Length, MeetingCards.MaxVenueLength)] : null;
        var calendar = await gate.Board.WorkingDaysAsync(cancellationToken);
        var submission = ReadSubmission(data, CardActionData.Text(data, "reason") ?? string.Empty, calendar);
        var where = booking.Calendar.Describe(board.Identity.Name);
        var problem = submission.Problem ?? (submission.Kept.Count == 0 ? "Every meeting is unticked: tick at least one to book." : null);
        if (problem is not null)
        {
            return InvokeResponse.Card(MeetingCards.Proposal(board.Identity.Name, submission.All, venue, where, problem, submission.Dropped).ToElement());
        }

        try
        {
            var kept = submission.Kept.OrderBy(m => m.Start.ToInstant()).ToList();
            var booked = await booking.BookAsync(board, gate.Board.ConversationId, kept, venue, calendar, cancellationToken);
            return InvokeResponse.Card(MeetingCards.Booked(board.Identity.Name, booked, where, booking.Calendar.IsConnected && SeriesPattern.Fit(kept) is not null).ToElement());
        }
        catch (CalendarUnavailableException ex)
        {
            return InvokeResponse.Card(MeetingCards.Proposal(board.Identity.Name, submission.All, venue, where, ex.Message, submission.Dropped).ToElement());
        }
    }

    private sealed record Submission(IReadOnlyList<ProposedMeeting> All, IReadOnlyList<ProposedMeeting> Kept, IReadOnlySet<int> Dropped, string? Problem);

    /// <summary>The meetings on a submitted proposal card, with the first thing to fix if any input is unusable.</summary>
    private Submission ReadSubmission(JsonElement data, string reason, UkWorkingDays calendar)
    {
        var count = data.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? Math.Clamp(n, 0, MeetingCards.MaxProposed) : 0;
        var minutes = data.TryGetProperty("minutes", out var m) && m.TryGetInt32(out var length) ? Math.Clamp(length, 15, 8 * 60) : 120;
        var today = MeetingTimes.DateOf(time.GetUtcNow());
        var all = new List<ProposedMeeting>();
        var kept = new List<ProposedMeeting>();
        var dropped = new HashSet<int>();
        string? problem = null;
        for (var i = 0; i < count; i++)
        {
            var date = LocalDatePattern.Iso.Parse(CardActionData.Text(data, $"date{i}") ?? string.Empty);
            var startTime = HourMinute.Parse(CardActionData.Text(data, $"time{i}") ?? string.Empty);
            if (!date.Success || !startTime.Success)
            {
                problem ??= $"Meeting {i + 1} needs a date (YYYY-MM-DD) and a start time (HH:mm).";
                continue;
            }

            var start = (date.Value + startTime.Value).InZoneLeniently(MeetingTimes.London);
            var meeting = new ProposedMeeting(start, start.Plus(Duration.FromMinutes(minutes)), reason);
            all.Add(meeting);
            if (CardActionData.Text(data, $"keep{i}") == "false")
            {
                dropped.Add(all.Count - 1);
                continue;
            }

            problem ??= date.Value <= today ? $"Meeting {i + 1} is on {MeetingTimes.LongDate.Format(date.Value)}, which is not in the future."
                : NotAWorkingDay(date.Value, calendar) is { } why ? $"Meeting {i + 1} is on {MeetingTimes.LongDate.Format(date.Value)}, {why}."
                : kept.Any(k => k.Start.Date == date.Value) ? $"Two meetings are on {MeetingTimes.LongDate.Format(date.Value)}: untick one or move it."
                : null;
            kept.Add(meeting);
        }

        return new Submission(all, kept, dropped, count == 0 ? "This proposal card is incomplete. Say \"schedule the next 4 meetings\" for a new one." : problem);
    }

    /// <summary>The board's preferences stated in the command ("on the first Thursday at 14:00"), over the defaults.</summary>
    private static MeetingPreferences PreferencesFrom(Match command)
    {
        var preferences = MeetingPreferences.Default;
        if (command.Groups["day"].Success)
        {
            preferences = preferences with { Weekday = Enum.Parse<IsoDayOfWeek>(command.Groups["day"].Value, ignoreCase: true) };
        }

        if (command.Groups["nth"].Success)
        {
            preferences = preferences with { WeekOfMonth = Array.IndexOf(["first", "second", "third", "fourth"], command.Groups["nth"].Value.ToLowerInvariant()) + 1 };
        }

        return command.Groups["at"].Success && HourMinute.Parse(command.Groups["at"].Value.Replace('.', ':').PadLeft(5, '0')) is { Success: true } at
            ? preferences with { StartTime = at.Value }
            : preferences;
    }

    /// <summary>Why a date can't hold a meeting (weekend, bank holiday, beyond the holiday data), or null.</summary>
    private static string? NotAWorkingDay(LocalDate date, UkWorkingDays calendar)
    {
        try
        {
            return calendar.IsWorkingDay(date) ? null : "a weekend or bank holiday: please choose a working day";
        }
        catch (OutsideHolidayDataException)
        {
            return "beyond the bank-holiday data I have: please choose an earlier date";
        }
    }

    /// <summary>How many meetings "next year's meetings" means for the ToR's cadence.</summary>
    private static int MeetingsPerYear(MeetingFrequency? frequency) => frequency switch
    {
        { Months.Count: >= 2 } f => f.Months.Count,
        { PerYear: { } perYear } => (int)Math.Round(perYear),
        _ => MeetingCards.MaxProposed,
    };

    [GeneratedRegex(@"^\s*(?:please\s+)?(?:schedule|plan|book)\s+(?:(?:the\s+)?(?:next\s+)?(?<n>\d{1,2})?\s*meetings?|(?<year>next\s+year'?s\s+meetings|(?:the\s+)?meetings\s+for\s+(?:the\s+)?next\s+year|a\s+year\s+of\s+meetings))(?:\s+on\s+(?:the\s+)?(?:(?<nth>first|second|third|fourth)\s+)?(?<day>monday|tuesday|wednesday|thursday|friday)s?)?(?:\s+at\s+(?<at>\d{1,2}[:.]\d{2}))?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ScheduleCommand();
}
