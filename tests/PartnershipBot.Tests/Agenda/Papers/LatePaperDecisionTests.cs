using System.Text.Json.Nodes;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Features.Agenda.Papers;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;

namespace PartnershipBot.Tests.Agenda.Papers;

/// <summary>
/// Issue 20 item 2, late papers where the ToR forbid them (Peterborough's: "no late reports will be permitted"): a paper
/// after the pack date is late, and its chair and vice-chair each get an Accept/Refuse card through the outbox. Each
/// press (Action.Execute or its Action.Submit fallback) is re-checked against the board's roles and tenant; the first
/// decision stands; a refused paper is kept and shown as refused, while <c>agenda --json</c>'s state stays "late".
/// </summary>
public abstract class LatePaperDecisionTests : PaperFileTest
{
    private const string Chair = "00000000-0000-0000-0000-00000000c4a1";
    private const string Vice = "00000000-0000-0000-0000-00000000c4a2";

    protected override string TestBoard => "Peterborough Community Cohesion Strategy and Performance Management Board";

    [Fact]
    public async Task A_late_paper_asks_the_chair_and_vice_chair_once_and_the_first_decision_stands()
    {
        var item = await LatePaperArrivesAsync();
        var asked = await QueuedAsync(LatePapers.ReminderKind);
        Assert.Equal([Chair, Vice], asked.Select(r => r.Recipient).Order(StringComparer.Ordinal));

        // A revision of the same late paper asks nobody again.
        await SendFileAsync($"paper for {Strategy}", Jane, "strategy-v2.pdf", FileUrl("/files/strategy-v2.pdf"));
        Assert.Equal(2, (await QueuedAsync(LatePapers.ReminderKind)).Count);

        var card = await CardOfAsync(asked[0]);
        var refused = await PressAsync(card, LatePaperCards.RefuseVerb, Chair, submit: false);
        var again = await PressAsync(card, LatePaperCards.AcceptVerb, Vice, submit: true);

        Assert.Contains("Refused by", refused, StringComparison.Ordinal);
        Assert.Contains("It had already been refused; nothing was changed.", again, StringComparison.Ordinal);
        var decision = Assert.Single(await Service<ILatePaperDecisions>().ForMeetingAsync(MeetingId, CancellationToken.None));
        Assert.Equal((item.ItemId, false, Chair), (decision.ItemId, decision.Accepted, decision.DecidedBy));
        // Refused papers are kept, shown as refused; the contract's state stays "late".
        Assert.Equal(2, (await PapersAsync()).Count);
        Assert.Equal(PaperState.Late, await StateAsync(Strategy));
        var agenda = AgendaText.Markdown(await ViewAsync());
        Assert.Contains($"{Strategy} (paper from Jane Smith: late, refused by the chair)", agenda, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_member_or_the_secretariat_pressing_either_button_decides_nothing(bool submit)
    {
        await LatePaperArrivesAsync();
        var card = await CardOfAsync((await QueuedAsync(LatePapers.ReminderKind))[0]);

        var member = await PressAsync(card, LatePaperCards.AcceptVerb, Member, submit);
        var secretary = await PressAsync(card, LatePaperCards.RefuseVerb, Secretary, submit);

        Assert.Contains("Only the board's chair or vice-chair can accept or refuse a late paper. Nothing was changed.", member, StringComparison.Ordinal);
        Assert.Contains("Only the board's chair or vice-chair", secretary, StringComparison.Ordinal);
        Assert.Empty(await Service<ILatePaperDecisions>().ForMeetingAsync(MeetingId, CancellationToken.None));
    }

    [Fact]
    public async Task A_chair_recorded_from_another_tenant_cannot_decide()
    {
        await LatePaperArrivesAsync();
        await GrantAsync(Outsider, BoardRole.Chair, "Guessed Id");
        var card = await CardOfAsync((await QueuedAsync(LatePapers.ReminderKind))[0]);

        var answer = await PressAsync(card, LatePaperCards.AcceptVerb, Outsider, submit: false, TenantB);

        Assert.Contains("Nothing was changed", answer, StringComparison.Ordinal);
        Assert.Empty(await Service<ILatePaperDecisions>().ForMeetingAsync(MeetingId, CancellationToken.None));
    }

    [Fact]
    public async Task The_vice_chair_can_accept_by_Action_Submit_and_the_agenda_shows_it_accepted()
    {
        await LatePaperArrivesAsync();
        var card = await CardOfAsync((await QueuedAsync(LatePapers.ReminderKind))[1]);

        var accepted = await PressAsync(card, LatePaperCards.AcceptVerb, Vice, submit: true);

        Assert.Contains("Accepted by", accepted, StringComparison.Ordinal);
        Assert.Contains("late, accepted by the chair", AgendaText.Markdown(await ViewAsync()), StringComparison.Ordinal);
    }

    [NodeContractsFact]
    [Trait(TestTier.Category, TestTier.Node)]
    public async Task The_late_paper_cards_pass_the_official_schema_and_renderer()
    {
        await LatePaperArrivesAsync();
        var asking = await CardOfAsync((await QueuedAsync(LatePapers.ReminderKind))[0]);
        var (_, decided) = await PressAsAsync(LatePaperCards.RefuseVerb, asking["actions"]![0]!["data"]!.AsObject(), Chair, TenantA, $"a:personal-{Chair}");

        await CardContracts.AssertValidAsync(
            ("late-paper-ask", asking),
            ("late-paper-decided", JsonNode.Parse(decided.GetProperty("value").GetRawText())!),
            ("late-paper-gone", LatePaperCards.Unavailable().ToJson()));
    }

    private async Task<AgendaItem> LatePaperArrivesAsync()
    {
        await GrantAsync(Chair, BoardRole.Chair, "Cllr Chair");
        await GrantAsync(Vice, BoardRole.ViceChair, "Cllr Vice");
        var item = await AddItemAsync(Strategy, "Jane Smith", Jane);
        var packDue = (await ViewAsync()).PackDue;
        Time.Advance(TimeSpan.FromDays((packDue.PlusDays(1) - MeetingTimes.DateOf(Time.GetUtcNow())).Days));

        var reply = await SendFileAsync($"paper for {Strategy}", Jane, "strategy.pdf", FileUrl("/files/strategy-v1.pdf"));

        Assert.Contains("the paper is late", reply, StringComparison.Ordinal);
        Assert.Contains("no late reports will be permitted", reply, StringComparison.Ordinal);
        Assert.Contains("the chair (Cllr Chair, Cllr Vice) has been asked to accept or refuse it", reply, StringComparison.Ordinal);
        return item;
    }

    private async Task<AgendaView> ViewAsync() =>
        await Service<MeetingAgenda>().ForAsync((await Service<IMeetingStore>().FindAsync(MeetingId, CancellationToken.None))!, CancellationToken.None);

    private async Task<JsonNode> CardOfAsync(ReminderRecord reminder)
    {
        var card = await Service<ReminderCardCatalog>().RenderAsync(reminder, CancellationToken.None);
        return card.ToJson();
    }

    /// <summary>Presses a button of the chair's card in the presser's personal chat; the answer's text.</summary>
    private async Task<string> PressAsync(JsonNode card, string verb, string person, bool submit, string tenant = TenantA)
    {
        var action = card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == verb)!;
        var data = action["data"]!.AsObject().DeepClone().AsObject();
        var conversation = $"a:personal-{person}";
        if (!submit)
        {
            var (_, body) = await PressAsAsync(verb, data, person, tenant, conversation);
            return AnswerText(body);
        }

        return await SubmitAsAsync(verb, data, person, tenant, conversation, "01-message-personal.json");
    }
}

/// <summary><see cref="LatePaperDecisionTests"/> on SQLite.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class LatePaperDecisionSqliteTests : LatePaperDecisionTests
{
    protected override string Provider => "sqlite";
}

/// <summary><see cref="LatePaperDecisionTests"/> on the running PostgreSQL.</summary>
[Trait(TestTier.Category, TestTier.Postgres)]
public sealed class LatePaperDecisionPostgresTests : LatePaperDecisionTests
{
    protected override string Provider => "postgres";
}
