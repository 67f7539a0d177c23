using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;

namespace PartnershipBot.Features.Agenda;

/// <summary>Where a meeting's agenda pack stands.</summary>
public enum PackState
{
    /// <summary>Queued for its circulation date (or for now, after "send now").</summary>
    Scheduled,
    /// <summary>Held by the secretariat: it goes nowhere until someone presses "Send now".</summary>
    Held,
    /// <summary>Claimed by the dispatcher: on its way.</summary>
    Sending,
    /// <summary>Posted in the board's conversation.</summary>
    Sent,
    /// <summary>Could not be queued or delivered (no conversation to post in, or Teams refused it).</summary>
    NotSent,
}

/// <summary>A meeting's pack: its agenda as it stands and the outbox row that posts it.</summary>
/// <param name="View">The agenda.</param>
/// <param name="Reminder">The queued pack, or null when the board has no conversation to post it in.</param>
public sealed record PackStatus(AgendaView View, ReminderRecord? Reminder)
{
    /// <summary>Where the pack stands.</summary>
    public PackState State => Reminder switch
    {
        null => PackState.NotSent,
        { State: ReminderState.Pending } => PackState.Scheduled,
        { State: ReminderState.Claimed } => PackState.Sending,
        { State: ReminderState.Sent } => PackState.Sent,
        { LastOutcome: ReminderOutcome.Held } => PackState.Held,
        _ => PackState.NotSent,
    };
}

/// <summary>What a queued pack names: only the meeting, so the card is drawn from the agenda as it is when it goes out.</summary>
/// <param name="MeetingId">The meeting.</param>
public sealed record PackPayload(string MeetingId);

/// <summary>JSON for pack payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PackPayload))]
internal sealed partial class PackJsonContext : JsonSerializerContext;

/// <summary>
/// Queues each meeting's agenda pack in the durable outbox for the ToR's papers-circulation date (counted in the
/// board's working days, as the agenda's pack date is), addressed to the board's conversation. The idempotency key
/// names the meeting and that date, so queuing again (another agenda change, a restart, a second instance) changes
/// nothing, and the outbox's exclusive claim means two dispatchers post it once. A moved meeting's pack moves with
/// it (the old row is withdrawn with the meeting's other reminders, a hold carries over); a cancelled one's goes.
/// </summary>
public sealed class AgendaPackSchedule(IReminderOutbox outbox, MeetingAgenda agendas, IBoardDirectory directory, TimeProvider time) : IMeetingChangeObserver
{
    /// <summary>The outbox kind of agenda packs.</summary>
    public const string ReminderKind = "agenda-pack";

    /// <summary>
    /// The pack goes out at the end of the circulation day, not the start: papers are due "by" that day, and one
    /// that arrives during it is on time and belongs in the pack.
    /// </summary>
    public static readonly LocalTime SendTime = new(17, 0);

    /// <summary>The outbox key of the pack of <paramref name="meeting"/> circulated on <paramref name="packDue"/>.</summary>
    public static string KeyFor(MeetingRecord meeting, LocalDate packDue)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        // Under the meeting's prefix, so moving or cancelling the meeting withdraws it with the deadline reminders.
        return $"{meeting.MeetingId}/pack/{LocalDatePattern.Iso.Format(packDue)}";
    }

    /// <summary>The meeting a pack reminder is for.</summary>
    public static string MeetingIdOf(ReminderRecord reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return JsonSerializer.Deserialize(reminder.PayloadJson, PackJsonContext.Default.PackPayload)?.MeetingId ?? string.Empty;
    }

    /// <summary>
    /// Queues the pack if it is not queued yet and returns where it stands. A pack whose circulation day passed before
    /// it was ever queued (a meeting added late) is queued held: posting it unannounced days late would surprise
    /// everyone, so the secretariat decides with "Send now".
    /// </summary>
    public async Task<PackStatus> EnsureQueuedAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var view = await agendas.ForAsync(meeting, cancellationToken);
        var key = KeyFor(meeting, view.PackDue);
        if (await outbox.FindByKeyAsync(key, cancellationToken) is { } queued)
        {
            return new PackStatus(view, queued);
        }

        var recipient = meeting.ConversationId ?? ((await directory.LinkedConversationsAsync(meeting.BoardName, cancellationToken)) is [var linked, ..] ? linked : null);
        if (recipient is null || meeting.Cancelled)
        {
            return new PackStatus(view, null);
        }

        var now = time.GetUtcNow();
        var slot = (view.PackDue + SendTime).InZoneLeniently(MeetingTimes.London).ToDateTimeOffset();
        var missedDay = view.PackDue < MeetingTimes.DateOf(now);
        var payload = JsonSerializer.Serialize(new PackPayload(meeting.MeetingId), PackJsonContext.Default.PackPayload);
        await outbox.EnqueueAsync(new ReminderRecord(Guid.NewGuid().ToString("N"), key, meeting.BoardName, recipient, ReminderKind, slot < now ? now : slot, payload), cancellationToken);
        if (missedDay)
        {
            await outbox.HoldAsync(key, cancellationToken);
        }

        return new PackStatus(view, await outbox.FindByKeyAsync(key, cancellationToken));
    }

    /// <summary>Where the pack stands, without queuing anything.</summary>
    public async Task<PackStatus> StatusAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var view = await agendas.ForAsync(meeting, cancellationToken);
        return new PackStatus(view, await outbox.FindByKeyAsync(KeyFor(meeting, view.PackDue), cancellationToken));
    }

    /// <summary>"Send now": makes the queued (or held) pack due at once. False when it has already gone or is going.</summary>
    public async Task<bool> SendNowAsync(PackStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Reminder is { } reminder && await outbox.RescheduleAsync(reminder.IdempotencyKey, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>"Hold": keeps the pack from going out. False when it was not waiting to go.</summary>
    public async Task<bool> HoldAsync(PackStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Reminder is { } reminder && await outbox.HoldAsync(reminder.IdempotencyKey, cancellationToken);
    }

    /// <inheritdoc />
    public async Task BookedAsync(MeetingRecord meeting, CancellationToken cancellationToken) => await EnsureQueuedAsync(meeting, cancellationToken);

    /// <inheritdoc />
    public async Task MovedAsync(MeetingRecord before, MeetingRecord after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        var wasHeld = (await StatusAsync(before, cancellationToken)).State == PackState.Held;
        var moved = await EnsureQueuedAsync(after, cancellationToken);
        if (wasHeld && moved.Reminder is { } reminder)
        {
            await outbox.HoldAsync(reminder.IdempotencyKey, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task CancelledAsync(MeetingRecord meeting, CancellationToken cancellationToken) => Task.CompletedTask; // withdrawn with the meeting's reminders
}
