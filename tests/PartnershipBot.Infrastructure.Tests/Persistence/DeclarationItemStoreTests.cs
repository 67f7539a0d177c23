using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Declarations;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>Financial-decision items, their declarations and their queued cards, on both engines.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class DeclarationItemStoreTests
{
    private const string Board = "Westmarsh Board";
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March12 = new(2027, 3, 12, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June10 = new(2027, 6, 10, 9, 0, 0, TimeSpan.FromHours(1));

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_item_is_stored_once_per_meeting_and_found_on_the_next_meeting_that_has_it(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new DeclarationItemStore(test.Factory());

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => store.AddAsync(Item($"i{i}", "m-march", March12, "Allocate  the fund"), CancellationToken.None)));
        var (june, _) = await store.AddAsync(Item("june", "m-june", June10, "allocate the fund"), CancellationToken.None);
        var (adHoc, _) = await store.AddAsync(Item("ad-hoc", null, null, "Allocate the fund") with { AddedAt = Now.AddMinutes(5) }, CancellationToken.None);
        var (adHocAgain, addedAgain) = await store.AddAsync(Item("ad-hoc-2", null, null, "Allocate the fund"), CancellationToken.None);

        Assert.Single(results, r => r.Added);
        Assert.Single(results.Select(r => r.Item.ItemId).Distinct());
        Assert.Equal("ad-hoc", adHocAgain.ItemId);
        Assert.False(addedAgain);
        Assert.Equal(results[0].Item.ItemId, (await store.FindByTitleAsync(Board, "ALLOCATE THE FUND", Now, CancellationToken.None))!.ItemId);
        Assert.Equal(june.ItemId, (await store.FindByTitleAsync(Board, "Allocate the fund", March12.AddDays(1), CancellationToken.None))!.ItemId);
        Assert.Equal(adHoc.ItemId, (await store.FindByTitleAsync(Board, "Allocate the fund", June10.AddDays(1), CancellationToken.None))!.ItemId);
        Assert.Equal(June10, (await store.FindAsync(june.ItemId, CancellationToken.None))!.MeetingStartsAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Send_rounds_are_distinct_even_when_two_people_chase_at_once(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new DeclarationItemStore(test.Factory());
        var second = new DeclarationItemStore(test.Factory());
        var (item, _) = await store.AddAsync(Item("i1", "m-march", March12, "Allocate the fund"), CancellationToken.None);

        var rounds = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? store : second).NextSendRoundAsync(item.ItemId, CancellationToken.None)));

        Assert.Equal([1, 2, 3, 4, 5, 6], rounds.Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_same_title_at_two_meetings_keeps_its_declarations_apart_and_the_chain_verifies(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var register = new DeclarationRegister(test.Factory());
        var march = Item("march", "m-march", March12, "Allocate the fund");
        var june = Item("june", "m-june", June10, "Allocate the fund");
        await register.AppendAsync(new DeclarationEntry(Board, "Allocate the fund", "p1", null, InterestKind.None, null, Now), CancellationToken.None);
        await register.AppendAsync(new DeclarationEntry(Board, "Allocate the fund", "p1", null, InterestKind.Pecuniary, "Trustee", Now, "m-march"), CancellationToken.None);
        await register.AppendAsync(new DeclarationEntry(Board, "Allocate the fund", "p2", null, InterestKind.None, null, Now, "m-june"), CancellationToken.None);

        Assert.Equal(["p1"], (await register.ListForItemAsync(march, CancellationToken.None)).Select(d => d.Entry.PersonId));
        Assert.Equal(["p2"], (await register.ListForItemAsync(june, CancellationToken.None)).Select(d => d.Entry.PersonId));
        Assert.Equal("m-march", (await register.ListForItemAsync(march, CancellationToken.None))[0].Entry.MeetingId);
        Assert.True((await register.VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Cards_arrive_the_boards_own_lead_before_the_meeting_or_now_when_that_has_passed()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var time = new FakeTimeProvider(Now);
        var options = new DeclarationOptions { LeadWorkingDays = 2 };
        options.Boards["Westmarsh  Board"] = new DeclarationBoardOptions { LeadWorkingDays = 5 };
        var outbox = new ReminderOutbox(test.Factory(), time);
        var scheduler = new DeclarationScheduler(outbox, Options.Create(options), time);
        var calendar = UkWorkingDays.For(UkNation.EnglandAndWales);
        var members = new[] { new PersonRecord("p1", "29:p1", "P One", null, false) };

        // Five working days before Friday 12 March 2027 is Friday 5 March; other boards keep the default of two.
        Assert.Equal(new DateTimeOffset(2027, 3, 5, 9, 0, 0, TimeSpan.Zero), scheduler.DueFor(Item("w", "m", March12, "x"), calendar));
        Assert.Equal(new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.Zero), scheduler.DueFor(Item("o", "m", March12, "x") with { BoardName = "Other Board" }, calendar));
        time.SetUtcNow(new DateTimeOffset(2027, 3, 11, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(time.GetUtcNow(), scheduler.DueFor(Item("w", "m", March12, "x"), calendar));

        Assert.Equal(1, await scheduler.QueueAheadOfMeetingAsync(Item("w", "m", March12, "x"), members, calendar, CancellationToken.None));
        Assert.Equal(0, await scheduler.QueueAheadOfMeetingAsync(Item("w", "m", March12, "x"), members, calendar, CancellationToken.None));
        var claimed = Assert.Single(await outbox.ClaimDueAsync("test", time.GetUtcNow(), TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal(("p1", DeclarationScheduler.ReminderKind, "w"), (claimed.Recipient, claimed.Kind, DeclarationScheduler.ItemIdOf(claimed)));
    }

    private static DeclarationItem Item(string id, string? meetingId, DateTimeOffset? starts, string title) =>
        new(id, Board, meetingId, starts, title, "secretariat", Now);
}
