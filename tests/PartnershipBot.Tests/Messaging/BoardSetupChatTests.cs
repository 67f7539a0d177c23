using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Messaging;

/// <summary>Linking a channel to a board through /api/messages, with channel auth on (so admin rights matter).</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class BoardSetupChatTests : AuthenticatedChatTest
{
    [Fact]
    public async Task An_admin_links_the_channel_and_later_questions_use_its_board()
    {
        await SayAsync("link this to Thurrock Community Safety Partnership Strategic Board", Admin);
        await SayAsync("what's the quorum?", "00000000-0000-0000-0000-000000000b02");
        await SayAsync("which board is this?", "00000000-0000-0000-0000-000000000b02");

        var replies = await Connector.WaitForActivitiesAsync(3);
        Assert.Contains("now linked to the **Thurrock Community Safety Partnership Strategic Board**", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("50% of membership, plus one", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("belongs to the **Thurrock Community Safety Partnership Strategic Board**", replies[2].Text, StringComparison.Ordinal);
        var audit = await Host.Services.GetRequiredService<IBoardDirectory>().AuditAsync(CancellationToken.None);
        // The first link claims the (seeded, unclaimed) board for the admin's tenant, audited before the link.
        Assert.Equal([(Admin, "board.tenant"), (Admin, "board.link")], audit.Select(a => (a.Actor, a.Action.Name)));
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_or_secretariat_is_refused_and_nothing_changes()
    {
        await SayAsync("link this to Thurrock Community Safety Partnership Strategic Board", "00000000-0000-0000-0000-000000000b02");

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("Only an admin or the board's secretariat", reply.Text, StringComparison.Ordinal);
        Assert.Null(await Host.Services.GetRequiredService<IBoardDirectory>().FindLinkAsync(ChannelConversation, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_board_name_gets_the_list_of_known_boards()
    {
        await SayAsync("link this to the Atlantis Harbour Board", Admin);

        var reply = Assert.Single(await Connector.WaitForActivitiesAsync(1));
        Assert.Contains("I don't know a board called \"Atlantis Harbour Board\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- Thurrock Community Safety Partnership Strategic Board", reply.Text, StringComparison.Ordinal);
    }
}
