using System.Text.Json;

namespace PartnershipBot.Features.Routing;

/// <summary>Reading fields of a card action's data (see <see cref="CardAction"/>, which finds the data).</summary>
public static class CardActionData
{
    /// <summary>A string field of the data, or null.</summary>
    public static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
