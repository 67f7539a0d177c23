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
}
