using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Security;

/// <summary>Issue 20 item 1: only the board's secretariat (or an admin) changes its standing items; the chair and another tenant cannot.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class StandingItemsPermissionTests : TwoTenantChatTest
{
    private const string Chair = "00000000-0000-0000-0000-0000000000c7";

    [Fact]
    public async Task The_chair_and_another_tenant_cannot_change_the_standing_items_and_the_secretariat_can()
    {
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Chair, BoardRole.Chair);
        await GiveRoleAsync(Outsider, BoardRole.Secretariat);

        var byChair = await SayInBoardChannelAsync("standing items: apologies, AOB", Chair);
        var byOutsider = await SayInBoardChannelAsync("standing items: apologies, AOB", Outsider, TenantB);

        Assert.DoesNotContain("Saved", byChair, StringComparison.Ordinal);
        Assert.DoesNotContain("Saved", byOutsider, StringComparison.Ordinal);
        Assert.Null(await Service<IStandingItemsStore>().FindAsync(Board, CancellationToken.None));

        Assert.Contains("Saved", await SayInBoardChannelAsync("standing items: apologies, AOB", Admin), StringComparison.Ordinal);
        Assert.Equal(["Apologies for absence", "Any other business"], (await Service<IStandingItemsStore>().FindAsync(Board, CancellationToken.None))!.Items);
    }
}
