using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipBot.Protocol.Schema;

/// <summary>A user or bot in a conversation. Teams rosters carry the extra Teams fields.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel id: <c>29:…</c> for users, <c>28:&lt;app id&gt;</c> for the bot.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>Entra object id: the only identity the bot trusts for who someone is.</summary>
    public string? AadObjectId { get; set; }

    /// <summary>Roster calls return the Entra id as <c>objectId</c>; <see cref="EntraObjectId"/> reads either.</summary>
    public string? ObjectId { get; set; }

    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? TenantId { get; set; }

    /// <summary>Teams: user, anonymous, or guest roles.</summary>
    public string? UserRole { get; set; }

    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The Entra object id from whichever field the channel used.</summary>
    [JsonIgnore]
    public string? EntraObjectId => AadObjectId ?? ObjectId;
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>personal, groupChat or channel.</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Where and to whom a message can be sent again later (proactive messaging).</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }

    public ChannelAccount? User { get; set; }

    public ChannelAccount? Bot { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ChannelId { get; set; }

    public string? ServiceUrl { get; set; }

    public string? Locale { get; set; }
}

/// <summary>An attachment: an Adaptive Card or a file.</summary>
public sealed class Attachment
{
    /// <summary>The media type of the content, e.g. the adaptive card type.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An activity entity: mention, clientInfo, ...</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    /// <summary>For mentions: who was mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>For mentions: the markup in the text, e.g. <c>&lt;at&gt;PartnershipBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
