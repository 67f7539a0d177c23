using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NodaTime;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Features.Declarations;

/// <summary>What a queued declaration card refers to: only the item; the card is drawn from the register when sent.</summary>
/// <param name="ItemId">The item.</param>
public sealed record DeclarationReminderPayload(string ItemId);

/// <summary>
/// Queues declaration cards to each member through the durable reminder outbox: once per item and member ahead
/// of the meeting (the lead in UK working days, at 09:00 London time), and again in numbered rounds when the
/// secretariat sends them now or chases. Each key is unique, so a retry or a second instance queues nothing twice.
/// </summary>
public sealed class DeclarationScheduler(IReminderOutbox outbox, IOptions<DeclarationOptions> options, TimeProvider time)
{
    /// <summary>The reminder kind of declaration cards.</summary>
    public const string ReminderKind = "declaration";

    private static readonly LocalTime MorningSend = new(9, 0);

    /// <summary>
    /// When the card for <paramref name="item"/> should arrive: the board's lead in working days before the
    /// meeting, at 09:00 London; now when that has passed (an item added late still gets its card).
    /// </summary>
    public DateTimeOffset DueFor(DeclarationItem item, UkWorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        var now = time.GetUtcNow();
        if (item.MeetingStartsAt is not { } starts)
        {
            return now;
        }

        var meetingDate = Instant.FromDateTimeOffset(starts).InZone(MeetingTimes.London).Date;
        var sendDate = calendar.AddWorkingDays(meetingDate, -options.Value.LeadFor(item.BoardName));
        var due = (sendDate + MorningSend).InZoneLeniently(MeetingTimes.London).ToDateTimeOffset();
        return due > now ? due : now;
    }

    /// <summary>Queues each member's card ahead of the meeting; returns how many were newly queued.</summary>
    public Task<int> QueueAheadOfMeetingAsync(DeclarationItem item, IEnumerable<PersonRecord> members, UkWorkingDays calendar, CancellationToken cancellationToken) =>
        QueueAsync(item, members, DueFor(item, calendar), AheadOccasion(item), cancellationToken);

    /// <summary>
    /// Withdraws the item's cards not yet sent: all of them (<paramref name="aheadOnly"/> false, the meeting was
    /// cancelled) or only the ahead-of-meeting ones (it moved, so they are queued again for the new date).
    /// </summary>
    public async Task WithdrawPendingAsync(DeclarationItem item, IEnumerable<PersonRecord> members, bool aheadOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(members);
        if (!aheadOnly)
        {
            await outbox.WithdrawPendingAsync($"declaration/{item.ItemId}/", cancellationToken);
            return;
        }

        foreach (var member in members)
        {
            await outbox.WithdrawPendingAsync($"declaration/{item.ItemId}/{member.PersonId}/ahead", cancellationToken);
        }
    }

    /// <summary>"ahead-2027-03-12": the meeting date is in the key, so a moved meeting's cards can be queued afresh.</summary>
    private static string AheadOccasion(DeclarationItem item) =>
        item.MeetingStartsAt is { } starts ? $"ahead-{NodaTime.Text.LocalDatePattern.Iso.Format(Instant.FromDateTimeOffset(starts).InZone(MeetingTimes.London).Date)}" : "ahead";

    /// <summary>Queues cards for sending now in send round <paramref name="round"/> ("open declarations" or "Chase").</summary>
    public Task<int> QueueRoundAsync(DeclarationItem item, IEnumerable<PersonRecord> members, int round, CancellationToken cancellationToken) =>
        QueueAsync(item, members, time.GetUtcNow(), $"round-{round}", cancellationToken);

    /// <summary>
    /// Queues cards to <paramref name="members"/> for one press of "Chase" (<paramref name="pressId"/>): pressing the
    /// same button again queues nothing more, since each card's key names the press.
    /// </summary>
    public Task<int> QueueChaseAsync(DeclarationItem item, IEnumerable<PersonRecord> members, string pressId, CancellationToken cancellationToken) =>
        QueueAsync(item, members, time.GetUtcNow(), $"chase-{pressId}", cancellationToken);

    /// <summary>The item a queued declaration card is for.</summary>
    public static string ItemIdOf(ReminderRecord reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return JsonSerializer.Deserialize(reminder.PayloadJson, DeclarationReminderJsonContext.Default.DeclarationReminderPayload)?.ItemId
            ?? throw new InvalidOperationException($"Declaration reminder {reminder.ReminderId} has no item.");
    }

    private async Task<int> QueueAsync(DeclarationItem item, IEnumerable<PersonRecord> members, DateTimeOffset due, string occasion, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new DeclarationReminderPayload(item.ItemId), DeclarationReminderJsonContext.Default.DeclarationReminderPayload);
        var queued = 0;
        foreach (var member in members)
        {
            // Addressed to the person (Entra id): the dispatcher delivers it in their 1:1 chat with the bot.
            var reminder = new ReminderRecord(Guid.NewGuid().ToString("N"), $"declaration/{item.ItemId}/{member.PersonId}/{occasion}",
                item.BoardName, member.PersonId, ReminderKind, due, payload);
            queued += await outbox.EnqueueAsync(reminder, cancellationToken) ? 1 : 0;
        }

        return queued;
    }
}

/// <summary>JSON for declaration reminder payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DeclarationReminderPayload))]
internal sealed partial class DeclarationReminderJsonContext : JsonSerializerContext;
