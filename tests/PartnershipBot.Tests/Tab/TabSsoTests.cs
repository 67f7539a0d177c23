using System.Net;
using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Security;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// The tab's contract with an app id set, through the real host: <c>/tab/api/boards</c> answers only an Entra SSO
/// token minted by the loopback Entra stub (right signature, the token's own tenant as issuer, our audience, in date),
/// and lists only the boards of that tenant the person holds a role on. Tenant A owns Thurrock (its admin linked it),
/// tenant B owns Leeds; Richmond is claimed by nobody.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabSsoTests : TabSsoTest
{
    private const string Person = "00000000-0000-0000-0000-0000000000d1";
    private const string LeedsBoard = "Leeds Communities Board";
    private const string RichmondBoard = "Richmond Community Safety Partnership Strategy Group";

    private async Task ArrangeAsync()
    {
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Person, BoardRole.Chair, "Jane Chairwoman");
        await GiveRoleAsync(Person, BoardRole.Secretariat);
        var directory = Service<IBoardDirectory>();
        await Service<IBoardTenancy>().ClaimAsync(LeedsBoard, TenantB, Admin, DateTimeOffset.UtcNow, CancellationToken.None);
        await directory.AssignRoleAsync(LeedsBoard, Person, BoardRole.Member, Admin, DateTimeOffset.UtcNow, CancellationToken.None);
        await directory.AssignRoleAsync(RichmondBoard, Person, BoardRole.Member, Admin, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    [Fact]
    public Task TabPage_AuthOnWithoutToken_Is200Html() => TabApi.AssertPageAsync(Client);

    [Fact]
    public async Task Boards_ValidToken_ListsOnlyThisTenantsBoardsThePersonHoldsARoleOn()
    {
        await ArrangeAsync();

        var (status, body) = await TabApi.GetBoardsAsync(Client, Entra.Mint(TenantA, Person, Audience));

        Assert.Equal(HttpStatusCode.OK, status);
        var boards = TabApi.Parse(body);
        Assert.Equal([Board], boards.Keys);
        Assert.Equal(["chair", "secretariat"], boards[Board].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Boards_TokenOfAnotherTenant_SeesNoneOfThisTenantsBoards()
    {
        await ArrangeAsync();

        var (status, body) = await TabApi.GetBoardsAsync(Client, Entra.Mint(TenantB, Person, Audience));

        Assert.Equal(HttpStatusCode.OK, status);
        var boards = TabApi.Parse(body);
        Assert.DoesNotContain(Board, boards.Keys);
        Assert.Equal([LeedsBoard], boards.Keys);
    }

    [Fact]
    public async Task Boards_PersonWithNoRole_IsEmptyList()
    {
        await ArrangeAsync();

        var (status, body) = await TabApi.GetBoardsAsync(Client, Entra.Mint(TenantA, Colleague, Audience));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(TabApi.Parse(body));
    }

    [Fact]
    public async Task Boards_AdminWithNoRole_IsEmptyList()
    {
        await ArrangeAsync();

        var (_, body) = await TabApi.GetBoardsAsync(Client, Entra.Mint(TenantA, Admin, Audience));

        Assert.Empty(TabApi.Parse(body));
    }

    [Fact]
    public async Task Boards_BareAppIdAudienceAndV1Issuer_AreAccepted()
    {
        await ArrangeAsync();

        var (status, body) = await TabApi.GetBoardsAsync(Client, Entra.Mint(TenantA, Person, ChannelTokenIssuer.AppId, issuer: EntraTokenIssuer.V1Issuer(TenantA)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Board], TabApi.Parse(body).Keys);
    }

    [Fact]
    public async Task Boards_NoToken_Is401WithNoData()
    {
        await ArrangeAsync();

        await AssertRefusedAsync(null);
    }

    public static TheoryData<string> BrokenHeaders => new() { "Bearer", "Basic dXNlcjpwYXNz", "bearer x.y.z", "Bearer not-a-jwt" };

    [Theory]
    [MemberData(nameof(BrokenHeaders))]
    public async Task Boards_MalformedAuthorization_Is401(string header)
    {
        await ArrangeAsync();

        await AssertRefusedAsync(null, r => r.Headers.TryAddWithoutValidation("Authorization", header));
    }

    [Fact]
    public Task Boards_WrongAudience_Is401() => ArrangeThenRefuseAsync(Entra.Mint(TenantA, Person, "api://bot.example.org/11111111-2222-3333-4444-555555555555"));

    [Fact]
    public Task Boards_OtherDomainsApplicationIdUri_Is401() => ArrangeThenRefuseAsync(Entra.Mint(TenantA, Person, $"api://evil.example.com/{ChannelTokenIssuer.AppId}"));

    [Fact]
    public Task Boards_WrongIssuer_Is401() => ArrangeThenRefuseAsync(Entra.Mint(TenantA, Person, Audience, issuer: "https://evil.example.com/v2.0"));

    [Fact]
    public Task Boards_IssuerOfAnotherTenantThanTid_Is401() => ArrangeThenRefuseAsync(Entra.Mint(TenantA, Person, Audience, issuer: EntraTokenIssuer.V2Issuer(TenantB)));

    [Fact]
    public Task Boards_Expired_Is401() => ArrangeThenRefuseAsync(Entra.Mint(
        TenantA, Person, Audience, notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6)));

    [Fact]
    public Task Boards_SignedWithAnotherKey_Is401() => ArrangeThenRefuseAsync(Entra.Mint(TenantA, Person, Audience, signWithOtherKey: true));

    [Fact]
    public Task Boards_AppOnlyTokenWithoutScope_Is401() => ArrangeThenRefuseAsync(Entra.Mint(TenantA, Person, Audience, scope: null));

    [Fact]
    public Task Boards_TenantOutsideAllowedTenants_Is401() => ArrangeThenRefuseAsync(Entra.Mint("00000000-0000-0000-0000-0000000000e9", Person, Audience));

    [Fact]
    public Task Boards_TokenWithNoClientClaim_Is401() => ArrangeThenRefuseAsync(Entra.Mint(TenantA, Person, Audience, clientApp: null));

    [Fact]
    public Task Boards_TokenForAnotherClientApp_Is401() => ArrangeThenRefuseAsync(Entra.Mint(
        TenantA, Person, Audience, clientApp: "99999999-8888-7777-6666-555555555555"));

    [Fact]
    public async Task Boards_TeamsWebClientAsV1Appid_IsAccepted()
    {
        await ArrangeAsync();

        var (status, body) = await TabApi.GetBoardsAsync(Client, Entra.Mint(
            TenantA, Person, Audience, issuer: EntraTokenIssuer.V1Issuer(TenantA), clientApp: "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", clientClaim: "appid"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Board], TabApi.Parse(body).Keys);
    }

    [Fact]
    public Task Boards_BotFrameworkChannelToken_Is401() => ArrangeThenRefuseAsync(Token());

    private async Task ArrangeThenRefuseAsync(string token)
    {
        await ArrangeAsync();
        await AssertRefusedAsync(token);
    }

    private async Task AssertRefusedAsync(string? token, Action<HttpRequestMessage>? edit = null)
    {
        var (status, body) = await TabApi.GetBoardsAsync(Client, token, edit);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(body);
    }
}
