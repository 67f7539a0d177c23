using System.Net;
using System.Text.Json;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// Thurrock (tenant A's) with a register of four declarations by three people on two items over two months, plus one
/// on another board's register: Sam is its secretariat, Mo a member. Entry 1 (Nia, 23:30 on 31 May UK time) and entry 2
/// (Ann, 00:30 on 1 June UK time, still 31 May in UTC) sit either side of a UK midnight, so a date filter that used
/// UTC dates would put both on 31 May.
/// </summary>
public abstract class TabRegisterTest : TabSsoTest
{
    protected const string Secretary = "00000000-0000-0000-0000-0000000000a5";
    protected const string MemberPerson = "00000000-0000-0000-0000-0000000000a6";
    protected const string Ann = "00000000-0000-0000-0000-0000000000b2";
    protected const string Nia = "00000000-0000-0000-0000-0000000000b3";
    protected const string Fund = "Allocate the Safer Communities Fund";
    protected const string Cctv = "Renew the CCTV contract";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Secretary, BoardRole.Secretariat, "Sam Secretary");
        await GiveRoleAsync(MemberPerson, BoardRole.Member, "Mo Member");
        var register = Service<IDeclarationRegister>();
        DeclarationEntry[] entries =
        [
            new(Board, Fund, Nia, "Nia Newton", InterestKind.None, null, new DateTimeOffset(2026, 5, 31, 22, 30, 0, TimeSpan.Zero)),
            new(Board, Fund, Ann, "Ann Allen", InterestKind.Pecuniary, "Director of a bidding charity", new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero)),
            new("Westmarsh Board", Fund, Ann, "Ann Allen", InterestKind.None, null, new DateTimeOffset(2026, 6, 2, 9, 0, 0, TimeSpan.Zero)),
            new(Board, Cctv, Ann, "Ann Allen", InterestKind.NonPecuniary, "Spouse works for the supplier", new DateTimeOffset(2026, 7, 10, 9, 0, 0, TimeSpan.Zero)),
            new(Board, Cctv, MemberPerson, "Mo Member", InterestKind.None, null, new DateTimeOffset(2026, 7, 11, 9, 0, 0, TimeSpan.Zero)),
        ];
        foreach (var entry in entries)
        {
            await register.AppendAsync(entry, CancellationToken.None);
        }
    }

    protected string SecretaryToken() => Entra.Mint(TenantA, Secretary, Audience);

    protected static string RegisterPath(string resource, string query = "") => TabApi.BoardPath(Board, resource) + query;

    /// <summary>The register view's entry numbers, failing unless the answer is 200 JSON.</summary>
    protected async Task<(JsonElement Root, long[] Entries)> ViewAsync(string query)
    {
        using var response = await TabApi.GetAsync(Client, RegisterPath("register", query), SecretaryToken());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement;
        return (root, [.. root.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry").GetInt64())]);
    }

    /// <summary>The CSV's rows under its header, as entry number and person id, failing unless the answer is 200 CSV.</summary>
    protected async Task<(long Entry, string PersonId, string Item)[]> CsvAsync(string query)
    {
        using var response = await TabApi.GetAsync(Client, RegisterPath("register.csv", query), SecretaryToken());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = body.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Entry,DeclaredUtc,DeclaredLocal,Board,Item,PersonId,PersonName,Interest,Nature,Hash", lines[0]);
        // No field of this register holds a comma or a quote, so a plain split reads it.
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(f => (long.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f[5], f[4]))];
    }
}
