namespace PartnershipBot.Protocol.Schema;

/// <summary>Helpers over <see cref="Activity"/> that every feature needs.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// The text with the bot's own @mention removed (other people's mentions stay), trimmed.
    /// As the SDK does: each mention entity naming the recipient has its markup removed from the text.
    /// </summary>
    public static string GetTextWithoutBotMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || entity.Mentioned?.Id is null
                || !string.Equals(entity.Mentioned.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var markup = entity.Text ?? $"<at>{entity.Mentioned.Name}</at>";
            text = text.Replace(markup, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        return text.Trim();
    }

    /// <summary>The tenant of the activity, from conversation or channelData.</summary>
    public static string? GetTenantId(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;
    }

    /// <summary>
    /// The conversation as a place: a team channel for every thread in it (each post in a channel is its own
    /// conversation, <c>19:…@thread.tacv2;messageid=…</c>, but a board's link, its reminders and "the board's
    /// conversation" belong to the channel), otherwise the group or personal chat itself. Replies still go to
    /// <c>conversation.id</c>, the thread the person wrote in.
    /// </summary>
    public static string? GetConversationScopeId(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is not { } id)
        {
            return null;
        }

        var channel = string.Equals(activity.Conversation.ConversationType, "channel", StringComparison.OrdinalIgnoreCase)
            ? activity.ChannelData?.Channel?.Id
            : null;
        return channel is { Length: > 0 } ? channel : ConversationScope.Of(id);
    }
}

/// <summary>Channel thread ids and the channel they belong to.</summary>
public static class ConversationScope
{
    /// <summary>What Teams appends to a channel's id to name one thread of it.</summary>
    public const string ThreadMarker = ";messageid=";

    /// <summary>The channel of a thread id (the id without <c>;messageid=…</c>); any other id unchanged.</summary>
    public static string Of(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var marker = conversationId.IndexOf(ThreadMarker, StringComparison.OrdinalIgnoreCase);
        return marker > 0 ? conversationId[..marker] : conversationId;
    }

    /// <summary>True for one thread of a channel, false for a channel, group chat or personal chat.</summary>
    public static bool IsThread(string conversationId) =>
        conversationId?.Contains(ThreadMarker, StringComparison.OrdinalIgnoreCase) == true;
}
