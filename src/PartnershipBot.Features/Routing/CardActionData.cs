using System.Text.Json;
using PartnershipBot.Protocol.Hosting;

namespace PartnershipBot.Features.Routing;

/// <summary>
/// The data a card action carries: Action.Execute sends it under <c>value.action.data</c> (inputs merged in),
/// Action.Submit as the message's value itself.
/// </summary>
public static class CardActionData
{
    /// <summary>The action's data object (an undefined element when there is none).</summary>
    public static JsonElement Of(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var value = turn.Activity.Value;
        return value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data
            : value ?? default;
    }

    /// <summary>A string field of the data, or null.</summary>
    public static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
