using System.Text;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>Teams announces an install with two activities; the bot says hello once.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class WelcomeOnceTests : ChatTest
{
    [Fact]
    public async Task InstallationUpdate_then_conversationUpdate_gives_one_welcome()
    {
        await PostAsync("06-installationupdate-add-team.json");
        await PostAsync("04-conversationupdate-bot-added-to-team.json");

        await Connector.WaitForActivitiesAsync(2, TimeSpan.FromSeconds(2));
        var welcome = Assert.Single(Connector.SentActivities);
        Assert.Contains("I'm PartnershipBot", welcome.Text, StringComparison.Ordinal);
    }

    private async Task PostAsync(string fixture)
    {
        using var response = await PostAsync(Activity(fixture));
        response.EnsureSuccessStatusCode();
    }
}
