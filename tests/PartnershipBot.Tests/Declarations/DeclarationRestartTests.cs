using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Tests.Support;
using Xunit.Abstractions;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Declarations;

/// <summary>
/// Members declare all at once while the bot restarts (the first host is stopped with submissions in
/// flight; a second host starts over the same data and takes the rest, plus whatever the first left unanswered).
/// Every declaration the bot acknowledged is in the register, and the register's hash chain still verifies.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class DeclarationRestartTests(ITestOutputHelper output) : DeclarationTest
{
    private const int Members = 40;

    [Fact]
    public async Task Declarations_acknowledged_around_a_restart_are_all_in_an_intact_register()
    {
        await AddMembersAsync(Members);
        var item = await AddItemAsync();
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);

        var firstWave = Enumerable.Range(1, Members / 2).Select(i => TryDeclareAsync(Client, item, $"member-{i}")).ToList();
        await Task.Delay(50);
        Host.KeepDataOnDispose = true;
        await Host.DisposeAsync();
        var firstResults = await Task.WhenAll(firstWave);
        acknowledged.UnionWith(firstResults.Where(r => r.Acknowledged).Select(r => r.Person));

        await using var restarted = new BotHostFactory(Settings, ConfigureServices, Host.DataDirectory) { KeepDataOnDispose = false };
        using var client = restarted.CreateClient();
        var unanswered = firstResults.Where(r => !r.Acknowledged).Select(r => r.Person);
        var secondWave = unanswered.Concat(Enumerable.Range(Members / 2 + 1, Members / 2).Select(i => $"member-{i}")).Select(p => TryDeclareAsync(client, item, p));
        var secondResults = await Task.WhenAll(secondWave);
        acknowledged.UnionWith(secondResults.Where(r => r.Acknowledged).Select(r => r.Person));

        var register = restarted.Services.GetRequiredService<IDeclarationRegister>();
        var stored = (await register.ListForItemAsync(item, CancellationToken.None)).Select(d => d.Entry.PersonId).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"acknowledged before the restart {firstResults.Count(r => r.Acknowledged)}/{Members / 2}, after {secondResults.Count(r => r.Acknowledged)}/{secondResults.Length}; stored {stored.Count}");
        Assert.Equal(Members, acknowledged.Count);
        Assert.Subset(stored, acknowledged);
        Assert.True((await register.VerifyAsync(CancellationToken.None)).Intact);
    }

    private async Task<(string Person, bool Acknowledged)> TryDeclareAsync(HttpClient client, DeclarationItem item, string person)
    {
        var activity = Activity("08-invoke-adaptivecard-action-execute.json", a =>
        {
            a["conversation"] = new JsonObject { ["id"] = ChannelConversation, ["conversationType"] = "channel" };
            a["from"] = new JsonObject { ["id"] = $"29:{person}", ["name"] = $"Signed-in {person}", ["aadObjectId"] = person };
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = DeclarationCards.SubmitVerb,
                    ["data"] = new JsonObject { ["itemId"] = item.ItemId, ["interest"] = "none" },
                },
                ["trigger"] = "manual",
            };
        });
        try
        {
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            var acknowledged = response.StatusCode == HttpStatusCode.OK
                && CardText(JsonDocument.Parse(body).RootElement.GetProperty("value")).Contains("Declaration recorded", StringComparison.Ordinal);
            return (person, acknowledged);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException or InvalidOperationException or JsonException)
        {
            // Cut off by the shutdown: not acknowledged, so the member would press the button again.
            return (person, false);
        }
    }
}
