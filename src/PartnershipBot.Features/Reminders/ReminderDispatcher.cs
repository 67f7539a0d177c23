using Microsoft.Extensions.Logging;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// Sends due reminders: claims them from the outbox (exclusively, across instances), posts each card to the
/// board's conversation through the Connector, and records the outcome. A blocked or vanished conversation is
/// not retried; a transient failure goes back to the queue for a later attempt, up to a limit.
/// </summary>
public sealed partial class ReminderDispatcher(
    IReminderOutbox outbox, IConversationReferenceStore references, IConnectorClient connector, ReminderCardCatalog cards, TimeProvider time, ILogger<ReminderDispatcher> logger) : IFeatureRoutes
{
    /// <summary>Attempts before a reminder is given up on.</summary>
    public const int MaxAttempts = 5;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(15);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddCardAction("reminders/done", "reminders/", DoneAsync);
    }

    /// <summary>Sends every reminder due now; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(string worker, CancellationToken cancellationToken)
    {
        var due = await outbox.ClaimDueAsync(worker, time.GetUtcNow(), Lease, 20, cancellationToken);
        foreach (var reminder in due)
        {
            var (state, outcome, retryAt) = await SendAsync(reminder, cancellationToken);
            await outbox.CompleteAsync(reminder.ReminderId, worker, state, outcome, retryAt, cancellationToken);
            LogDispatched(logger, reminder.ReminderId, outcome);
        }

        return due.Count;
    }

    private async Task<(ReminderState State, string Outcome, DateTimeOffset? RetryAt)> SendAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        var reference = await references.FindByConversationAsync(reminder.Recipient, cancellationToken);
        if (reference is null)
        {
            return (ReminderState.Failed, "NoConversationReference", null);
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [(await cards.RenderAsync(reminder, cancellationToken)).ToAttachment()],
        };
        var result = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
        return result.Outcome switch
        {
            ConnectorOutcome.Sent => (ReminderState.Sent, "Sent", null),
            ConnectorOutcome.FailedAfterRetries when reminder.Attempts < MaxAttempts => (ReminderState.Pending, "FailedAfterRetries", time.GetUtcNow() + RetryDelay),
            var other => (ReminderState.Failed, other.ToString(), null),
        };
    }

    private Task<InvokeResponse?> DoneAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var data = CardActionData.Of(turn);
        var card = ReminderCards.Done(CardActionData.Text(data, "kind") ?? "papers", CardActionData.Text(data, "board") ?? "the board", turn.Activity.From?.Name, time.GetUtcNow());
        return Task.FromResult<InvokeResponse?>(InvokeResponse.Card(card.ToElement()));
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Reminder {ReminderId}: {Outcome}")]
    private static partial void LogDispatched(ILogger logger, string reminderId, string outcome);
}
