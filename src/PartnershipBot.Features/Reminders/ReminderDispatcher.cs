using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PartnershipBot.Features.Routing;
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
    IReminderOutbox outbox, ReminderRecipients recipients, IConnectorClient connector, ReminderCardCatalog cards, ReminderDigest digest, IOptions<ReminderOptions> options,
    BotTelemetry telemetry, TimeProvider time, ILogger<ReminderDispatcher> logger)
{
    /// <summary>Attempts before a reminder is given up on.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Reminders claimed at a time.</summary>
    public const int BatchSize = 100;

    /// <summary>Sends in flight at once: enough to keep the Connector limiter (50 a second per tenant) busy.</summary>
    public const int Parallelism = 16;

    private static readonly TimeSpan FirstRecordRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRecordRetry = TimeSpan.FromSeconds(2);

    private readonly TimeSpan lease = options.Value.ClaimLease;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(15);

    /// <summary>A reminder sent this long after it was due says so (the bot was down or busy).</summary>
    private static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(10);

    /// <summary>Sends every reminder due now, batch after batch until none is left; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(string worker, CancellationToken cancellationToken)
    {
        var claimed = 0;
        while (true)
        {
            var due = await outbox.ClaimDueAsync(worker, time.GetUtcNow(), lease, BatchSize, cancellationToken);
            if (due.Count == 0)
            {
                return claimed;
            }

            claimed += due.Count;
            var failed = new ConcurrentBag<(ReminderRecord, ReminderOutcome)>();
            // Cancellation stops new sends, never one in flight: a send cut off after Teams accepted it would be
            // unrecorded and so sent again after the restart.
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (reminder, _) =>
            {
                var (state, outcome, retryAt) = await SendAsync(reminder, CancellationToken.None);
                await RecordAsync(reminder, worker, state, outcome, retryAt);
                LogDispatched(logger, reminder.ReminderId, outcome);
                telemetry.Reminder(outcome);
                if (state == ReminderState.Failed)
                {
                    failed.Add((reminder, outcome));
                }
            });
            await digest.QueueAsync([.. failed], cancellationToken);
        }
    }

    /// <summary>
    /// Records a send's outcome, retrying while the database is unreachable (a restart, a failover). The message has
    /// already gone: an outcome left unrecorded puts the reminder back in the queue when the lease runs out, and it
    /// is sent again. So keep trying for most of the lease, after which another instance may take it anyway.
    /// </summary>
    private async Task RecordAsync(ReminderRecord reminder, string worker, ReminderState state, ReminderOutcome outcome, DateTimeOffset? retryAt)
    {
        var giveUpAt = time.GetUtcNow() + lease / 2;
        var delay = FirstRecordRetry;
        while (true)
        {
            try
            {
                await outbox.CompleteAsync(reminder.ReminderId, worker, state, outcome, retryAt, CancellationToken.None);
                return;
            }
            catch (StoreUnavailableException ex) when (time.GetUtcNow() + delay < giveUpAt)
            {
                LogRecordRetry(logger, reminder.ReminderId, delay, ex.InnerException?.Message ?? ex.Message);
                await Task.Delay(delay, time, CancellationToken.None);
                delay = delay * 2 < LongestRecordRetry ? delay * 2 : LongestRecordRetry;
            }
        }
    }

    private async Task<(ReminderState State, ReminderOutcome Outcome, DateTimeOffset? RetryAt)> SendAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        var address = await recipients.ResolveAsync(reminder, cancellationToken);
        if (address.Reference is not { } reference)
        {
            return (ReminderState.Failed, address.Failure ?? ReminderOutcome.NotReachable, null);
        }

        var card = await cards.RenderAsync(reminder, cancellationToken);
        var late = time.GetUtcNow() - reminder.DueAt > LateAfter;
        if (late)
        {
            card.Text(string.Create(CultureInfo.InvariantCulture, $"Sent late: this was due at {reminder.DueAt.UtcDateTime:HH:mm 'UTC' d MMM yyyy}, while the bot was unavailable."));
        }

        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [card.ToAttachment()] };
        var outcome = IsChannel(reference)
            ? (await PostInChannelAsync(reference, activity, cancellationToken)).Outcome
            : (await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken)).Outcome;
        return outcome switch
        {
            ConnectorOutcome.Sent => (ReminderState.Sent, late ? ReminderOutcome.SentLate : ReminderOutcome.Sent, null),
            ConnectorOutcome.FailedAfterRetries when reminder.Attempts < MaxAttempts => (ReminderState.Pending, ReminderOutcome.FailedAfterRetries, time.GetUtcNow() + RetryDelay),
            var other => (ReminderState.Failed, ReminderOutcomes.From(other), null),
        };
    }

    /// <summary>A team channel itself (not one thread of it): what a board's channel-wide reminders address.</summary>
    private static bool IsChannel(Features.Conversations.ConversationReferenceRecord reference) =>
        string.Equals(reference.ConversationType, "channel", StringComparison.OrdinalIgnoreCase) && !ConversationScope.IsThread(reference.ConversationId);

    /// <summary>
    /// Starts a new post in the channel (Teams' create-conversation with isGroup and the channel), so a reminder is
    /// its own thread rather than a reply buried under whichever post last mentioned the bot.
    /// </summary>
    private Task<ConnectorResult<ConversationResourceResponse>> PostInChannelAsync(
        Features.Conversations.ConversationReferenceRecord reference, Activity activity, CancellationToken cancellationToken) =>
        connector.CreateConversationAsync(reference.ServiceUrl, new ConversationParameters
        {
            IsGroup = true,
            Bot = new ChannelAccount { Id = reference.BotId },
            TenantId = reference.TenantId,
            Activity = activity,
            ChannelData = new TeamsChannelData
            {
                Channel = new TeamsInfo { Id = reference.ConversationId },
                Tenant = reference.TenantId is null ? null : new TeamsInfo { Id = reference.TenantId },
            },
        }, cancellationToken);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Reminder {ReminderId}: {Outcome}")]
    private static partial void LogDispatched(ILogger logger, string reminderId, ReminderOutcome outcome);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Reminder {ReminderId} was sent but its outcome could not be stored; retrying in {Delay}: {Reason}")]
    private static partial void LogRecordRetry(ILogger logger, string reminderId, TimeSpan delay, string reason);
}
