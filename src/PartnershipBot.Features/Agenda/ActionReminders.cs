using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Agenda;

/// <summary>
/// Reminds an action's owner before it is due: queued in the durable outbox when the action is recorded (owner known by
/// Entra id, due date given), for 17:00 UK time <see cref="ActionReminderOptions.ReminderWorkingDays"/> UK working days
/// before, in the board's working days (17:00 like the agenda pack: the end of the day they still have). The card is
/// drawn when it goes out, from the log as it is then; marking the action done or updating it withdraws it.
/// </summary>
public sealed class ActionReminders(IReminderOutbox outbox, BoardWorkingDays workingDays, IOptions<ActionReminderOptions> options, TimeProvider time)
{
    /// <summary>The outbox kind of action reminders.</summary>
    public const string ReminderKind = "action";

    /// <summary>When the reminder is sent on its day.</summary>
    public static readonly LocalTime SendTime = new(17, 0);

    /// <summary>Queues the owner's reminder; false when there is nothing to remind (no owner id or due date, already past) or it was queued.</summary>
    public async Task<bool> QueueAsync(ActionItem action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.OwnerId is not { } owner || action.Due is not { } due || action.Done)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var today = Instant.FromDateTimeOffset(now).InZone(MeetingTimes.London).Date;
        if (due < today)
        {
            return false;
        }

        var calendar = await workingDays.ForAsync(action.BoardName, cancellationToken);
        var sendDate = calendar.AddWorkingDays(due, -options.Value.ReminderWorkingDays);
        var slot = (sendDate + SendTime).InZoneLeniently(MeetingTimes.London).ToDateTimeOffset();
        var payload = new JsonObject { ["board"] = action.BoardName, ["number"] = action.Number }.ToJsonString();
        return await outbox.EnqueueAsync(
            new ReminderRecord(Guid.NewGuid().ToString("N"), KeyOf(action.BoardName, action.Number) + LocalDatePattern.Iso.Format(due), action.BoardName, owner, ReminderKind, slot < now ? now : slot, payload),
            cancellationToken);
    }

    /// <summary>Withdraws the action's reminders not yet sent (it is done, or the owner has said where it stands).</summary>
    public Task<int> CancelAsync(string boardName, int number, CancellationToken cancellationToken) =>
        outbox.WithdrawPendingAsync(KeyOf(boardName, number), cancellationToken);

    /// <summary>The board and action number a reminder's payload names, or null.</summary>
    public static (string Board, int Number)? ActionOf(ReminderRecord reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var payload = JsonNode.Parse(reminder.PayloadJson) as JsonObject;
        return payload?["board"]?.GetValue<string>() is { } board && payload["number"] is JsonValue n && n.TryGetValue<int>(out var number) ? (board, number) : null;
    }

    private static string KeyOf(string boardName, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"action/{boardName.ToUpperInvariant()}/{number}/");
}

/// <summary>Draws an action reminder when the dispatcher sends it, from the action log as it is at that moment.</summary>
public sealed class ActionReminderCardSource(IActionLog log) : IReminderCardSource
{
    /// <inheritdoc />
    public string Kind => ActionReminders.ReminderKind;

    /// <inheritdoc />
    public async Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        // A card must still go out (throwing would stall the dispatcher's batch): say plainly what happened.
        var action = ActionReminders.ActionOf(reminder) is { } id
            ? (await log.ListAsync(id.Board, openOnly: false, cancellationToken)).FirstOrDefault(a => a.Number == id.Number)
            : null;
        return action is null ? ActionCards.Unavailable() : ActionCards.Reminder(action);
    }
}
