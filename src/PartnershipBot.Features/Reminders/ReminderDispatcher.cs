using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// Sends due reminders: claims them from the outbox in batches (exclusively, across instances), posts each
/// card to its conversation or the person's 1:1 chat through the Connector (whose limiter keeps the fan-out
/// inside Teams' rate limits), and records the outcome per recipient. A blocked or vanished conversation is not
/// retried; a transient failure goes back to the queue for a later attempt, up to a limit. Reminders that were
/// due while the bot was down go out on start, marked late; the secretariat gets a digest of who was not reached.
/// </summary>
public sealed partial class ReminderDispatcher(
    IReminderOutbox outbox, ReminderRecipients recipients, IConnectorClient connector, ReminderCardCatalog cards, ReminderDigest digest, TimeProvider time, ILogger<ReminderDispatcher> logger)
{
    /// <summary>Attempts before a reminder is given up on.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Reminders claimed at a time.</summary>
    public const int BatchSize = 100;

    /// <summary>Sends in flight at once: enough to keep the Connector limiter (50 a second per tenant) busy.</summary>
    public const int Parallelism = 16;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(15);

    /// <summary>A reminder sent this long after it was due says so (the bot was down or busy).</summary>
    private static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(10);

    /// <summary>Sends every reminder due now, batch after batch until none is left; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(string worker, CancellationToken cancellationToken)
    {
        var claimed = 0;
        while (true)
        {
            var due = await outbox.ClaimDueAsync(worker, time.GetUtcNow(), Lease, BatchSize, cancellationToken);
            if (due.Count == 0)
            {
                return claimed;
            }

            claimed += due.Count;
            var failed = new ConcurrentBag<(ReminderRecord, string)>();
            // Cancellation stops new sends, never one in flight: a send cut off after Teams accepted it would be
            // unrecorded and so sent again after the restart.
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (reminder, _) =>
            {
                var (state, outcome, retryAt) = await SendAsync(reminder, CancellationToken.None);
                await outbox.CompleteAsync(reminder.ReminderId, worker, state, outcome, retryAt, CancellationToken.None);
                LogDispatched(logger, reminder.ReminderId, outcome);
                if (state == ReminderState.Failed)
                {
                    failed.Add((reminder, outcome));
                }
            });
            await digest.QueueAsync([.. failed], cancellationToken);
        }
    }

    private async Task<(ReminderState State, string Outcome, DateTimeOffset? RetryAt)> SendAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        var address = await recipients.ResolveAsync(reminder, cancellationToken);
        if (address.Reference is not { } reference)
        {
            return (ReminderState.Failed, address.Failure ?? "NotReachable", null);
        }

        var card = await cards.RenderAsync(reminder, cancellationToken);
        var late = time.GetUtcNow() - reminder.DueAt > LateAfter;
        if (late)
        {
            card.Text(string.Create(CultureInfo.InvariantCulture, $"Sent late: this was due at {reminder.DueAt.UtcDateTime:HH:mm 'UTC' d MMM yyyy}, while the bot was unavailable."));
        }

        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [card.ToAttachment()] };
        var result = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
        return result.Outcome switch
        {
            ConnectorOutcome.Sent => (ReminderState.Sent, late ? "SentLate" : "Sent", null),
            ConnectorOutcome.FailedAfterRetries when reminder.Attempts < MaxAttempts => (ReminderState.Pending, "FailedAfterRetries", time.GetUtcNow() + RetryDelay),
            var other => (ReminderState.Failed, other.ToString(), null),
        };
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Reminder {ReminderId}: {Outcome}")]
    private static partial void LogDispatched(ILogger logger, string reminderId, string outcome);
}
