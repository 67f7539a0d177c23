using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipBot.Protocol.Schema;

/// <summary>Teams' <c>channelData</c>: tenant, team, channel, meeting and the conversationUpdate event type.</summary>
public sealed class TeamsChannelData
{
    /// <summary>The Entra tenant the activity comes from.</summary>
    public TeamsInfo? Tenant { get; set; }

    /// <summary>The team, for channel conversations.</summary>
    public TeamsInfo? Team { get; set; }

    /// <summary>The channel, for channel conversations (the channel id without a thread suffix).</summary>
    public TeamsInfo? Channel { get; set; }

    /// <summary>The meeting, for meeting chats.</summary>
    public TeamsInfo? Meeting { get; set; }

    /// <summary>conversationUpdate kind: teamMemberAdded, channelCreated, ... (compare case-insensitively).</summary>
    public string? EventType { get; set; }

    /// <summary>Teams' settings object (e.g. the selected channel), kept as sent.</summary>
    public JsonElement? Settings { get; set; }

    /// <summary>Wire fields this model does not name, kept so a round trip loses nothing.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An id/name pair as Teams uses for tenant, team, channel and meeting.</summary>
public sealed class TeamsInfo
{
    /// <summary>Id of the tenant, team, channel or meeting.</summary>
    public string? Id { get; set; }

    /// <summary>Its name, when Teams gives one.</summary>
    public string? Name { get; set; }

    /// <summary>The team's Microsoft 365 group id (teams only).</summary>
    public string? AadGroupId { get; set; }

    /// <summary>Wire fields this model does not name, kept so a round trip loses nothing.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
