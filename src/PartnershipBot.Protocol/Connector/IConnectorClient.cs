using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API subset PartnershipBot uses (named as the SDK's <c>ConnectorClient</c>
/// operations). Every call returns a typed outcome instead of throwing for expected failures.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST v3/conversations/{id}/activities/{replyToId}</c>.</summary>
    Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST v3/conversations/{id}/activities</c> (proactive send).</summary>
    Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>PUT v3/conversations/{id}/activities/{activityId}</c> (update a card in place).</summary>
    Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST v3/conversations</c> (proactive 1:1: needs the user's 29: id and the tenant).</summary>
    Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary><c>GET v3/conversations/{id}/pagedmembers</c>: one page of the roster.</summary>
    Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary><c>GET v3/conversations/{id}/members/{memberId}</c>.</summary>
    Task<ConnectorResult<ChannelAccount>> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken);
}
