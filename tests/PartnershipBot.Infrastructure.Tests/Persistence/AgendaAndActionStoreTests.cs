using NodaTime;
using PartnershipBot.Features.Agenda;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>The agenda's items and the action log on both engines: positions, one row per title, first paper kept, numbers per board.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class AgendaAndActionStoreTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Items_take_the_next_position_once_per_title_and_move_and_withdraw(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new AgendaStore(test.Factory());

        var (first, _) = await store.AddAsync(Item("Strategy refresh", "Jane Smith"), CancellationToken.None);
        var (second, _) = await store.AddAsync(Item("Budget", null, financial: true), CancellationToken.None);
        var (again, addedAgain) = await store.AddAsync(Item("  strategy   REFRESH ", "Someone Else"), CancellationToken.None);
        var (third, _) = await store.AddAsync(Item("Hate crime report", null), CancellationToken.None);

        Assert.Equal([1, 2, 3], new[] { first.Position, second.Position, third.Position });
        Assert.False(addedAgain);
        Assert.Equal(first.ItemId, again.ItemId);
        Assert.Equal("Jane Smith", again.OwnerName);
        Assert.True(second.Financial);

        Assert.True(await store.MoveAsync(third.ItemId, 1, CancellationToken.None));
        Assert.True(await store.WithdrawAsync(second.ItemId, CancellationToken.None));
        var items = await store.ForMeetingAsync("m1", CancellationToken.None);
        Assert.Equal(["Hate crime report", "Strategy refresh", "Budget"], items.Select(i => i.Title));
        Assert.True(items[2].Withdrawn);
        Assert.False(await store.MoveAsync("no-such-item", 1, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_paper_keeps_the_time_it_first_came_in(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new AgendaStore(test.Factory());
        var (item, _) = await store.AddAsync(Item("Strategy refresh", "Jane Smith"), CancellationToken.None);

        Assert.True(await store.MarkPaperAsync(item.ItemId, Now.AddDays(1), CancellationToken.None));
        Assert.True(await store.MarkPaperAsync(item.ItemId, Now.AddDays(9), CancellationToken.None));

        Assert.Equal(Now.AddDays(1), (await store.ForMeetingAsync("m1", CancellationToken.None))[0].PaperSubmittedAt);
        Assert.False(await store.MarkPaperAsync("no-such-item", Now, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Actions_are_numbered_per_board_even_when_added_at_once_and_close_with_an_update(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var log = new ActionLogStore(test.Factory());
        var other = new ActionLogStore(test.Factory());

        var added = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? log : other).AddAsync("Safer Board", $"Task {i}", "Jane Smith", null, new LocalDate(2027, 4, 1), "sec", Now, CancellationToken.None)));
        var elsewhere = await log.AddAsync("Other Board", "Their task", "Ben", "ben-oid", null, "sec", Now, CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5, 6], added.Select(a => a.Number).Order());
        Assert.Equal(1, elsewhere.Number);
        var done = await log.UpdateAsync("Safer Board", 2, done: true, update: "Circulated on 3 March", Now.AddDays(2), CancellationToken.None);
        Assert.Equal("done", done!.Status);
        Assert.Equal("Circulated on 3 March", done.LastUpdate);
        var open = await log.ListAsync("Safer Board", openOnly: true, CancellationToken.None);
        Assert.Equal(5, open.Count);
        Assert.DoesNotContain(open, a => a.Number == 2);
        Assert.Equal(new LocalDate(2027, 4, 1), open[0].Due);
        Assert.Null(await log.UpdateAsync("Safer Board", 99, done: true, update: null, Now, CancellationToken.None));
    }

    private static AgendaItem Item(string title, string? owner, bool financial = false) =>
        new(Guid.NewGuid().ToString("N"), "Safer Board", "m1", 0, title, owner, null, financial, null, false, "sec", Now);
}
