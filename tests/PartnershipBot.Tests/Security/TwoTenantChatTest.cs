using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Security;

/// <summary>
/// A shared deployment for two councils: channel auth on (tokens from the loopback OpenID issuer), both tenants in
/// <c>BotFramework:AllowedTenants</c>, replies read at the loopback Connector. Tenant A (the fixtures' tenant) owns
/// the Thurrock board once its admin links the team channel; tenant B is the other council.
/// </summary>
public abstract class TwoTenantChatTest : AuthenticatedChatTest
{
    protected const string TenantA = "00000000-0000-0000-0000-0000000000e1";
    protected const string TenantB = "00000000-0000-0000-0000-0000000000e2";
    protected const string Board = "Thurrock Community Safety Partnership Strategic Board";

    /// <summary>Someone in tenant A with no role on any board.</summary>
    protected const string Colleague = "00000000-0000-0000-0000-0000000000c1";

    /// <summary>Someone in tenant B.</summary>
    protected const string Outsider = "00000000-0000-0000-0000-0000000000f1";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["BotFramework:AllowedTenants:0"] = TenantA,
        ["BotFramework:AllowedTenants:1"] = TenantB,
    };

    protected T Service<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Tenant A's admin links the team channel to the board (which claims it for tenant A).</summary>
    protected async Task LinkBoardToTenantAAsync()
    {
        var reply = await SayInBoardChannelAsync($"link this to {Board}", Admin);
        Assert.Contains("now linked", reply, StringComparison.Ordinal);
    }

    /// <summary>Gives <paramref name="person"/> a role on the board (as the secretariat would by @mention).</summary>
    protected async Task GiveRoleAsync(string person, BoardRole role, string? name = null)
    {
        var directory = Service<IBoardDirectory>();
        await directory.UpsertPersonAsync(new PersonRecord(person, $"29:{person}", name, null, false), DateTimeOffset.UtcNow, CancellationToken.None);
        await directory.AssignRoleAsync(Board, person, role, Admin, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    /// <summary>Says <paramref name="text"/> in the board's team channel as <paramref name="person"/>; returns the bot's reply.</summary>
    protected Task<string> SayInBoardChannelAsync(string text, string person, string tenant = TenantA) =>
        ExchangeAsync(Activity("02-message-channel-mention.json", a =>
        {
            a["text"] = $"<at>PartnershipBot</at> {text}";
            a["from"]!["aadObjectId"] = person;
            InTenant(a, tenant);
        }));

    /// <summary>Says <paramref name="text"/> in <paramref name="person"/>'s own chat with the bot (<paramref name="edit"/> adds e.g. attachments); returns the reply.</summary>
    protected Task<string> SayPersonallyAsync(string text, string person, string tenant, Action<JsonObject>? edit = null) =>
        ExchangeAsync(Activity("01-message-personal.json", a =>
        {
            a["text"] = text;
            a["from"]!["aadObjectId"] = person;
            a["conversation"]!["id"] = $"a:personal-{person}";
            InTenant(a, tenant);
            edit?.Invoke(a);
        }));

    /// <summary>Presses a card button (an adaptiveCard/action invoke) as <paramref name="person"/> of <paramref name="tenant"/> in <paramref name="conversationId"/>.</summary>
    protected async Task<(HttpStatusCode Status, JsonElement Body)> PressAsAsync(string verb, JsonObject data, string person, string tenant, string conversationId)
    {
        var activity = Activity("08-invoke-adaptivecard-action-execute.json", a =>
        {
            a["conversation"]!["id"] = conversationId;
            a["from"]!["aadObjectId"] = person;
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() } };
            InTenant(a, tenant);
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>
    /// Presses a button as an older client does (Action.Submit: a message whose value carries the verb) as
    /// <paramref name="person"/> of <paramref name="tenant"/>; the text of the bot's visible answer.
    /// </summary>
    protected async Task<string> SubmitAsAsync(string verb, JsonObject data, string person, string tenant, string conversationId, string fixture)
    {
        var value = data.DeepClone().AsObject();
        value[Protocol.Cards.AdaptiveCard.SubmitVerbKey] = verb;
        var before = Connector.SentActivities.Count;
        using var response = await PostAsync(Activity(fixture, a =>
        {
            a.Remove("text");
            a.Remove("entities");
            a["conversation"]!["id"] = conversationId;
            a["from"]!["aadObjectId"] = person;
            a["value"] = value;
            InTenant(a, tenant);
        }), Token());
        response.EnsureSuccessStatusCode();
        var sent = await Connector.WaitForActivitiesAsync(before + 1);
        Assert.True(sent.Count > before, "the Submit got no visible answer");
        return sent[before].Text ?? TextOf(CardOf(sent[before]));
    }

    /// <summary>The text of an invoke answer: its message, or every string of its card.</summary>
    protected static string AnswerText(JsonElement body) => body.GetProperty("type").GetString() switch
    {
        InvokeResponse.MessageType => body.GetProperty("value").GetString()!,
        InvokeResponse.ErrorType => body.GetProperty("value").GetProperty("message").GetString()!,
        _ => TextOf(JsonNode.Parse(body.GetProperty("value").GetRawText())),
    };

    protected static void InTenant(JsonObject activity, string tenant)
    {
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"] = new JsonObject { ["id"] = tenant };
    }

    private async Task<string> ExchangeAsync(JsonObject activity)
    {
        var before = Connector.SentActivities.Count;
        using var response = await PostAsync(activity, Token());
        response.EnsureSuccessStatusCode();
        var sent = await Connector.WaitForActivitiesAsync(before + 1);
        Assert.True(sent.Count > before, "the bot sent no reply");
        var reply = sent[before];
        return reply.Text ?? TextOf(JsonNode.Parse(reply.Attachments!.Single().Content!.Value.GetRawText()));
    }
}
