using System.Text;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>Teams announces an install with two activities; the bot says hello once.</summary>
public sealed class WelcomeOnceTests : IAsyncLifetime
{
    private LoopbackConnector connector = null!;
    private BotHostFactory host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connector = await LoopbackConnector.StartAsync();
        host = new BotHostFactory(new Dictionary<string, string?>());
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task InstallationUpdate_then_conversationUpdate_gives_one_welcome()
    {
        await PostAsync("06-installationupdate-add-team.json");
        await PostAsync("04-conversationupdate-bot-added-to-team.json");

        await connector.WaitForActivitiesAsync(2, TimeSpan.FromSeconds(2));
        var welcome = Assert.Single(connector.SentActivities);
        Assert.Contains("I'm PartnershipBot", welcome.Text, StringComparison.Ordinal);
    }

    private async Task PostAsync(string fixture)
    {
        using var content = new StringContent(Fixtures.Activity(fixture, connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }
}
