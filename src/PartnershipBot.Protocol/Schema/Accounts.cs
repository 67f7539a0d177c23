using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipBot.Protocol.Schema;

/// <summary>A user or bot in a conversation. Teams rosters carry the extra Teams fields.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel id: <c>29:…</c> for users, <c>28:&lt;app id&gt;</c> for the bot.</summary>
    public string? Id { get; set; }

    /// <summary>Display name as the channel gave it; shown, never trusted for identity.</summary>
    public string? Name { get; set; }

    /// <summary>Entra object id: the only identity the bot trusts for who someone is.</summary>
    public string? AadObjectId { get; set; }

    /// <summary>Roster calls return the Entra id as <c>objectId</c>; <see cref="EntraObjectId"/> reads either.</summary>
    public string? ObjectId { get; set; }

    /// <summary>Email address, as roster calls return it.</summary>
    public string? Email { get; set; }

    /// <summary>Entra user principal name, as roster calls return it.</summary>
    public string? UserPrincipalName { get; set; }

    /// <summary>Given name, as roster calls return it.</summary>
    public string? GivenName { get; set; }

    /// <summary>Surname, as roster calls return it.</summary>
    public string? Surname { get; set; }

    /// <summary>Entra tenant id of the account, as roster calls return it.</summary>
    public string? TenantId { get; set; }

    /// <summary>Teams: user, anonymous, or guest roles.</summary>
    public string? UserRole { get; set; }

    /// <summary>Bot Framework role: <c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Wire fields this model does not name, kept so a round trip loses nothing.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The Entra object id from whichever field the channel used.</summary>
    [JsonIgnore]
    public string? EntraObjectId => AadObjectId ?? ObjectId;
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    /// <summary>Conversation id; a channel thread is <c>&lt;channel id&gt;;messageid=&lt;id&gt;</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Conversation name, when the channel gives one.</summary>
    public string? Name { get; set; }

    /// <summary>personal, groupChat or channel.</summary>
    public string? ConversationType { get; set; }

    /// <summary>Entra tenant the conversation belongs to.</summary>
    public string? TenantId { get; set; }

    /// <summary>True for group chats and channels, false or absent for a personal chat.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>Wire fields this model does not name, kept so a round trip loses nothing.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Where and to whom a message can be sent again later (proactive messaging).</summary>
public sealed class ConversationReference
{
    /// <summary>The activity the reference was taken from.</summary>
    public string? ActivityId { get; set; }

    /// <summary>The user in the conversation (the activity's sender).</summary>
    public ChannelAccount? User { get; set; }

    /// <summary>The bot in the conversation (the activity's recipient).</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>The conversation to post to.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The channel, e.g. <c>msteams</c>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The Connector base URL for this conversation.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The user's locale, e.g. <c>en-GB</c>.</summary>
    public string? Locale { get; set; }
}

/// <summary>An attachment: an Adaptive Card or a file.</summary>
public sealed class Attachment
{
    /// <summary>The media type of the content, e.g. the adaptive card type.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Media type of the content, e.g. <see cref="AdaptiveCardContentType"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>Where the content can be downloaded, for a file.</summary>
    public string? ContentUrl { get; set; }

    /// <summary>Inline content, e.g. the Adaptive Card JSON.</summary>
    public JsonElement? Content { get; set; }

    /// <summary>File name, for a file.</summary>
    public string? Name { get; set; }

    /// <summary>Wire fields this model does not name, kept so a round trip loses nothing.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An activity entity: mention, clientInfo, ...</summary>
public sealed class Entity
{
    /// <summary>Entity type, e.g. <c>mention</c> or <c>clientInfo</c>.</summary>
    public string? Type { get; set; }

    /// <summary>For mentions: who was mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>For mentions: the markup in the text, e.g. <c>&lt;at&gt;PartnershipBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    /// <summary>Wire fields this model does not name, kept so a round trip loses nothing.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
