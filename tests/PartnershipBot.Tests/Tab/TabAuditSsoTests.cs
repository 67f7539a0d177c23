using System.Net;
using System.Text.Json;
using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// A board's audit log on the tab, through the real host with the loopback Entra stub: what tenant A's admin did to
/// Thurrock (linked the channel, gave Sam and Mo their roles), newest first and paged, for the secretariat only; a
/// role given on another board is not Thurrock's history.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabAuditSsoTests : TabSsoTest
{
    private const string Secretary = "00000000-0000-0000-0000-0000000000a5";
    private const string MemberPerson = "00000000-0000-0000-0000-0000000000a6";
    private const string LeedsBoard = "Leeds Communities Board";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Secretary, BoardRole.Secretariat, "Sam Secretary");
        await GiveRoleAsync(MemberPerson, BoardRole.Member, "Mo Member");
        await Service<IBoardDirectory>().AssignRoleAsync(LeedsBoard, MemberPerson, BoardRole.Chair, Admin, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task Audit_Secretariat_SeesTheBoardsChangesNewestFirstWithNames()
    {
        var page = await PageAsync(Entra.Mint(TenantA, Secretary, Audience), "?size=100");

        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        var sequences = entries.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        var roles = entries.Where(e => e.GetProperty("action").GetString() == "role.assign").ToList();
        // Newest first: Mo's role was given after Sam's; Leeds's chair (Mo again) is not Thurrock's history.
        Assert.Equal(["Mo Member", "Sam Secretary"], roles.Select(e => e.GetProperty("subject").GetString()));
        Assert.Equal(["role: Member", "role: Secretariat"], roles.Select(e => e.GetProperty("detail").GetString()));
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "board.link");
        // The whole log holds these and one more: Leeds's.
        static bool RoleOrLink(string? action) => action is "role.assign" or "board.link";
        var all = await Service<IAuditLog>().AuditAsync(CancellationToken.None);
        Assert.Equal(entries.Count(e => RoleOrLink(e.GetProperty("action").GetString())) + 1, all.Count(e => RoleOrLink(e.Action.Name)));
    }

    [Fact]
    public async Task Audit_PagesOfTwo_WalkTheWholeLogOnceInOrder()
    {
        var token = Entra.Mint(TenantA, Secretary, Audience);
        var whole = (await PageAsync(token, "?size=100")).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();

        var walked = new List<long>();
        var query = "?size=2";
        while (true)
        {
            var page = await PageAsync(token, query);
            var entries = page.GetProperty("entries").EnumerateArray().ToList();
            Assert.True(entries.Count <= 2);
            walked.AddRange(entries.Select(e => e.GetProperty("sequence").GetInt64()));
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            query = $"?size=2&before={page.GetProperty("next").GetInt64()}";
        }

        Assert.True(whole.Count >= 3);
        Assert.Equal(whole, walked);
    }

    [Theory]
    [InlineData(MemberPerson, TenantA)]
    [InlineData(Secretary, TenantB)]
    [InlineData(Colleague, TenantA)]
    public async Task Audit_MemberWithoutARunnersRoleOrAnotherTenant_Is403WithNoData(string person, string tenant)
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "audit"), Entra.Mint(tenant, person, Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Audit_NoToken_Is401()
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "audit"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?size=0")]
    [InlineData("?size=101")]
    [InlineData("?size=ten")]
    [InlineData("?before=-3")]
    public async Task Audit_BadPaging_Is400SayingWhat(string query)
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "audit") + query, Entra.Mint(TenantA, Secretary, Audience));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a whole number", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> PageAsync(string token, string query)
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "audit") + query, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
