using System.Text.Json;
using System.Text.Json.Nodes;
using PartnershipBot.Protocol.Schema;
using PartnershipBot.Testing;

namespace PartnershipBot.Protocol.Tests.Schema;

/// <summary>The Teams fixtures parse into the model, and nothing is lost on a round trip.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class ActivityFixtureTests
{
    public static TheoryData<string> Fixtures => new(Directory.GetFiles(FixtureDirectory, "0*.json").Select(Path.GetFileName)!);

    private static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "activities");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_RoundTripsWithoutLosingFields(string name)
    {
        var json = File.ReadAllText(Path.Combine(FixtureDirectory, name));

        var activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
        var again = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        Assert.False(string.IsNullOrEmpty(activity.Type));
        Assert.True(JsonNode.DeepEquals(Normalise(JsonNode.Parse(json)), Normalise(JsonNode.Parse(again))), $"{name} changed on a round trip:\n{again}");
    }

    [Fact]
    public void Parse_ChannelMessage_ReadsTeamsChannelDataAndStripsOnlyTheBotsMention()
    {
        var activity = Load("02-message-channel-mention.json");

        Assert.Equal("msteams", activity.ChannelId);
        Assert.NotNull(activity.ChannelData?.Tenant?.Id);
        Assert.NotNull(activity.ChannelData?.Team?.Id);
        Assert.DoesNotContain("<at>", activity.GetTextWithoutBotMention(), StringComparison.Ordinal);
    }

    [Fact]
    public void GetTextWithoutBotMention_KeepsOtherPeoplesMentions()
    {
        var activity = new Activity
        {
            Text = "<at>PartnershipBot</at> ask <at>Avery Example</at> about it",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities =
            [
                new Entity { Type = "mention", Text = "<at>PartnershipBot</at>", Mentioned = new ChannelAccount { Id = "28:bot", Name = "PartnershipBot" } },
                new Entity { Type = "mention", Text = "<at>Avery Example</at>", Mentioned = new ChannelAccount { Id = "29:avery", Name = "Avery Example" } },
            ],
        };

        Assert.Equal("ask <at>Avery Example</at> about it", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void Parse_InvokeExecute_ReadsVerbAndData()
    {
        var activity = Load("08-invoke-adaptivecard-action-execute.json");

        var value = activity.Value!.Value.Deserialize(ProtocolJsonContext.Default.AdaptiveCardInvokeValue)!;

        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("Action.Execute", value.Action!.Type);
        Assert.False(string.IsNullOrEmpty(value.Action.Verb));
    }

    private static Activity Load(string name) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(FixtureDirectory, name)), ProtocolJsonContext.Default.Activity)!;

    // Timestamps may be re-rendered (e.g. fractional seconds); compare everything else exactly.
    private static JsonNode? Normalise(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in new[] { "timestamp", "localTimestamp" })
            {
                obj.Remove(key);
            }

            foreach (var (_, child) in obj.ToList())
            {
                Normalise(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Normalise(child);
            }
        }

        return node;
    }
}
