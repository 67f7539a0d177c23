using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.TermsOfReference.Conversation;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Security;

/// <summary>
/// A board belongs to a tenant; its ToR text is for anyone in that tenant, its people's names and
/// its meeting dates only for its own people and conversations, and nothing at all for another tenant.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class BoardVisibilityTests : TwoTenantChatTest
{
    private static readonly DateTimeOffset Start = new(DateTimeOffset.UtcNow.Year + 1, 3, 12, 10, 0, 0, TimeSpan.Zero);

    private async Task ArrangeAsync()
    {
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync("00000000-0000-0000-0000-0000000000d1", BoardRole.Chair, "Jane Chairwoman");
        await Service<IMeetingStore>().AddAsync(new MeetingRecord("thurrock/next", Board, ChannelConversation, Start, Start.AddHours(2)), DateTimeOffset.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task Another_tenant_naming_the_board_gets_neither_its_meeting_nor_its_chair_nor_its_ToR()
    {
        await ArrangeAsync();

        var meeting = await SayPersonallyAsync($"when does the {Board} next meet?", Outsider, TenantB);
        var chair = await SayPersonallyAsync($"who is the chair of the {Board}?", Outsider, TenantB);

        Assert.DoesNotContain("12 March", meeting, StringComparison.Ordinal);
        Assert.DoesNotContain("next meeting of", meeting, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Chairwoman", chair, StringComparison.Ordinal);
        Assert.DoesNotContain("Superintendent", chair, StringComparison.Ordinal);
        Assert.Equal(TermsOfReferenceRoutes.NoBoardsReply, chair);
    }

    [Fact]
    public async Task In_its_own_tenant_the_ToR_is_for_everyone_but_names_and_dates_only_for_its_people()
    {
        await ArrangeAsync();
        await GiveRoleAsync("00000000-0000-0000-0000-0000000000d2", BoardRole.Member, "Mo Member");

        var colleagueChair = await SayPersonallyAsync($"who is the chair of the {Board}?", Colleague, TenantA);
        var colleagueMeeting = await SayPersonallyAsync($"when does the {Board} next meet?", Colleague, TenantA);
        var memberChair = await SayPersonallyAsync($"who is the chair of the {Board}?", "00000000-0000-0000-0000-0000000000d2", TenantA);
        var memberMeeting = await SayPersonallyAsync($"when does the {Board} next meet?", "00000000-0000-0000-0000-0000000000d2", TenantA);
        var inItsChannel = await SayInBoardChannelAsync("who is the chair?", Colleague);

        Assert.Contains("Superintendent", colleagueChair, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Chairwoman", colleagueChair, StringComparison.Ordinal);
        Assert.DoesNotContain("12 March", colleagueMeeting, StringComparison.Ordinal);
        Assert.Contains("shared with its members", colleagueMeeting, StringComparison.Ordinal);
        Assert.Contains("Jane Chairwoman", memberChair, StringComparison.Ordinal);
        Assert.Contains("12 March", memberMeeting, StringComparison.Ordinal);
        Assert.Contains("Jane Chairwoman", inItsChannel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seeded_board_no_tenant_has_claimed_is_answered_to_nobody_while_auth_is_on()
    {
        var reply = await SayPersonallyAsync($"what is the quorum of the {Board}?", Colleague, TenantA);

        Assert.Equal(TermsOfReferenceRoutes.NoBoardsReply, reply);
    }

    [Fact]
    public async Task Another_tenants_admin_can_neither_see_nor_link_a_claimed_board()
    {
        await LinkBoardToTenantAAsync();

        var reply = await SayPersonallyAsync($"link this to {Board}", Admin, TenantB);

        Assert.Contains($"I don't know a board called \"{Board}\"", reply, StringComparison.Ordinal);
        Assert.Null(await Service<IBoardDirectory>().FindLinkAsync($"a:personal-{Admin}", CancellationToken.None));
        Assert.Equal(TenantA, await Service<IBoardTenancy>().TenantOfAsync(Board, CancellationToken.None));
    }
}
