using System.Net;
using System.Text.Json;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Tab;

/// <summary>
/// Declarations per financial item on the tab, through the real host with the loopback Entra stub: Thurrock's next
/// meeting carries "Allocate the Safer Communities Fund"; of its three members Ann declared a pecuniary interest, Nia
/// none, and Mo has not answered. The secretariat sees that with the quorum after Ann withdraws, as chat's
/// "declarations for" card gives it, and Chase sends Mo the declaration card through the outbox once per press.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class TabDeclarationsSsoTests : TabSsoTest
{
    private const string Secretary = "00000000-0000-0000-0000-0000000000a5";
    private const string Mo = "00000000-0000-0000-0000-0000000000b1";
    private const string Ann = "00000000-0000-0000-0000-0000000000b2";
    private const string Nia = "00000000-0000-0000-0000-0000000000b3";
    private const string Title = "Allocate the Safer Communities Fund";
    private const string MeetingId = "thurrock/next";

    private DeclarationItem item = null!;

    // Tests dispatch explicitly; the host's own loop would race them.
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Reminders:PollInterval"] = "1.00:00:00",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Secretary, BoardRole.Secretariat, "Sam Secretary");
        await GiveRoleAsync(Mo, BoardRole.Member, "Mo Member");
        await GiveRoleAsync(Ann, BoardRole.Member, "Ann Allen");
        await GiveRoleAsync(Nia, BoardRole.Member, "Nia Newton");
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.UtcDateTime.Date.AddDays(30).AddHours(10), TimeSpan.Zero);
        await Service<IMeetingStore>().AddAsync(new MeetingRecord(MeetingId, Board, null, start, start.AddHours(2)), now, CancellationToken.None);
        item = (await Service<IDeclarationItemStore>().AddAsync(new DeclarationItem("item-fund", Board, MeetingId, start, Title, Secretary, now), CancellationToken.None)).Item;
        var register = Service<IDeclarationRegister>();
        await register.AppendAsync(new DeclarationEntry(Board, Title, Ann, "Ann Allen", InterestKind.Pecuniary, "Director of a bidding charity", now, MeetingId), CancellationToken.None);
        await register.AppendAsync(new DeclarationEntry(Board, Title, Nia, "Nia Newton", InterestKind.None, null, now, MeetingId), CancellationToken.None);
    }

    [Fact]
    public async Task Declarations_Secretariat_SeesWhoDeclaredWithdrawsAndIsOutstandingWithTheQuorumChatGives()
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "declarations"), Entra.Mint(TenantA, Secretary, Audience));
        var fund = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().Single();
        var chat = await SayInBoardChannelAsync($"declarations for {Title}", Secretary);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((item.ItemId, Title), (fund.GetProperty("id").GetString(), fund.GetProperty("title").GetString()));
        Assert.Equal(["Nia Newton"], Strings(fund.GetProperty("noInterest")));
        Assert.Equal(["Mo Member"], Strings(fund.GetProperty("outstanding")));
        var withdrawing = fund.GetProperty("withdrawing").EnumerateArray().Single();
        Assert.Equal(("Ann Allen", "pecuniary", "Director of a bidding charity"),
            (withdrawing.GetProperty("name").GetString(), withdrawing.GetProperty("interest").GetString(), withdrawing.GetProperty("nature").GetString()));
        var quorum = fund.GetProperty("quorum");
        Assert.Equal((3, 1, 2), (quorum.GetProperty("members").GetInt32(), quorum.GetProperty("withdrawing").GetInt32(), quorum.GetProperty("eligible").GetInt32()));
        // The same arithmetic as the chair's card in chat, word for word.
        Assert.Contains(quorum.GetProperty("arithmetic").GetString()!, chat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Mo, TenantA)]
    [InlineData(Secretary, TenantB)]
    [InlineData(Colleague, TenantA)]
    public async Task Declarations_MemberWithoutARunnersRoleOrAnotherTenant_Is403WithNoData(string person, string tenant)
    {
        using var response = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "declarations"), Entra.Mint(tenant, person, Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Declarations_NoToken_Is401()
    {
        using var get = await TabApi.GetAsync(Client, TabApi.BoardPath(Board, "declarations"));
        using var chase = await TabApi.PostAsync(Client, ChasePath(), """{"pressId":"press-0001"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, chase.StatusCode);
        Assert.Empty(await ChaseCardsAsync());
    }

    [Fact]
    public async Task Chase_SamePressTwice_SendsTheOutstandingMemberOneCardThroughTheOutbox()
    {
        var token = Entra.Mint(TenantA, Secretary, Audience);

        using var first = await TabApi.PostAsync(Client, ChasePath(), """{"pressId":"press-0001"}""", token);
        using var second = await TabApi.PostAsync(Client, ChasePath(), """{"pressId":"press-0001"}""", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, answer.GetProperty("queued").GetInt32());
        Assert.Equal(["Mo Member"], Strings(answer.GetProperty("outstanding")));
        Assert.Equal(0, JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("queued").GetInt32());
        var card = Assert.Single(await ChaseCardsAsync());
        Assert.Equal(Mo, card.Recipient);
        Assert.Single(await Service<IAuditLog>().AuditAsync(CancellationToken.None), e => e.Action.Name == "declarations.chase");

        // The dispatcher delivers it: Mo's 1:1 chat (created for him) gets the declaration card.
        await Service<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None);
        var sent = (await Service<IReminderOutbox>().FindAsync(card.ReminderId, CancellationToken.None))!;
        Assert.Equal((ReminderState.Sent, ReminderOutcome.Sent), (sent.State, sent.LastOutcome));
        Assert.Contains(Connector.Calls, c => c.Path.Contains(Uri.EscapeDataString($"a:1on1-29:{Mo}") + "/activities", StringComparison.Ordinal) && c.Body.Contains(Title, StringComparison.Ordinal));

        // A new press is a new chase.
        using var third = await TabApi.PostAsync(Client, ChasePath(), """{"pressId":"press-0002"}""", token);
        Assert.Equal(1, JsonDocument.Parse(await third.Content.ReadAsStringAsync()).RootElement.GetProperty("queued").GetInt32());
    }

    [Theory]
    [InlineData(Mo, TenantA, HttpStatusCode.Forbidden)]
    [InlineData(Secretary, TenantB, HttpStatusCode.Forbidden)]
    public async Task Chase_ByAMemberOrAnotherTenant_IsRefusedAndQueuesNothing(string person, string tenant, HttpStatusCode expected)
    {
        using var response = await TabApi.PostAsync(Client, ChasePath(), """{"pressId":"press-0001"}""", Entra.Mint(tenant, person, Audience));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await ChaseCardsAsync());
    }

    [Theory]
    [InlineData("""{"pressId":"short"}""")]
    [InlineData("""{"pressId":"has/a/slash/in/it"}""")]
    [InlineData("""{}""")]
    [InlineData("""not json""")]
    public async Task Chase_BadPressId_Is400AndQueuesNothing(string body)
    {
        using var response = await TabApi.PostAsync(Client, ChasePath(), body, Entra.Mint(TenantA, Secretary, Audience));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await ChaseCardsAsync());
    }

    [Fact]
    public async Task Chase_AnotherBoardsItem_Is404AndQueuesNothing()
    {
        var leeds = (await Service<IDeclarationItemStore>().AddAsync(
            new DeclarationItem("item-leeds", "Leeds Communities Board", null, null, "Leeds grant", Secretary, DateTimeOffset.UtcNow), CancellationToken.None)).Item;

        using var response = await TabApi.PostAsync(
            Client, TabApi.BoardPath(Board, $"declarations/{leeds.ItemId}/chase"), """{"pressId":"press-0001"}""", Entra.Mint(TenantA, Secretary, Audience));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await ChaseCardsAsync());
    }

    private string ChasePath() => TabApi.BoardPath(Board, $"declarations/{item.ItemId}/chase");

    private async Task<List<ReminderRecord>> ChaseCardsAsync() =>
        [.. (await Service<IReminderDeliveries>().ForBoardAsync(Board, 100, CancellationToken.None))
            .Where(r => r.Kind == DeclarationScheduler.ReminderKind && r.IdempotencyKey.Contains("/chase-", StringComparison.Ordinal))];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
