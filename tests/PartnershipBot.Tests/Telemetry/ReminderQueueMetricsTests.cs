using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Testing;
using PartnershipBot.Tests.Support;
using System.Diagnostics.Metrics;

namespace PartnershipBot.Tests.Telemetry;

/// <summary>
/// The reminder queue gauges through the real host and its SQLite outbox: depth by state and the oldest due item's
/// age move as reminders are queued, age, and are dispatched to the loopback Connector.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class ReminderQueueMetricsTests : ChatTest
{
    private const string Depth = "partnershipbot.reminders.queue.depth";
    private const string OldestAge = "partnershipbot.reminders.queue.oldest_due_age{}";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    // A day between passes: the test drives the dispatcher and the sampler itself.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Reminders:PollInterval"] = "1.00:00:00" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);

    [Fact]
    public async Task Depth_and_oldest_age_follow_the_outbox_as_reminders_are_queued_and_dispatched()
    {
        using var metrics = new MetricCapture(Host.Services.GetRequiredService<IMeterFactory>());
        var gauges = Host.Services.GetRequiredService<ReminderQueueGauges>();
        var outbox = Host.Services.GetRequiredService<IReminderOutbox>();
        Assert.Empty(metrics.Observe()); // nothing measured yet: silence, not a zero that reads as "all clear"
        // The host's own dispatcher makes one pass as it starts; on a loaded machine that pass can come late and claim
        // the reminders seeded below. Let it finish first, so only the test's dispatch below sends them.
        await WaitForFirstDispatchPassAsync();

        await ReminderFanOut.SeedAsync(Host.Services.GetRequiredService<IConversationReferenceStore>(), outbox, Connector.ServiceUrl, 3, time.GetUtcNow().AddMinutes(-10), CancellationToken.None);
        await outbox.EnqueueAsync(new ReminderRecord("later-1", "later/papers/1", "Fan-out Board", ReminderFanOut.ConversationOf(0), "papers", time.GetUtcNow().AddDays(7), "{}"), CancellationToken.None);
        await gauges.RefreshAsync(CancellationToken.None);
        var queued = metrics.Observe();
        Assert.Equal(3, queued[Depth + "{state=due}"]);
        Assert.Equal(0, queued[Depth + "{state=in_flight}"]);
        Assert.Equal(1, queued[Depth + "{state=scheduled}"]);
        Assert.Equal(600, queued[OldestAge]);

        time.Advance(TimeSpan.FromMinutes(5));
        await gauges.RefreshAsync(CancellationToken.None);
        Assert.Equal(900, metrics.Observe()[OldestAge]);

        Assert.Equal(3, await Host.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync("test", CancellationToken.None));
        await gauges.RefreshAsync(CancellationToken.None);
        var dispatched = metrics.Observe();
        Assert.Equal(0, dispatched[Depth + "{state=due}"]);
        Assert.Equal(1, dispatched[Depth + "{state=scheduled}"]);
        Assert.Equal(0, dispatched[OldestAge]);
        Assert.Equal(3, Connector.SentActivities.Count);
    }

    private async Task WaitForFirstDispatchPassAsync()
    {
        var heartbeat = Host.Services.GetRequiredService<PartnershipBot.Health.DispatcherHeartbeat>();
        for (var waited = 0; heartbeat.LastEnded is null; waited += 20)
        {
            Assert.True(waited < 30_000, "the host's dispatcher never made its first pass");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task The_host_samples_the_queue_each_poll_once_something_listens()
    {
        using var metrics = new MetricCapture(Host.Services.GetRequiredService<IMeterFactory>());
        await Host.Services.GetRequiredService<IReminderOutbox>().EnqueueAsync(
            new ReminderRecord("later-2", "later/papers/2", "Fan-out Board", "a:someone", "papers", time.GetUtcNow().AddDays(3), "{}"), CancellationToken.None);

        time.Advance(TimeSpan.FromDays(1));
        IReadOnlyDictionary<string, double> seen = new Dictionary<string, double>();
        for (var i = 0; i < 100 && !seen.ContainsKey(Depth + "{state=scheduled}"); i++)
        {
            await Task.Delay(50);
            seen = metrics.Observe();
        }

        Assert.Equal(1, seen[Depth + "{state=scheduled}"]);
    }
}
