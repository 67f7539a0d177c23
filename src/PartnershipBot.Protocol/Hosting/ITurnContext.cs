using PartnershipBot.Protocol.Connector;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Protocol.Hosting;

/// <summary>One inbound activity being handled, and the means to answer it (as the SDK's <c>ITurnContext</c>).</summary>
public interface ITurnContext
{
    /// <summary>The authenticated inbound activity.</summary>
    Activity Activity { get; }

    /// <summary>The message text with the bot's @mention removed, trimmed.</summary>
    string Text { get; }

    /// <summary>The Connector client, for proactive or roster calls beyond the reply.</summary>
    IConnectorClient Connector { get; }

    /// <summary>Replies in the activity's conversation.</summary>
    Task<ConnectorResult<ResourceResponse>> SendActivityAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>Handles every authenticated activity; returns the invoke response for invokes.</summary>
public interface IActivityHandler
{
    /// <summary>Processes one activity.</summary>
    Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>The turn context the endpoint builds for each activity.</summary>
public sealed class TurnContext(Activity activity, IConnectorClient connector) : ITurnContext
{
    /// <inheritdoc />
    public Activity Activity { get; } = activity;

    /// <inheritdoc />
    public string Text { get; } = activity.GetTextWithoutBotMention();

    /// <inheritdoc />
    public IConnectorClient Connector { get; } = connector;

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var inbound = Activity;
        activity.Conversation ??= inbound.Conversation;
        activity.From ??= inbound.Recipient;
        activity.Recipient ??= inbound.From;
        activity.ChannelId ??= inbound.ChannelId;
        activity.ServiceUrl ??= inbound.ServiceUrl;
        var conversationId = inbound.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        if (inbound.Id is null)
        {
            return Connector.SendToConversationAsync(inbound.ServiceUrl!, conversationId, activity, cancellationToken);
        }

        activity.ReplyToId ??= inbound.Id;
        return Connector.ReplyToActivityAsync(inbound.ServiceUrl!, conversationId, inbound.Id, activity, cancellationToken);
    }
}
