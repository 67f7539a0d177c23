using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// "Move the 12 March meeting to 19 March [at 14:00]" and "cancel the 12 March meeting" (chair, vice-chair,
/// secretariat): the Outlook event is updated or cancelled (attendees are told by Outlook), and the meeting's
/// deadlines and reminders follow.
/// </summary>
public sealed partial class MeetingChangeRoutes(
    MeetingBooking booking, IMeetingStore meetings, IMeetingApologies apologies, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private static readonly BoardRequest Runners = BoardRequest.RunMeetings("schedule, move or cancel meetings", needsTerms: true);

    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Changes**: \"move the 12 March meeting to 19 March\" or \"cancel the 12 March meeting\"", HelpAudience.MeetingRunners);
        routes.AddMessage("meetings/move", 500, turn => MoveCommand().IsMatch(turn.Text), MoveAsync);
        routes.AddMessage("meetings/cancel", 500, turn => CancelCommand().IsMatch(turn.Text), CancelAsync);
    }

    private async Task<InvokeResponse?> MoveAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = MoveCommand().Match(turn.Text);
        var (board, meeting, problem) = await FindMeetingAsync(turn, match.Groups["from"].Value, cancellationToken);
        if (board is null || meeting is null)
        {
            return await turn.ReplyMarkdownAsync(problem!, cancellationToken);
        }

        var today = MeetingTimes.DateOf(time.GetUtcNow());
        var oldStart = Instant.FromDateTimeOffset(meeting.StartsAt).InZone(MeetingTimes.London);
        var newDate = MeetingTimes.ParseDate(match.Groups["to"].Value, today);
        var newTime = match.Groups["at"].Success ? HourMinute.Parse(match.Groups["at"].Value.Replace('.', ':')) : ParseResult<LocalTime>.ForValue(oldStart.TimeOfDay);
        if (newDate is null || !newTime.Success)
        {
            return await turn.ReplyMarkdownAsync($"I couldn't read “{match.Groups["to"].Value.Trim()}” as a date and time. Try \"move the {MeetingTimes.LongDate.Format(oldStart.Date)} meeting to 19 March at 14:00\".", cancellationToken);
        }

        var calendar = await board.WorkingDaysAsync(cancellationToken);
        if (newDate.Value <= today || !IsWorkingDay(newDate.Value, calendar))
        {
            return await turn.ReplyMarkdownAsync($"{MeetingTimes.LongDate.Format(newDate.Value)} is not a future working day (weekends and bank holidays are out). Please choose another date.", cancellationToken);
        }

        try
        {
            var moved = await booking.MoveAsync(board.Terms, meeting, (newDate.Value + newTime.Value).InZoneLeniently(MeetingTimes.London), calendar, cancellationToken);
            var deadlines = string.Join("; ", moved.Deadlines.Select(d => $"{d.Kind.ToString().ToLowerInvariant()} due {MeetingTimes.LongDate.Format(d.Date)}"));
            return await turn.ReplyMarkdownAsync(
                $"Moved the {meeting.BoardName} meeting from {MeetingTimes.Describe(meeting.StartsAt, meeting.EndsAt)} to **{MeetingTimes.Describe(moved.Meeting.StartsAt, moved.Meeting.EndsAt)}**"
                + (meeting.GraphEventId is null ? "." : " in Outlook; attendees get the update.")
                + (deadlines.Length == 0 ? string.Empty : $" Deadlines and reminders follow: {deadlines}.")
                + await ApologiesCarriedAsync(meeting, cancellationToken), cancellationToken);
        }
        catch (CalendarUnavailableException ex)
        {
            return await turn.ReplyMarkdownAsync($"{ex.Message} The meeting has not been moved.", cancellationToken);
        }
    }

    /// <summary>
    /// Apologies stay with the meeting when it moves; the person moving it (chair or secretariat) is told whose, since
    /// someone who could not make the old date may make the new one.
    /// </summary>
    private async Task<string> ApologiesCarriedAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        var sent = await apologies.ForMeetingAsync(meeting.MeetingId, cancellationToken);
        if (sent.Count == 0)
        {
            return string.Empty;
        }

        var names = string.Join(", ", sent.Select(a => MarkdownText.Escape(a.PersonName ?? "a member")));
        return $" Apologies sent for the old date still stand for the new one ({names}): ask them whether they can now come.";
    }

    private async Task<InvokeResponse?> CancelAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var (_, meeting, problem) = await FindMeetingAsync(turn, CancelCommand().Match(turn.Text).Groups["date"].Value, cancellationToken);
        if (meeting is null)
        {
            return await turn.ReplyMarkdownAsync(problem!, cancellationToken);
        }

        try
        {
            await booking.CancelAsync(meeting, $"The {meeting.BoardName} meeting has been cancelled.", cancellationToken);
            return await turn.ReplyMarkdownAsync(
                $"Cancelled the {meeting.BoardName} meeting on {MeetingTimes.Describe(meeting.StartsAt, meeting.EndsAt)}"
                + (meeting.GraphEventId is null ? "." : " in Outlook; attendees get the cancellation.") + " Its reminders are withdrawn.", cancellationToken);
        }
        catch (CalendarUnavailableException ex)
        {
            return await turn.ReplyMarkdownAsync($"{ex.Message} The meeting has not been cancelled.", cancellationToken);
        }
    }

    /// <summary>The linked board's upcoming meeting on the date typed, when the sender may change it; otherwise why not.</summary>
    private async Task<(BoardContext? Board, MeetingRecord? Meeting, string? Problem)> FindMeetingAsync(ITurnContext turn, string dateText, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Runners, cancellationToken);
        if (!gate.Allowed)
        {
            return (null, null, gate.Refusal);
        }

        var board = gate.Board.Name;
        var today = MeetingTimes.DateOf(time.GetUtcNow());
        if (MeetingTimes.ParseDate(dateText, today) is not { } date)
        {
            return (null, null, $"I couldn't read “{dateText.Trim()}” as a date. Try \"12 March\" or \"2027-03-12\".");
        }

        var upcoming = await meetings.UpcomingAsync(board, time.GetUtcNow(), 200, cancellationToken);
        var meeting = upcoming.FirstOrDefault(m => MeetingTimes.DateOf(m.StartsAt) == date);
        return meeting is not null ? (gate.Board, meeting, null)
            : (null, null, $"The {board} has no meeting on {MeetingTimes.LongDate.Format(date)}."
                + (upcoming.Count == 0 ? string.Empty : $" Upcoming: {string.Join(", ", upcoming.Take(4).Select(m => MeetingTimes.LongDate.Format(MeetingTimes.DateOf(m.StartsAt))))}."));
    }

    private static bool IsWorkingDay(LocalDate date, UkWorkingDays calendar)
    {
        try
        {
            return calendar.IsWorkingDay(date);
        }
        catch (OutsideHolidayDataException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\s*(?:please\s+)?(?:move|reschedule)\s+the\s+(?:meeting\s+(?:on|of)\s+(?<from>[^.]+?)|(?<from>[^.]+?)\s+meeting)\s+to\s+(?<to>.+?)(?:\s+at\s+(?<at>\d{1,2}[:.]\d{2}))?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MoveCommand();

    [GeneratedRegex(@"^\s*(?:please\s+)?cancel\s+the\s+(?:meeting\s+(?:on|of)\s+(?<date>[^.]+?)|(?<date>[^.]+?)\s+meeting)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex CancelCommand();
}
