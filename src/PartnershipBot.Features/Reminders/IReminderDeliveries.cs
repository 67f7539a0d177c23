namespace PartnershipBot.Features.Reminders;

/// <summary>
/// The outbox as its readers see it (port): each reminder row of a board with its recorded outcome, and one more
/// attempt for a delivery that failed. Kept apart from <see cref="IReminderOutbox"/> so the dispatcher's port stays
/// what the dispatcher needs; both are the same store.
/// </summary>
public interface IReminderDeliveries
{
    /// <summary>The board's reminders, most recently due first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ReminderRecord>> ForBoardAsync(string boardKey, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a failed delivery back in the queue, due now, for one more attempt. Only while it is still failed with
    /// <paramref name="seenAttempts"/> attempts (what the person pressing saw): a second press of the same button,
    /// or a press after the dispatcher has tried again, changes nothing. A withdrawn or held reminder is not a
    /// failed delivery and is never requeued here. True when this call requeued it.
    /// </summary>
    Task<bool> RequeueFailedAsync(string reminderId, int seenAttempts, CancellationToken cancellationToken);
}
