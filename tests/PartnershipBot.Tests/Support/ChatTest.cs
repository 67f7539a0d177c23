using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Support;

/// <summary>
/// Base for tests that talk to the real host through /api/messages, as Teams would, and read the bot's
/// replies at a loopback Connector. Local mode unless <see cref="Settings"/> sets an app id.
/// </summary>
public abstract class ChatTest : IAsyncLifetime
{
    /// <summary>The channel conversation of the fixtures (02-message-channel-mention.json).</summary>
    protected const string ChannelConversation = "19:fake-channel-0001@thread.tacv2;messageid=1700000000002";

    protected LoopbackConnector Connector { get; private set; } = null!;

    protected BotHostFactory Host { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Settings layered on the host's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        Connector = await LoopbackConnector.StartAsync();
        Host = new BotHostFactory(Settings, ConfigureServices);
        Client = Host.CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }

    /// <summary>Stops the bot and starts a new one on the same data directory, as a restart or redeploy does.</summary>
    protected async Task RestartHostAsync()
    {
        Client.Dispose();
        Host.KeepDataOnDispose = true;
        await Host.DisposeAsync();
        Host = new BotHostFactory(Settings, ConfigureServices, Host.DataDirectory) { KeepDataOnDispose = false };
        Client = Host.CreateClient();
    }

    /// <summary>Replaces services of the host (e.g. the clock).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A fixture activity pointed at the loopback Connector.</summary>
    protected JsonObject Activity(string fixture, Action<JsonObject>? edit = null) => Fixtures.Activity(fixture, Connector.ServiceUrl, edit);

    /// <summary>Posts an activity; the caller owns the response.</summary>
    protected async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Says <paramref name="text"/> to the bot with an @mention in the fixtures' team channel.</summary>
    protected async Task SayInChannelAsync(string text, Action<JsonObject>? edit = null, string? bearerToken = null)
    {
        using var response = await PostAsync(Activity("02-message-channel-mention.json", a =>
        {
            a["text"] = $"<at>PartnershipBot</at> {text}";
            edit?.Invoke(a);
        }), bearerToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Presses the <paramref name="verb"/> button of a card the bot sent in the team channel, as Teams does: an
    /// adaptiveCard/action invoke whose data is the action's data with the card's current input values merged in
    /// (<paramref name="edit"/> changes inputs first, as a user would). Returns the invoke response.
    /// </summary>
    protected async Task<(System.Net.HttpStatusCode Status, System.Text.Json.JsonElement Body)> PressAsync(
        JsonNode card, string verb, Action<JsonObject>? edit = null, string? aadObjectId = null, string? bearerToken = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var data = new JsonObject();
        foreach (var input in card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null))
        {
            data[(string)input["id"]!] = input["value"]?.ToString() ?? string.Empty;
        }

        edit?.Invoke(data);
        var action = card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == verb)!;
        foreach (var (name, value) in action["data"]!.AsObject())
        {
            data[name] = value?.DeepClone();
        }

        var person = aadObjectId ?? (string)Activity("08-invoke-adaptivecard-action-execute.json")["from"]!["aadObjectId"]!;
        return await PressAsync(verb, data, person, new JsonObject { ["id"] = ChannelConversation, ["conversationType"] = "channel" }, bearerToken);
    }

    /// <summary>Every string in a card (texts, facts, input labels), unescaped, one per line: what a reader sees.</summary>
    protected static string TextOf(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => TextOf(p.Value))),
        JsonArray a => string.Join("\n", a.Select(TextOf)),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => string.Empty,
    };

    /// <summary>The card of an activity the bot sent.</summary>
    protected static JsonNode CardOf(PartnershipBot.Protocol.Schema.Activity activity) =>
        JsonNode.Parse(activity.Attachments!.Single().Content!.Value.GetRawText())!;

    /// <summary>Says <paramref name="text"/> in the fixtures' personal chat.</summary>
    protected async Task SayInPersonalChatAsync(string text, Action<JsonObject>? edit = null)
    {
        using var response = await PostAsync(Activity("01-message-personal.json", a =>
        {
            a["text"] = text;
            edit?.Invoke(a);
        }));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Presses an Action.Execute button as Teams does: an adaptiveCard/action invoke with the verb and the card's
    /// data (inputs merged in), from <paramref name="person"/> in <paramref name="conversation"/>; returns the invoke response.
    /// </summary>
    protected async Task<(HttpStatusCode Status, JsonElement Body)> PressAsync(
        string verb, JsonObject data, string person, JsonObject conversation, string? bearerToken = null, HttpClient? client = null)
    {
        var activity = Activity("08-invoke-adaptivecard-action-execute.json", a =>
        {
            a["conversation"] = conversation.DeepClone();
            a["from"]!["aadObjectId"] = person;
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() } };
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var response = await (client ?? Client).SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
