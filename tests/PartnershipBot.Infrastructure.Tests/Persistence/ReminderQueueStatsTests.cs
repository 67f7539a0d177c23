using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Infrastructure.Persistence;
using PartnershipBot.Testing;

namespace PartnershipBot.Infrastructure.Tests.Persistence;

/// <summary>The queue gauges' one aggregate, on SQLite and on a real PostgreSQL server (whose SUM is a bigint).</summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ReminderQueueStatsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Monday);

    public static TheoryData<string> Providers => [.. TestDatabase.Providers()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Due_in_flight_and_scheduled_are_counted_and_the_oldest_due_found_sent_and_failed_left_out(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = test.Factory();
        var outbox = new ReminderOutbox(database, time);
        var stats = new ReminderQueueStats(database);
        Assert.Equal(new ReminderQueueSnapshot(0, 0, 0, null), await stats.MeasureAsync(Monday, CancellationToken.None));

        await outbox.EnqueueAsync(Reminder("claimed", Monday.AddMinutes(-30)), CancellationToken.None);
        await outbox.ClaimDueAsync("w1", Monday, TimeSpan.FromMinutes(5), 1, CancellationToken.None);
        await outbox.EnqueueAsync(Reminder("due", Monday.AddMinutes(-10)), CancellationToken.None);
        await outbox.EnqueueAsync(Reminder("sent", Monday.AddHours(-2)), CancellationToken.None);
        await outbox.EnqueueAsync(Reminder("later", Monday.AddDays(3)), CancellationToken.None);

        var sent = await outbox.FindAsync("sent", CancellationToken.None);
        await outbox.HoldAsync(sent!.IdempotencyKey, CancellationToken.None); // held: failed state, not in the queue

        Assert.Equal(new ReminderQueueSnapshot(1, 1, 1, Monday.AddMinutes(-30)), await stats.MeasureAsync(Monday, CancellationToken.None));
    }

    private static ReminderRecord Reminder(string id, DateTimeOffset due) => new(id, "k/" + id, "Board", "a:someone", "papers", due, "{}");
}
