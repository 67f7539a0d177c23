using PartnershipBot.Features.Agenda;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>A board's standing items on both engines: one row a board (any spelling of its name), replaced, cleared.</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public class StandingItemsStoreTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Items_are_kept_in_order_replaced_and_cleared(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new StandingItemsStore(test.Factory());

        Assert.Null(await store.FindAsync("Safer Board", CancellationToken.None));
        await store.SetAsync(new BoardStandingItems("Safer Board", ["Apologies for absence", "Any other business"], "sec", Now), CancellationToken.None);
        await store.SetAsync(new BoardStandingItems("SAFER  board", ["Declarations of interest", "Minutes of the last meeting", "Any other business"], "sec2", Now.AddDays(1)), CancellationToken.None);

        var found = await store.FindAsync("Safer Board", CancellationToken.None);
        Assert.Equal(["Declarations of interest", "Minutes of the last meeting", "Any other business"], found!.Items);
        Assert.Equal(("sec2", Now.AddDays(1)), (found.SetBy, found.SetAt));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetAsync(new BoardStandingItems("Safer Board", ["two\nlines"], "sec", Now), CancellationToken.None));
        Assert.True(await store.ClearAsync("Safer Board", CancellationToken.None));
        Assert.False(await store.ClearAsync("Safer Board", CancellationToken.None));
        Assert.Null(await store.FindAsync("Safer Board", CancellationToken.None));
    }
}
