using System.Text.RegularExpressions;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// "Remind everyone about papers for the next meeting" (chair, vice-chair, secretariat): queues the papers reminder
/// of the board's next meeting in this conversation, due now, through the outbox, so it is sent (and retried) like
/// any other reminder rather than from inside the turn.
/// </summary>
public sealed partial class PapersReminderRoutes(
    MeetingReminders reminders, IMeetingStore meetings, BoardContextResolver boards, TimeProvider time) : IFeatureRoutes
{
    private static readonly BoardRequest Runners = BoardRequest.RunMeetings("send reminders to everyone", needsTerms: true);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddHelp("**Papers reminder now**: \"remind everyone about papers for the next meeting\" (the reminder card, with its buttons, is posted here at once)", HelpAudience.MeetingRunners);
        // Above "when is the next meeting?", whose question pattern also matches "the next meeting".
        routes.AddMessage("reminders/papers-now", 600, turn => RemindCommand().IsMatch(turn.Text), RemindAsync);
    }

    private async Task<InvokeResponse?> RemindAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var gate = await boards.LinkedAsync(turn, Runners, cancellationToken);
        if (!gate.Allowed)
        {
            return await turn.ReplyMarkdownAsync(gate.Refusal, cancellationToken);
        }

        var board = gate.Board.Name;
        var now = time.GetUtcNow();
        var upcoming = await meetings.UpcomingAsync(board, now, 1, cancellationToken);
        if (upcoming.Count == 0)
        {
            return await turn.ReplyMarkdownAsync($"No meetings of the {board} are scheduled, so there are no papers to remind anyone about. Say \"schedule the next 4 meetings\" first.", cancellationToken);
        }

        var next = upcoming[0];
        bool? queued;
        try
        {
            queued = await reminders.QueuePapersNowAsync(gate.Board.Terms, next, gate.Board.ConversationId, await gate.Board.WorkingDaysAsync(cancellationToken), now, cancellationToken);
        }
        catch (OutsideHolidayDataException ex)
        {
            return await turn.ReplyMarkdownAsync(ex.Message, cancellationToken);
        }

        var when = MeetingTimes.LongDate.Format(MeetingTimes.DateOf(next.StartsAt));
        return await turn.ReplyMarkdownAsync(queued switch
        {
            null => $"The {board} Terms of Reference don't set a papers deadline, so there is no papers reminder to send.",
            true => $"Sending the papers reminder for the meeting on **{when}** now.",
            false => $"The papers reminder for the meeting on **{when}** has already been sent today.",
        }, cancellationToken);
    }

    [GeneratedRegex(@"^\s*(?:please\s+)?(?:remind|chase)\s+(?:everyone|everybody|all|members|the\s+board)\s+(?:about|of|for)\s+(?:the\s+)?papers\s+(?:for|before)\s+the\s+next\s+meeting\s*(?:now)?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RemindCommand();
}
