using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>
/// ToR questions through the real host: the embedded store seeds the sample ToRs on first run, and the
/// answer comes back through the (loopback) Connector quoting its clause.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TermsOfReferenceChatTests : ChatTest
{
    [Fact]
    public async Task A_question_naming_a_sample_board_is_answered_with_the_quoted_clause()
    {
        await SayAsync("who chairs the Thurrock Community Safety Partnership Strategic Board?");

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Equal("markdown", reply.TextFormat);
        Assert.Contains("> The chair will be the local Police Superintendent for Partnerships.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("*Terms of Reference › Chair*", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_without_a_board_name_uses_the_board_the_conversation_asked_about()
    {
        await SayAsync("how often does the Thurrock board meet?");
        await Connector.WaitForActivitiesAsync(1);

        await SayAsync("and what's the quorum?");

        var replies = await Connector.WaitForActivitiesAsync(2);
        Assert.Contains("50% of membership, plus one", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_a_personal_chat_last_asked_about_still_answers_its_follow_up_after_a_restart()
    {
        await SayAsync("how often does the Thurrock board meet?");
        await Connector.WaitForActivitiesAsync(1);

        // The last board asked is stored, not held by the process that answered.
        await RestartHostAsync();
        await SayAsync("and what's the quorum?");

        var replies = await Connector.WaitForActivitiesAsync(2);
        Assert.Contains("50% of membership, plus one", replies[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Which board do you mean?", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_several_boards_and_none_named_the_bot_asks_which_board()
    {
        await SayAsync("what's the quorum?");

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("Which board do you mean?", reply.Text, StringComparison.Ordinal);
        var stored = await Host.Services.GetRequiredService<ITermsDocumentStore>().ListLatestAsync(CancellationToken.None);
        Assert.Equal(5, stored.Count);
        Assert.All(stored, s => Assert.Equal("seed", s.StoredBy));
    }

    private Task SayAsync(string text) => SayInPersonalChatAsync(text);
}
