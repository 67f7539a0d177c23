namespace PartnershipBot.Features.Conversations;

/// <summary>
/// What the bot must remember about a conversation to message it later (proactively), after a restart.
/// Kept as primitives plus the full reference JSON so storage never depends on the protocol model's shape.
/// </summary>
/// <param name="ConversationId">The channel's conversation id (the key).</param>
/// <param name="ServiceUrl">The Connector base URL to post to; only ever taken from an authenticated activity.</param>
/// <param name="ChannelId">e.g. "msteams".</param>
/// <param name="TenantId">Entra tenant of the conversation, when known.</param>
/// <param name="ConversationType">"personal", "groupChat" or "channel".</param>
/// <param name="UserAadObjectId">For personal chats: the user's Entra object id, so a person can be reached 1:1.</param>
/// <param name="BotId">The bot's channel account id in that conversation.</param>
/// <param name="ReferenceJson">The complete conversation reference as the protocol layer serialised it.</param>
/// <param name="UpdatedAt">When this reference was last seen.</param>
public sealed record ConversationReferenceRecord(
    string ConversationId,
    string ServiceUrl,
    string ChannelId,
    string? TenantId,
    string? ConversationType,
    string? UserAadObjectId,
    string BotId,
    string ReferenceJson,
    DateTimeOffset UpdatedAt);

/// <summary>Durable store of conversation references (port; implemented in Infrastructure).</summary>
public interface IConversationReferenceStore
{
    /// <summary>Inserts or replaces the reference for its conversation id. Returns once it is durable.</summary>
    Task SaveAsync(ConversationReferenceRecord reference, CancellationToken cancellationToken);

    /// <summary>The stored reference for a conversation, or null.</summary>
    Task<ConversationReferenceRecord?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The most recent personal-chat reference for a user (by Entra object id), or null.</summary>
    Task<ConversationReferenceRecord?> FindPersonalByUserAsync(string userAadObjectId, CancellationToken cancellationToken);

    /// <summary>Forgets a conversation (e.g. the bot was removed). True when something was removed.</summary>
    Task<bool> RemoveAsync(string conversationId, CancellationToken cancellationToken);
}
