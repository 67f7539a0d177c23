using System.Net;
using System.Text.Json;
using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Security;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// A board's page with an app id set, through the real host and the loopback Entra stub: tenant A owns Thurrock
/// (its admin linked it), where Sam is the secretariat and Mo a member. The overview is for anyone holding a role;
/// the register's CSV only for the chair, vice-chair and secretariat; nothing for another tenant or no token.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabBoardSsoTests : TabSsoTest
{
    private const string Secretary = "00000000-0000-0000-0000-0000000000a5";
    private const string MemberPerson = "00000000-0000-0000-0000-0000000000a6";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Secretary, BoardRole.Secretariat, "Sam Secretary");
        await GiveRoleAsync(MemberPerson, BoardRole.Member, "Mo Member");
    }

    [Theory]
    [InlineData("overview")]
    [InlineData("register.csv")]
    public async Task BoardApi_NoToken_Is401WithNoData(string resource)
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, resource));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Overview_TokenOfAnotherTenant_Is403WithNoData()
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "overview"), Entra.Mint(TenantB, Secretary, Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Overview_PersonWithNoRoleOnTheBoard_Is403()
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "overview"), Entra.Mint(TenantA, Colleague, Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("overview")]
    [InlineData("register.csv")]
    public async Task BoardApi_UnknownBoardAndAnotherTenantsBoard_GetTheSameAnswer(string resource)
    {
        // Tenant B's secretariat probing: a board that exists (tenant A's) must look exactly like one that does not.
        var token = Entra.Mint(TenantB, Secretary, Audience);

        using var unknown = await TabApi.GetAsync(Client, TabApi.BoardPath("No Such Board", resource), token);
        using var foreign = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, resource), token);

        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, foreign.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await foreign.Content.ReadAsStringAsync());
        Assert.Equal(unknown.Content.Headers.ContentType, foreign.Content.Headers.ContentType);
        Assert.Empty(await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Overview_TokenForAnotherClientApp_Is401WithNoData()
    {
        using var response = await TabApi.GetAsync(
            Client, TabApi.BoardPath(Board, "overview"), Entra.Mint(TenantA, Secretary, Audience, clientApp: "99999999-8888-7777-6666-555555555555"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Overview_Member_SeesTheBoardsPeopleButMayNotDownloadTheRegister()
    {
        var token = Entra.Mint(TenantA, MemberPerson, Audience);

        using var overview = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "overview"), token);
        using var csv = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "register.csv"), token);

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var root = JsonDocument.Parse(await overview.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["member"], root.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(root.GetProperty("seesDetails").GetBoolean());
        Assert.False(root.GetProperty("mayDownloadRegister").GetBoolean());
        var names = root.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Contains("Sam Secretary", names);
        Assert.Contains("Mo Member", names);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        Assert.Empty(await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RegisterCsv_Secretariat_IsTheExportsCsvAsAnAttachment()
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "register.csv"), Entra.Mint(TenantA, Secretary, Audience));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("thurrock-community-safety-partnership-strategic-board-register-", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("Entry,DeclaredUtc,DeclaredLocal,Board,Item,PersonId,PersonName,Interest,Nature,Hash", body.TrimStart('\uFEFF').Split("\r\n")[0]);
    }
}
