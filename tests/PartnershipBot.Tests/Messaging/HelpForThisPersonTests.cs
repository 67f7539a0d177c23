using PartnershipBot.Features.Boards;
using PartnershipBot.Tests.Security;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Messaging;

/// <summary>
/// The welcome and <c>help</c> list what this person may do in this conversation (a member is not
/// offered set-up verbs, admin-only verbs go to admins only) and the boards the bot knows, only those of the caller's
/// tenant. Channel auth on, through /api/messages.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class HelpForThisPersonTests : TwoTenantChatTest
{
    private const string Chair = "00000000-0000-0000-0000-0000000000d1";
    private const string Member = "00000000-0000-0000-0000-0000000000d2";

    // A seeded sample board no tenant has claimed: only an admin (who may link it) is told of it.
    private const string UnclaimedBoard = "Richmond";

    private async Task ArrangeAsync()
    {
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Chair, BoardRole.Chair, "Jane Chairwoman");
        await GiveRoleAsync(Member, BoardRole.Member, "Tom Member");
    }

    [Fact]
    public async Task A_member_in_the_boards_channel_is_offered_questions_not_meeting_business_or_set_up()
    {
        await ArrangeAsync();

        var help = await SayInBoardChannelAsync("help", Member);

        Assert.Contains("Here is what I can do", help, StringComparison.Ordinal);
        Assert.Contains("**Terms of Reference**", help, StringComparison.Ordinal);
        Assert.Contains("**Next meeting**", help, StringComparison.Ordinal);
        Assert.Contains("\"what's on the agenda?\"", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**Meetings**", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**Declarations**", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**Set-up**", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**Roles**", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**Admin**", help, StringComparison.Ordinal);
        Assert.Contains($"This conversation is linked to **{Board}**", help, StringComparison.Ordinal);
        Assert.Contains($"The board I know: {Board}.", help, StringComparison.Ordinal);
        Assert.DoesNotContain(UnclaimedBoard, help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chair_is_offered_meeting_business_but_not_set_up_or_admin_verbs()
    {
        await ArrangeAsync();

        var help = await SayInBoardChannelAsync("help", Chair);

        Assert.Contains("**Meetings**", help, StringComparison.Ordinal);
        Assert.Contains("**Declarations**", help, StringComparison.Ordinal);
        Assert.Contains("**Agenda changes**", help, StringComparison.Ordinal);
        Assert.Contains("**Changes**", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**Set-up**", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**Members**", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**Admin**", help, StringComparison.Ordinal);
        Assert.DoesNotContain(UnclaimedBoard, help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_is_offered_everything_and_the_boards_they_may_still_claim()
    {
        await ArrangeAsync();

        var help = await SayInBoardChannelAsync("help", Admin);

        Assert.Contains("**Meetings**", help, StringComparison.Ordinal);
        Assert.Contains("**Set-up**", help, StringComparison.Ordinal);
        Assert.Contains("**Roles**", help, StringComparison.Ordinal);
        Assert.Contains("**Admin**: \"make me the secretariat\"", help, StringComparison.Ordinal);
        Assert.Contains(Board, help, StringComparison.Ordinal);
        Assert.Contains(UnclaimedBoard, help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_personal_chat_the_chairs_roles_on_any_board_count()
    {
        await ArrangeAsync();

        var chair = await SayPersonallyAsync("help", Chair, TenantA);
        var colleague = await SayPersonallyAsync("help", Colleague, TenantA);

        Assert.Contains("**Meetings**", chair, StringComparison.Ordinal);
        Assert.DoesNotContain("**Set-up**", chair, StringComparison.Ordinal);
        Assert.DoesNotContain("**Meetings**", colleague, StringComparison.Ordinal);
        Assert.DoesNotContain("This conversation is linked", colleague, StringComparison.Ordinal);
        Assert.Contains($"The board I know: {Board}.", colleague, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenant_is_told_no_board_names_at_all()
    {
        await ArrangeAsync();

        var help = await SayPersonallyAsync("help", Outsider, TenantB);

        Assert.DoesNotContain(Board, help, StringComparison.Ordinal);
        Assert.DoesNotContain(UnclaimedBoard, help, StringComparison.Ordinal);
        Assert.Contains("I don't know any of your organisation's boards yet", help, StringComparison.Ordinal);
        Assert.DoesNotContain("**Meetings**", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_welcome_is_read_by_everyone_so_it_lists_only_what_anyone_may_do()
    {
        var before = Connector.SentActivities.Count;
        using var response = await PostAsync(Activity("04-conversationupdate-bot-added-to-team.json", a => a["from"]!["aadObjectId"] = Admin), Token());
        response.EnsureSuccessStatusCode();

        var welcome = (await Connector.WaitForActivitiesAsync(before + 1))[before].Text!;

        Assert.Contains("Hello everyone!", welcome, StringComparison.Ordinal);
        Assert.Contains("\"help\" to see what you can do here", welcome, StringComparison.Ordinal);
        Assert.Contains("**Terms of Reference**", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain("**Admin**", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain("**Set-up**", welcome, StringComparison.Ordinal);
    }
}
