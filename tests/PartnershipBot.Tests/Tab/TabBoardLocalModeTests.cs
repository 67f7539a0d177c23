using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Tests.Declarations;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// A board's page in local mode, through the real host: the Thurrock board linked to the fixtures' channel, a meeting
/// on Friday 12 March 2027 at the Civic Offices and the clock at Monday 1 March (<see cref="DeclarationTest"/>), an
/// agenda item added in chat. The development person signs in without a token and, as in chat's local mode, may do
/// what an admin may.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabBoardLocalModeTests : DeclarationTest
{
    private const string DevelopmentPerson = "00000000-0000-0000-0000-0000000000de";
    private const string Strategy = "Community Safety Strategy refresh";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Tab:DevelopmentPerson"] = DevelopmentPerson,
    };

    [Fact]
    public async Task Overview_LocalMode_ShowsMembersTheMeetingItsDeadlinesAndTheAgendaFromChat()
    {
        await AddMembersAsync(2);
        var directory = Host.Services.GetRequiredService<IBoardDirectory>();
        await directory.UpsertPersonAsync(new PersonRecord(DevelopmentPerson, null, "Dev Chair", null, false), Time.GetUtcNow(), CancellationToken.None);
        await directory.AssignRoleAsync(Board, DevelopmentPerson, BoardRole.Chair, "admin", Time.GetUtcNow(), CancellationToken.None);
        await SayAsync($"add '{Strategy}' to the agenda for the 12 March meeting, paper from Jane Smith");

        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "overview"));
        using var overview = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = overview.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(Board, root.GetProperty("board").GetString());
        Assert.Equal(["chair"], Strings(root.GetProperty("roles")));
        Assert.True(root.GetProperty("mayDownloadRegister").GetBoolean());
        var members = root.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => Strings(m.GetProperty("roles")));
        Assert.Equal(["Dev Chair", "Member 1", "Member 2"], members.Keys);
        Assert.Equal(["chair"], members["Dev Chair"]);
        Assert.Equal(["member"], members["Member 1"]);

        var meeting = root.GetProperty("meetings").EnumerateArray().Single();
        Assert.Equal(("2027-03-12", "10:00", "12:00"), (meeting.GetProperty("date").GetString(), meeting.GetProperty("start").GetString(), meeting.GetProperty("end").GetString()));
        Assert.Equal("Civic Offices, Grays", meeting.GetProperty("venue").GetString());
        // Thurrock's ToR sets no papers deadline, so the pack's usual five working days: Friday 5 March (as the agenda verb says).
        var papers = meeting.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "papers");
        Assert.Equal("2027-03-05", papers.GetProperty("date").GetString());
        Assert.False(papers.GetProperty("fromTor").GetBoolean());
        var agenda = meeting.GetProperty("agenda").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, agenda.Count), agenda.Select(i => i.GetProperty("number").GetInt32()));
        Assert.Equal("Welcome and apologies for absence", agenda[0].GetProperty("title").GetString());
        Assert.True(agenda[0].GetProperty("standing").GetBoolean());
        var strategy = agenda.Single(i => i.GetProperty("title").GetString() == Strategy);
        Assert.Equal(5, strategy.GetProperty("number").GetInt32());
        Assert.Equal("Jane Smith", strategy.GetProperty("owner").GetString());
        Assert.Equal("awaited", strategy.GetProperty("paper").GetString());
        Assert.False(strategy.GetProperty("financial").GetBoolean());
        Assert.Empty(meeting.GetProperty("apologies").EnumerateArray());
        var quorum = meeting.GetProperty("quorum");
        Assert.Equal((3, 0, 3), (quorum.GetProperty("members").GetInt32(), quorum.GetProperty("apologies").GetInt32(), quorum.GetProperty("expected").GetInt32()));
        Assert.Equal(quorum.GetProperty("expected").GetInt32() >= quorum.GetProperty("needed").GetInt32(), quorum.GetProperty("quorate").GetBoolean());
    }

    [Fact]
    public async Task RegisterCsv_LocalMode_IsTheExportsCsvWithTheDeclaration()
    {
        await AddMembersAsync(1);
        var item = await AddItemAsync();
        await DeclareAsync(item, "member-1", DeclarationChain.Code(InterestKind.Pecuniary), "Director of a bidding charity");

        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "register.csv"));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Entry,DeclaredUtc,DeclaredLocal,Board,Item,PersonId,PersonName,Interest,Nature,Hash", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Director of a bidding charity", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_UnknownBoardLocalMode_Is403LikeAnyBoardNotOpenToThePerson()
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath("No Such Board", "overview"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TabPage_HasTheOverviewRegionUnderTheStrictPolicyAndTheScriptWritesTextOnly()
    {
        using var page = await Client.GetAsync(new Uri("/tab", UriKind.Relative));
        var script = await Client.GetStringAsync(new Uri("/tab/tab.js", UriKind.Relative));

        Assert.Contains("<div id=\"overview\" class=\"overview\" hidden></div>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://res.cdn.office.net;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("boardPath(name, \"overview\")", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", script, StringComparison.Ordinal);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private async Task SayAsync(string text)
    {
        var before = Connector.SentActivities.Count;
        await SayInChannelAsync(text);
        await Connector.WaitForActivitiesAsync(before + 1);
    }
}
