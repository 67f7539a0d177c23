using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Interests;

/// <summary>
/// Asks members for their standing declaration through the durable reminder outbox: on joining a board (a role given,
/// members imported) unless they already have one, and <see cref="InterestOptions.ReviewMonths"/> after each save, at
/// 09:00 London on that day. Each key names the board, the person and the occasion (the due date for a review), so a
/// restart, a retry or a second dispatcher queues and sends each once; a save withdraws the review it replaces.
/// </summary>
public sealed class StandingInterestReminders(IReminderOutbox outbox, IStandingInterestRegister register, IOptions<InterestOptions> options, TimeProvider time) : IReminderCardSource
{
    /// <summary>The reminder kind of standing declaration requests.</summary>
    public const string ReminderKind = "interests";

    private static readonly LocalTime MorningSend = new(9, 0);

    /// <inheritdoc />
    public string Kind => ReminderKind;

    /// <summary>Queues the "please make your declaration" card for someone who just joined; false when already queued or declared.</summary>
    public async Task<bool> QueueOnJoiningAsync(string boardName, string personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        ArgumentNullException.ThrowIfNull(personId);
        if (await register.LatestAsync(boardName, personId, cancellationToken) is not null)
        {
            return false;
        }

        return await outbox.EnqueueAsync(Reminder(boardName, personId, "joined", time.GetUtcNow()), cancellationToken);
    }

    /// <summary>After a save: withdraws the pending review it makes early and queues the next one; returns when it is due.</summary>
    public async Task<DateTimeOffset> QueueReviewAsync(StandingRecord saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var declaration = saved.Declaration;
        var dueDate = Instant.FromDateTimeOffset(declaration.DeclaredAt).InZone(MeetingTimes.London).Date.PlusMonths(options.Value.ReviewMonths);
        var due = (dueDate + MorningSend).InZoneLeniently(MeetingTimes.London).ToDateTimeOffset();
        var reminder = Reminder(declaration.BoardName, declaration.PersonId, "review-" + dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), due);
        // Already queued (a second copy of the same press, or two saves on one day): leave it, or withdrawing it would lose it.
        if (await outbox.FindByKeyAsync(reminder.IdempotencyKey, cancellationToken) is not null)
        {
            return due;
        }

        await outbox.WithdrawPendingAsync(KeyPrefix(declaration.BoardName, declaration.PersonId), cancellationToken);
        await outbox.EnqueueAsync(reminder, cancellationToken);
        return due;
    }

    /// <inheritdoc />
    public async Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var latest = await register.LatestAsync(reminder.BoardKey, reminder.Recipient, cancellationToken);
        return StandingInterestCards.Form(reminder.BoardKey, reminder.Recipient, forName: null, latest, prompt: latest is null
                ? $"Welcome to the {reminder.BoardKey}. Please make your standing declaration of interests."
                : $"It is {options.Value.ReviewMonths} months since you last updated your standing declaration. Please check it and save it again, even if nothing has changed.");
    }

    /// <summary>The outbox keys of one member's requests on one board start with this.</summary>
    public static string KeyPrefix(string boardName, string personId) =>
        $"interests/{string.Join(' ', boardName.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))}/{personId}/";

    private static ReminderRecord Reminder(string boardName, string personId, string occasion, DateTimeOffset due) =>
        new(Guid.NewGuid().ToString("N"), KeyPrefix(boardName, personId) + occasion, boardName, personId, ReminderKind, due, "{}");
}
