using System.Net;
using System.Text.Json;
using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// The configurable channel tab with an app id set, through the real host and the loopback Entra stub: tenant A's
/// admin links the team channel to Thurrock in chat, Sam is its secretariat; the set-up page's API answers which
/// board that channel is, by the same link the bot keeps, and nothing to anyone without a role or of another tenant:
/// another tenant's people cannot even tell whether a channel is linked.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabChannelBoardSsoTests : TabSsoTest
{
    // The channel of the fixtures' channel activities, which "link this to <board>" links.
    private const string Channel = "19:fake-channel-0001@thread.tacv2";
    private const string TeamId = "19:fake-team-0001@thread.tacv2";
    private const string OtherChannel = "19:fake-channel-0099@thread.tacv2";
    private const string Secretary = "00000000-0000-0000-0000-0000000000a5";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Secretary, BoardRole.Secretariat, "Sam Secretary");
    }

    /// <summary>Two answers a caller cannot tell apart: status, content type and body.</summary>
    private static async Task AssertSameAnswerAsync(HttpResponseMessage first, HttpResponseMessage second)
    {
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.Content.Headers.ContentType?.ToString(), second.Content.Headers.ContentType?.ToString());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    /// <summary>A board of the library other than Thurrock.</summary>
    private async Task<string> OtherBoardAsync() =>
        (await Service<PartnershipBot.Features.TermsOfReference.ITorLibrarySource>().GetAsync(CancellationToken.None)).Boards
            .Select(b => b.Identity.Name).First(n => n != Board);

    /// <summary>Tenant B claims another board and its outsider becomes that board's secretariat.</summary>
    private async Task GiveOutsiderABoardOfTenantBAsync()
    {
        var other = await OtherBoardAsync();
        Assert.Equal(TenantB, await Service<IBoardTenancy>().ClaimAsync(other, TenantB, Outsider, DateTimeOffset.UtcNow, CancellationToken.None));
        await Service<IBoardDirectory>().AssignRoleAsync(other, Outsider, BoardRole.Secretariat, Admin, DateTimeOffset.UtcNow, CancellationToken.None);
        using var boards = await TabApi.GetAsync(Client, "/tab/api/boards", Entra.Mint(TenantB, Outsider, Audience));
        Assert.Contains(other, await boards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string PathFor(string channel) =>
        $"/tab/api/channel-board?channel={Uri.EscapeDataString(channel)}&team={Uri.EscapeDataString(TeamId)}";

    [Fact]
    public async Task ChannelBoard_LinkedChannel_NamesItsBoardAndTheRoles()
    {
        using var response = await TabApi.GetAsync(Client, PathFor(Channel), Entra.Mint(TenantA, Secretary, Audience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Board, root.GetProperty("board").GetString());
        Assert.Equal(["secretariat"], root.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task ChannelBoard_ThreadOfTheLinkedChannel_IsTheChannelsBoard()
    {
        using var response = await TabApi.GetAsync(Client, PathFor(Channel + ";messageid=1700000000002"), Entra.Mint(TenantA, Secretary, Audience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Board, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("board").GetString());
    }

    [Fact]
    public async Task ChannelBoard_UnlinkedChannel_Is404SayingHowToLinkIt()
    {
        using var response = await TabApi.GetAsync(Client, PathFor(OtherChannel), Entra.Mint(TenantA, Secretary, Audience));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            "This channel isn't linked to a board yet: say \"link this to <board>\" to the bot in the channel",
            root.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ChannelBoard_AfterTheChannelIsUnlinkedInChat_Is404()
    {
        var reply = await SayInBoardChannelAsync("unlink", Admin);
        Assert.Contains("no longer linked", reply, StringComparison.Ordinal);

        using var response = await TabApi.GetAsync(Client, PathFor(Channel), Entra.Mint(TenantA, Secretary, Audience));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ChannelBoard_AnotherTenantsPersonWithARoleThere_CannotTellALinkedChannelFromAnUnlinkedOne()
    {
        await GiveOutsiderABoardOfTenantBAsync();
        var token = Entra.Mint(TenantB, Outsider, Audience);

        using var linked = await TabApi.GetAsync(Client, PathFor(Channel), token);
        using var unlinked = await TabApi.GetAsync(Client, PathFor(OtherChannel), token);

        await AssertSameAnswerAsync(linked, unlinked);
        Assert.Equal(HttpStatusCode.NotFound, linked.StatusCode);
        Assert.DoesNotContain(Board, await linked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TenantB, Secretary)]
    [InlineData(TenantB, Outsider)]
    [InlineData(TenantA, Colleague)]
    public async Task ChannelBoard_PersonWithNoRoleOnAnyBoardOfTheirTenant_Gets403WithNoDataLinkedOrNot(string tenant, string person)
    {
        var token = Entra.Mint(tenant, person, Audience);

        using var linked = await TabApi.GetAsync(Client, PathFor(Channel), token);
        using var unlinked = await TabApi.GetAsync(Client, PathFor(OtherChannel), token);

        await AssertSameAnswerAsync(linked, unlinked);
        Assert.Equal(HttpStatusCode.Forbidden, linked.StatusCode);
        Assert.Empty(await linked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChannelBoard_PersonOfTheBoardsTenantWithARoleOnlyOnAnotherBoard_Is403ForTheLinkedChannel()
    {
        var other = await OtherBoardAsync();
        await Service<IBoardDirectory>().AssignRoleAsync(other, Colleague, BoardRole.Member, Admin, DateTimeOffset.UtcNow, CancellationToken.None);
        await Service<IBoardTenancy>().ClaimAsync(other, TenantA, Admin, DateTimeOffset.UtcNow, CancellationToken.None);
        var token = Entra.Mint(TenantA, Colleague, Audience);

        using var linked = await TabApi.GetAsync(Client, PathFor(Channel), token);
        using var unlinked = await TabApi.GetAsync(Client, PathFor(OtherChannel), token);

        Assert.Equal(HttpStatusCode.Forbidden, linked.StatusCode);
        Assert.Empty(await linked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unlinked.StatusCode);
    }

    [Fact]
    public async Task ChannelBoard_NoToken_Is401WithNoData()
    {
        using var response = await TabApi.GetAsync(Client, PathFor(Channel));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChannelBoard_NoChannel_Is400()
    {
        using var response = await TabApi.GetAsync(Client, "/tab/api/channel-board", Entra.Mint(TenantA, Secretary, Audience));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ConfigPage_WithAppId_Is200HtmlWithTheTabsPolicyAndItsScript()
    {
        using var response = await Client.GetAsync(new Uri("/tab/config", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'none'; script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("data-sign-in=\"sso\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/tab/config.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", html, StringComparison.Ordinal);

        using var script = await Client.GetAsync(new Uri("/tab/config.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("pages.config.setValidityState(true)", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
