using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PartnershipBot.Protocol.Cards;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Routing;

/// <summary>Who pressed a card button, from the authenticated activity (never from the card).</summary>
/// <param name="Id">The Entra object id, or null when the channel sent none.</param>
/// <param name="Name">The display name, when given.</param>
public sealed record CardActor(string? Id, string? Name);

/// <summary>
/// One press of a card button, read once by the router for both ways a press arrives: an
/// <c>adaptiveCard/action</c> invoke (Action.Execute: verb in <c>value.action.verb</c>, data in
/// <c>value.action.data</c>) and a message (the Action.Submit fallback: verb and data in <c>value</c>).
/// Every card route receives this, so no handler reads the activity's value itself.
/// </summary>
/// <param name="Verb">The button's verb, e.g. <c>reminders/done</c>.</param>
/// <param name="Data">The button's data with the card's inputs merged in (an object).</param>
/// <param name="Actor">Who pressed it.</param>
/// <param name="PressId">
/// The same for a double press or a retry of one press, different for another button, card or person: a hash of
/// the actor, the verb and the card's <see cref="PressKey"/> value (or all its data when it sets none).
/// </param>
/// <param name="IsSubmit">True for the Action.Submit fallback (the answer is delivered by the router, not in the HTTP response).</param>
public sealed record CardAction(string Verb, JsonElement Data, CardActor Actor, string PressId, bool IsSubmit)
{
    /// <summary>
    /// Where a card names what one press of its button is about (e.g. the item and the entry it amends), so a
    /// double press with different inputs is still one press, while a redrawn card is a new one.
    /// </summary>
    public const string PressKey = "press";

    /// <summary>A string field of the data, or null.</summary>
    public string? Text(string name) => CardActionData.Text(Data, name);

    /// <summary>The press an activity carries, or null when it is not a card action (or names no verb).</summary>
    public static CardAction? Read(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        string? verb;
        JsonElement data;
        bool submit;
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
        {
            if (!value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
                || !string.Equals(CardActionData.Text(action, "type"), "Action.Execute", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            verb = CardActionData.Text(action, "verb");
            data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : EmptyObject;
            submit = false;
        }
        else
        {
            // Older cards' Submit data named the verb "action"; the current fallback uses "verb".
            verb = CardActionData.Text(value, AdaptiveCard.SubmitVerbKey) ?? CardActionData.Text(value, "action");
            data = value;
            submit = true;
        }

        if (verb is not { Length: > 0 })
        {
            return null;
        }

        var actor = new CardActor(activity.From?.AadObjectId is { Length: > 0 } id ? id : null, activity.From?.Name is { Length: > 0 } name ? name : null);
        return new CardAction(verb, data, actor, PressIdOf(actor, verb, data), submit);
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private static string PressIdOf(CardActor actor, string verb, JsonElement data)
    {
        var scope = CardActionData.Text(data, PressKey) ?? Canonical(data);
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', actor.Id ?? actor.Name ?? string.Empty, verb, scope));
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }

    /// <summary>The data's fields (except the Submit verb) sorted by name, so Execute and Submit give the same id.</summary>
    private static string Canonical(JsonElement data) =>
        string.Join('\n', data.EnumerateObject()
            .Where(p => p.Name != AdaptiveCard.SubmitVerbKey && p.Name != "action")
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value.GetRawText()}"));
}
