using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipBot.Protocol.Schema;

/// <summary>Teams' <c>channelData</c>: tenant, team, channel, meeting and the conversationUpdate event type.</summary>
public sealed class TeamsChannelData
{
    public TeamsInfo? Tenant { get; set; }

    public TeamsInfo? Team { get; set; }

    public TeamsInfo? Channel { get; set; }

    public TeamsInfo? Meeting { get; set; }

    /// <summary>conversationUpdate kind: teamMemberAdded, channelCreated, ... (compare case-insensitively).</summary>
    public string? EventType { get; set; }

    public JsonElement? Settings { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An id/name pair as Teams uses for tenant, team, channel and meeting.</summary>
public sealed class TeamsInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
