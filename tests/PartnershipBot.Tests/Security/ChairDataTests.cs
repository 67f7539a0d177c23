using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Security;

/// <summary>"Quorum for ITEM with N members" names who withdraws, so it is the chair's team's only.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ChairDataTests : TwoTenantChatTest
{
    [Fact]
    public async Task Quorum_after_withdrawals_is_refused_to_someone_with_no_role_and_answered_to_the_chair()
    {
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync("00000000-0000-0000-0000-0000000000d1", BoardRole.Chair, "Jane Chairwoman");
        await Service<IDeclarationRegister>().AppendAsync(
            new DeclarationEntry(Board, "Allocate the fund", "00000000-0000-0000-0000-0000000000d3", "Wendy Withdrawer", InterestKind.Pecuniary, "Director of a bidder", DateTimeOffset.UtcNow),
            CancellationToken.None);

        var refused = await SayInBoardChannelAsync("quorum for Allocate the fund with 10 members", Colleague);
        var answered = await SayInBoardChannelAsync("quorum for Allocate the fund with 10 members", "00000000-0000-0000-0000-0000000000d1");

        Assert.DoesNotContain("Wendy Withdrawer", refused, StringComparison.Ordinal);
        Assert.Contains("Only the chair, vice-chair or secretariat", refused, StringComparison.Ordinal);
        Assert.Contains("Withdrawing: Wendy Withdrawer", answered, StringComparison.Ordinal);
    }
}
