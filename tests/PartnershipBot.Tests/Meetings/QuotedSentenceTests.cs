using PartnershipBot.Tests.Support;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Meetings;

/// <summary>A quoted ToR sentence that ends in its own full stop is not followed by a second one (".”.").</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class QuotedSentenceTests : ChatTest
{
    private const string Board = "Richmond Community Safety Partnership Strategy Group";

    [Fact]
    public async Task No_meetings_yet_quotes_the_cadence_with_one_full_stop()
    {
        await SayInChannelAsync($"link this to {Board}");
        await SayInChannelAsync("when is the next meeting?");

        var reply = (await Connector.WaitForActivitiesAsync(2))[1].Text!;

        Assert.Contains("No meetings of the", reply, StringComparison.Ordinal);
        Assert.Contains("The Terms of Reference say: “", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(".”.", reply, StringComparison.Ordinal);
        Assert.True(reply.EndsWith(".”", StringComparison.Ordinal) || reply.EndsWith("”.", StringComparison.Ordinal), reply);
    }
}
