using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>The /api/messages edge in local mode (no app id), as the Agents Playground uses it.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class MessagingEndpointTests : ChatTest
{
    [Fact]
    public async Task Help_RepliesThroughTheConnectorWithWhatTheBotDoes()
    {
        var status = await PostStatusAsync(Activity("01-message-personal.json", a => a["text"] = "help"));

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("Terms of Reference", reply.Text, StringComparison.Ordinal);
        Assert.Contains("meeting", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Declarations", reply.Text, StringComparison.Ordinal);
        Assert.Equal("1700000000001", reply.ReplyToId);
        // The serviceUrl's own path segment (/amer) is kept and the ids are escaped.
        Assert.StartsWith("/amer/v3/conversations/a%3A1fake-personal-conversation-0001/activities/1700000000001", Connector.Calls.Single().Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelMention_IsStrippedBeforeRouting()
    {
        await PostStatusAsync(Activity("02-message-channel-mention.json", a => a["text"] = "<at>PartnershipBot</at> help"));

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("Here is what I can do", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotAddedToTeam_SendsWelcomeAndRemembersTheConversation()
    {
        await PostStatusAsync(Activity("04-conversationupdate-bot-added-to-team.json"));

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("I'm PartnershipBot", reply.Text, StringComparison.Ordinal);
        var stored = await Host.Services.GetRequiredService<IConversationReferenceStore>()
            .FindByConversationAsync("19:fake-channel-0001@thread.tacv2", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Connector.ServiceUrl, stored.ServiceUrl);
    }

    [Fact]
    public async Task MalformedJson_Is400()
    {
        using var content = new StringContent(await File.ReadAllTextAsync(Fixtures.Path("neg-03-truncated-body.json.txt")), Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MissingType_Is400()
    {
        var status = await PostStatusAsync(JsonNode.Parse(await File.ReadAllTextAsync(Fixtures.Path("neg-01-missing-type-and-serviceurl.json")))!.AsObject());

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task MissingConversation_Is400AndNothingIsSent()
    {
        var status = await PostStatusAsync(Activity("01-message-personal.json", a => a.Remove("conversation")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task BodyOver256Kilobytes_Is413()
    {
        var status = await PostStatusAsync(Activity("01-message-personal.json", a => a["text"] = new string('x', 300 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task UnknownActivityType_Is200AndIgnored()
    {
        var status = await PostStatusAsync(Activity("01-message-personal.json", a => a["type"] = "messageReaction"));

        Assert.Equal(HttpStatusCode.OK, status);
        await Task.Delay(100);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task LocalMode_NonLoopbackServiceUrl_Is401()
    {
        var status = await PostStatusAsync(Fixtures.Activity("01-message-personal.json", "https://smba.trafficmanager.net/amer/"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Invoke_UnknownVerb_AnswersInTheHttpBody()
    {
        using var content = new StringContent(
            Activity("08-invoke-adaptivecard-action-execute.json").ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal(400, (int?)body["statusCode"]);
    }

    [Fact]
    public async Task UnknownText_GetsAHelpfulReply()
    {
        await PostStatusAsync(Activity("01-message-personal.json", a => a["text"] = "blorp"));

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("help", reply.Text, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> PostStatusAsync(JsonObject activity)
    {
        using var response = await PostAsync(activity);
        return response.StatusCode;
    }
}
