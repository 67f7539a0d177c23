using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity: the one message shape every channel event arrives in and every reply leaves in.
/// Named and shaped as Microsoft.Bot.Schema's <c>Activity</c> so the SDK could replace this layer later;
/// fields we do not model survive a round trip through <see cref="ExtensionData"/>.
/// </summary>
public sealed class Activity
{
    /// <summary>message, conversationUpdate, installationUpdate, invoke, typing, ...</summary>
    public string? Type { get; set; }

    /// <summary>Activity id, set by the channel.</summary>
    public string? Id { get; set; }

    /// <summary>When it was sent, in UTC, as the channel stamped it.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>When it was sent, in the sender's local time.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>The sender's IANA time zone, when the client gives it.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>The Connector base URL replies go to; trusted only once authenticated.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The channel, e.g. <c>msteams</c>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender; the actor is its Entra object id, never its channel id.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation it belongs to.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The addressee (the bot, for incoming activities).</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>Message text; in Teams it includes the <c>&lt;at&gt;</c> mention markup.</summary>
    public string? Text { get; set; }

    /// <summary>How to read <see cref="Text"/>: <c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>The sender's locale, e.g. <c>en-GB</c>.</summary>
    public string? Locale { get; set; }

    /// <summary>The activity this one replies to.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>Invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; set; }

    /// <summary>installationUpdate: add, remove, add-upgrade, remove-upgrade.</summary>
    public string? Action { get; set; }

    /// <summary>Card submit data (message) or invoke payload.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Cards and files attached.</summary>
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>Mentions, client info and other entities.</summary>
    public IList<Entity>? Entities { get; set; }

    /// <summary>conversationUpdate: who joined (the bot itself when it is added).</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>conversationUpdate: who left.</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Teams' channel data: tenant, team, channel, meeting, event type.</summary>
    public TeamsChannelData? ChannelData { get; set; }

    /// <summary>Everything this model does not name, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>A reply to this activity: conversation kept, from/recipient swapped, replyToId set.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Text = text,
        Locale = Locale,
    };

    /// <summary>The reference needed to reach this conversation again, proactively.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };
}

/// <summary>The activity type names the bot handles.</summary>
public static class ActivityTypes
{
    /// <summary>A message: typed text or an Action.Submit card press.</summary>
    public const string Message = "message";
    /// <summary>Members or the conversation changed (the bot added, a channel renamed, ...).</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>The app was installed or uninstalled in a scope.</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>A request that needs a synchronous answer, e.g. <c>adaptiveCard/action</c>.</summary>
    public const string Invoke = "invoke";
    /// <summary>A typing indicator.</summary>
    public const string Typing = "typing";
}
