namespace PartnershipBot.Features.Reminders;

/// <summary>Where a reminder is in its life.</summary>
public enum ReminderState
{
    /// <summary>Waiting for its due time.</summary>
    Pending,
    /// <summary>Taken by one instance to send; returns to pending if its lease runs out.</summary>
    Claimed,
    /// <summary>Delivered.</summary>
    Sent,
    /// <summary>Given up on after retries (the outcome says why).</summary>
    Failed,
}

/// <summary>A reminder to send at a time, stored before anything is sent so nothing is lost.</summary>
/// <param name="ReminderId">Unique id.</param>
/// <param name="IdempotencyKey">Business key (e.g. board/meeting/kind/recipient): the same key is never queued twice.</param>
/// <param name="BoardKey">The board it belongs to.</param>
/// <param name="Recipient">Who gets it (Entra object id or conversation id).</param>
/// <param name="Kind">papers, agenda, minutes, declaration ...</param>
/// <param name="DueAt">When to send.</param>
/// <param name="PayloadJson">What to send (card data).</param>
/// <param name="State">Pending, claimed, sent or failed.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="LastOutcome">The last attempt's outcome (e.g. Sent, Blocked, ConversationNotFound).</param>
public sealed record ReminderRecord(
    string ReminderId,
    string IdempotencyKey,
    string BoardKey,
    string Recipient,
    string Kind,
    DateTimeOffset DueAt,
    string PayloadJson,
    ReminderState State = ReminderState.Pending,
    int Attempts = 0,
    ReminderOutcome? LastOutcome = null);

/// <summary>
/// The durable reminder outbox (port). Instances claim due reminders with a lease; a claim is exclusive
/// across instances sharing the database, so each reminder is sent once.
/// </summary>
public interface IReminderOutbox
{
    /// <summary>Queues a reminder; false (and nothing changes) when its idempotency key is already queued.</summary>
    Task<bool> EnqueueAsync(ReminderRecord reminder, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> reminders due by <paramref name="now"/> (or whose lease expired) for <paramref name="worker"/>.</summary>
    Task<IReadOnlyList<ReminderRecord>> ClaimDueAsync(string worker, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Records an attempt: sent, failed for good, or back to pending for a retry at <paramref name="retryAt"/>.</summary>
    /// <exception cref="StoreUnavailableException">The store could not be reached; the attempt is not recorded yet.</exception>
    Task CompleteAsync(string reminderId, string worker, ReminderState state, ReminderOutcome outcome, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>
    /// Withdraws the pending reminders whose idempotency key starts with <paramref name="keyPrefix"/> (a meeting
    /// moved or cancelled); they are kept as failed with the outcome <see cref="ReminderOutcome.Withdrawn"/>. Returns how many.
    /// </summary>
    Task<int> WithdrawPendingAsync(string keyPrefix, CancellationToken cancellationToken);

    /// <summary>A reminder by id, or null.</summary>
    Task<ReminderRecord?> FindAsync(string reminderId, CancellationToken cancellationToken);

    /// <summary>The reminder queued under <paramref name="idempotencyKey"/>, or null.</summary>
    Task<ReminderRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Holds a pending reminder: it is kept as failed with the outcome <see cref="ReminderOutcome.Held"/>, so no instance
    /// claims it, until <see cref="RescheduleAsync"/> releases it. False when it was not pending (sent, being sent,
    /// withdrawn or already held).
    /// </summary>
    Task<bool> HoldAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a pending or held reminder due at <paramref name="dueAt"/> (pending again). False when it was neither:
    /// one already sent, being sent or withdrawn is never sent a second time this way.
    /// </summary>
    Task<bool> RescheduleAsync(string idempotencyKey, DateTimeOffset dueAt, CancellationToken cancellationToken);
}
