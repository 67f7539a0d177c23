using System.Text.Json;
using System.Text.Json.Nodes;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Protocol.Cards;

/// <summary>
/// A small Adaptive Card 1.5 builder (the AdaptiveCards package is not in our registry). It writes the
/// schema's own JSON (type, version, body, actions) so cards validate against the official schema and
/// render in the official renderer; element names follow the AdaptiveCards SDK (TextBlock, FactSet,
/// Input.ChoiceSet, Action.Execute) so the SDK could replace it.
/// </summary>
public sealed class AdaptiveCard
{
    private readonly JsonArray body = [];
    private readonly JsonArray actions = [];
    private JsonObject? refresh;

    /// <summary>Teams' limit on refresh <c>userIds</c> (docs/teams-facts.md).</summary>
    public const int MaxRefreshUsers = 60;

    /// <summary>The card as JSON.</summary>
    public JsonObject ToJson()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body.DeepClone(),
            ["actions"] = actions.DeepClone(),
        };
        if (refresh is not null)
        {
            card["refresh"] = refresh.DeepClone();
        }

        return card;
    }

    /// <summary>
    /// Asks Teams to replace the card with a per-user view for each of <paramref name="userIds"/> (Teams ids,
    /// 29:...; the first <see cref="MaxRefreshUsers"/>) by invoking <paramref name="verb"/> when it is shown.
    /// </summary>
    public AdaptiveCard Refresh(string verb, JsonObject data, IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        refresh = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["userIds"] = new JsonArray([.. userIds.Take(MaxRefreshUsers).Select(id => (JsonNode)id)]),
        };
        return this;
    }

    /// <summary>The card as a message attachment.</summary>
    public Attachment ToAttachment() => new() { ContentType = Attachment.AdaptiveCardContentType, Content = ToElement() };

    /// <summary>The card as a JSON element (for invoke responses).</summary>
    public JsonElement ToElement() => JsonSerializer.SerializeToElement(ToJson(), CardJsonContext.Default.JsonObject);

    /// <summary>
    /// A paragraph; <paramref name="style"/> is "heading", "attention" (red), "good" (a done-state heading) or null.
    /// Headings keep the host's default text colour: the host's "Good" green is too light on a white card to read
    /// as a heading (about 3:1), so a done state says so in its words ("saved", "recorded") instead.
    /// </summary>
    public AdaptiveCard Text(string text, string? style = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        switch (style)
        {
            case "heading" or "good":
                block["size"] = "Medium";
                block["weight"] = "Bolder";
                break;
            case "attention":
                block["color"] = "Attention";
                block["weight"] = "Bolder";
                break;
        }

        body.Add(block);
        return this;
    }

    /// <summary>Label-value pairs.</summary>
    public AdaptiveCard Facts(params (string Title, string Value)[] facts)
    {
        body.Add(new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
        });
        return this;
    }

    /// <summary>A required choice, with a label and the error the client shows when it's left empty.</summary>
    public AdaptiveCard Choice(string id, string label, string? value, string errorMessage, params (string Title, string Value)[] choices)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = "expanded",
            ["isRequired"] = true,
            ["errorMessage"] = errorMessage,
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        if (value is not null)
        {
            input["value"] = value;
        }

        body.Add(input);
        return this;
    }

    /// <summary>
    /// Tick-boxes (an expanded multi-select choice set): <paramref name="selected"/> start ticked, and the
    /// ticked values come back as one comma-separated string under <paramref name="id"/>.
    /// </summary>
    public AdaptiveCard TickBoxes(string id, string label, IEnumerable<string> selected, string errorMessage, params (string Title, string Value)[] choices)
    {
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = "expanded",
            ["isMultiSelect"] = true,
            ["isRequired"] = true,
            ["errorMessage"] = errorMessage,
            ["value"] = string.Join(',', selected),
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        });
        return this;
    }

    /// <summary>A free-text input.</summary>
    public AdaptiveCard TextInput(string id, string label, string? value, string placeholder, int maxLength)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = id,
            ["label"] = label,
            ["placeholder"] = placeholder,
            ["isMultiline"] = true,
            ["maxLength"] = maxLength,
        };
        if (value is not null)
        {
            input["value"] = value;
        }

        body.Add(input);
        return this;
    }

    /// <summary>A required date input (value "YYYY-MM-DD", as clients send it back).</summary>
    public AdaptiveCard DateInput(string id, string label, string value, string errorMessage) =>
        Input(new JsonObject { ["type"] = "Input.Date", ["id"] = id, ["label"] = label, ["value"] = value, ["isRequired"] = true, ["errorMessage"] = errorMessage });

    /// <summary>A required time input (value "HH:mm").</summary>
    public AdaptiveCard TimeInput(string id, string label, string value, string errorMessage) =>
        Input(new JsonObject { ["type"] = "Input.Time", ["id"] = id, ["label"] = label, ["value"] = value, ["isRequired"] = true, ["errorMessage"] = errorMessage });

    /// <summary>A tick box whose value is "true" or "false".</summary>
    public AdaptiveCard Toggle(string id, string title, bool value) =>
        Input(new JsonObject { ["type"] = "Input.Toggle", ["id"] = id, ["title"] = title, ["value"] = value ? "true" : "false", ["valueOn"] = "true", ["valueOff"] = "false" });

    private AdaptiveCard Input(JsonObject input)
    {
        body.Add(input);
        return this;
    }

    /// <summary>
    /// An Action.Execute (Universal Action) with a verb and data, sent as an adaptiveCard/action invoke, with an
    /// Action.Submit fallback (the verb in its data) for hosts without Universal Actions, as the Teams guidance asks.
    /// <paramref name="sendsInputs"/> false (associatedInputs "none") lets a button work while required inputs are empty.
    /// </summary>
    public AdaptiveCard Execute(string title, string verb, JsonObject data, bool sendsInputs = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data.DeepClone() };
        var submitData = (JsonObject)data.DeepClone();
        submitData[SubmitVerbKey] = verb;
        var fallback = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = submitData };
        if (!sendsInputs)
        {
            action["associatedInputs"] = "none";
            fallback["associatedInputs"] = "none";
        }

        action["fallback"] = fallback;
        actions.Add(action);
        return this;
    }

    /// <summary>Where an Action.Submit fallback carries its Action.Execute's verb, in the submitted data.</summary>
    public const string SubmitVerbKey = "verb";
}

/// <summary>JSON for cards.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class CardJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
