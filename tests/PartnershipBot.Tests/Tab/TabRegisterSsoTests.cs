using System.Net;
using System.Text.Json;
using PartnershipBot.Cli;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// The register view and its CSV on the tab, with filters by person, item and UK date range, through the real host
/// (SQLite) and the loopback Entra stub: only the board's chair, vice-chair and secretariat see it; the filters are
/// checked (400 with the reason) only for them; the CSV holds exactly the rows the view shows, and unfiltered (or
/// filtered by dates) is byte for byte what the <c>declarations export</c> verb writes.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabRegisterSsoTests : TabRegisterTest
{
    [Theory]
    [InlineData("register")]
    [InlineData("register.csv")]
    public async Task Register_NoToken_Is401WithNoData(string resource)
    {
        using var response = await TabApi.GetAsync(Client, RegisterPath(resource, "?person=" + Ann));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("register")]
    [InlineData("register.csv")]
    public async Task Register_TokenOfAnotherTenant_Is403AsForABoardThatDoesNotExist(string resource)
    {
        var token = Entra.Mint(TenantB, Secretary, Audience);

        using var foreign = await TabApi.GetAsync(Client, RegisterPath(resource, "?person=" + Ann), token);
        using var unknown = await TabApi.GetAsync(Client, TabApi.BoardPath("No Such Board", resource) + "?person=" + Ann, token);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Empty(await foreign.Content.ReadAsStringAsync());
        Assert.Equal(unknown.StatusCode, foreign.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await foreign.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("register", Colleague)]
    [InlineData("register.csv", Colleague)]
    [InlineData("register", MemberPerson)]
    [InlineData("register.csv", MemberPerson)]
    public async Task Register_NoRoleOrOnlyAMember_Is403EvenForTheirOwnDeclarations(string resource, string person)
    {
        using var response = await TabApi.GetAsync(Client, RegisterPath(resource, "?person=" + person), Entra.Mint(TenantA, person, Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Register_BadQueryFromSomeoneWhoMayNotSeeIt_Is403NotTheReasonItIsBad()
    {
        using var response = await TabApi.GetAsync(Client, RegisterPath("register", "?from=yesterday"), Entra.Mint(TenantA, MemberPerson, Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Register_Unfiltered_IsTheBoardsWholeRegisterWithItsPeopleAndItems()
    {
        var (root, entries) = await ViewAsync(string.Empty);

        Assert.Equal([1L, 2, 4, 5], entries);
        Assert.Equal((4, 4), (root.GetProperty("total").GetInt32(), root.GetProperty("matching").GetInt32()));
        Assert.Equal(
            ["Ann Allen", "Mo Member", "Nia Newton"],
            root.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray());
        Assert.Equal([Fund, Cctv], root.GetProperty("items").EnumerateArray().Select(i => i.GetString()!).ToArray());
        var second = root.GetProperty("entries")[1];
        Assert.Equal("2026-06-01T00:30", second.GetProperty("declaredAt").GetString());
        Assert.Equal((Ann, "Ann Allen", "pecuniary", "Director of a bidding charity"), (
            second.GetProperty("personId").GetString(), second.GetProperty("name").GetString(),
            second.GetProperty("interest").GetString(), second.GetProperty("nature").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("filter").GetProperty("person").ValueKind);
    }

    [Fact]
    public async Task Register_ByPerson_ShowsAndExportsOnlyTheirDeclarations()
    {
        var query = "?person=" + Ann.ToUpperInvariant();

        var (root, entries) = await ViewAsync(query);
        var csv = await CsvAsync(query);

        Assert.Equal([2L, 4], entries);
        Assert.Equal(2, root.GetProperty("matching").GetInt32());
        Assert.Equal(4, root.GetProperty("total").GetInt32());
        Assert.Equal(entries, csv.Select(r => r.Entry).ToArray());
        Assert.All(csv, r => Assert.Equal(Ann, r.PersonId));
    }

    [Fact]
    public async Task Register_ByItem_AnyCase_ShowsAndExportsOnlyThatItem()
    {
        var query = "?item=" + Uri.EscapeDataString("  renew THE cctv contract ");

        var (root, entries) = await ViewAsync(query);
        var csv = await CsvAsync(query);

        Assert.Equal([4L, 5], entries);
        Assert.Equal("renew THE cctv contract", root.GetProperty("filter").GetProperty("item").GetString());
        Assert.Equal(entries, csv.Select(r => r.Entry).ToArray());
        Assert.All(csv, r => Assert.Equal(Cctv, r.Item));
    }

    [Theory]
    [InlineData("?from=2026-06-01", new long[] { 2, 4, 5 })]
    [InlineData("?to=2026-05-31", new long[] { 1 })]
    [InlineData("?from=2026-06-01&to=2026-07-10", new long[] { 2, 4 })]
    [InlineData("?from=2026-07-12", new long[] { })]
    public async Task Register_ByUkDateRange_ShowsAndExportsTheDeclarationsMadeOnThoseDays(string query, long[] expected)
    {
        var (_, entries) = await ViewAsync(query);
        var csv = await CsvAsync(query);

        Assert.Equal(expected, entries);
        Assert.Equal(expected, csv.Select(r => r.Entry).ToArray());
    }

    [Fact]
    public async Task Register_AllFiltersTogether_AreAllApplied()
    {
        var query = $"?person={Ann}&item={Uri.EscapeDataString(Fund)}&from=2026-06-01&to=2026-06-30";

        var (root, entries) = await ViewAsync(query);
        var csv = await CsvAsync(query);

        Assert.Equal([2L], entries);
        var filter = root.GetProperty("filter");
        Assert.Equal((Ann, Fund, "2026-06-01", "2026-06-30"), (
            filter.GetProperty("person").GetString(), filter.GetProperty("item").GetString(), filter.GetProperty("from").GetString(), filter.GetProperty("to").GetString()));
        Assert.Equal([2L], csv.Select(r => r.Entry).ToArray());
    }

    [Theory]
    [InlineData("register", "?from=01/06/2026", "from must be a date as YYYY-MM-DD")]
    [InlineData("register.csv", "?to=2026-02-30", "to must be a date as YYYY-MM-DD")]
    [InlineData("register", "?from=2026-07-01&to=2026-06-01", "from (2026-07-01) is after to (2026-06-01)")]
    public async Task Register_BadDates_Are400WithAClearReasonAndNoRows(string resource, string query, string reason)
    {
        using var response = await TabApi.GetAsync(Client, RegisterPath(resource, query), SecretaryToken());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Director of a bidding charity", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_PersonTooLongToBeAnId_Is400()
    {
        using var response = await TabApi.GetAsync(Client, RegisterPath("register", "?person=" + new string('a', 129)), SecretaryToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("person must be the person's id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", new string[] { })]
    [InlineData("?from=2026-06-01&to=2026-07-10", new[] { "--from", "2026-06-01", "--to", "2026-07-10" })]
    public async Task RegisterCsv_IsByteForByteWhatTheExportVerbWrites(string query, string[] verbDates)
    {
        using var response = await TabApi.GetAsync(Client, RegisterPath("register.csv", query), SecretaryToken());
        var tab = await response.Content.ReadAsByteArrayAsync();
        var output = Path.Combine(Host.DataDirectory, "verb-export.csv");

        var exit = await ExportVerbAsync(["declarations", "export", "--board", Board, .. verbDates, "--out", output, "--data", Host.DataDirectory]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, exit);
        Assert.Equal(await File.ReadAllBytesAsync(output), tab);
    }

    private static async Task<int> ExportVerbAsync(string[] args)
    {
        Assert.True(AdminCommandLine.TryFind(args, out var command));
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        return await AdminCommandLine.RunAsync(command, args, new CommandConsole(new StringReader(string.Empty), stdout, stderr));
    }
}
