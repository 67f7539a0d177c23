using System.Diagnostics.Metrics;
using PartnershipBot.Features.Routing;

namespace PartnershipBot.Features.Reminders;

/// <summary>How many reminders wait, counted in the outbox (no recipients, no payloads).</summary>
/// <param name="Due">Pending and due now: the dispatcher should be taking these.</param>
/// <param name="InFlight">Claimed by an instance and being sent.</param>
/// <param name="Scheduled">Pending and due later (papers reminders are queued weeks ahead).</param>
/// <param name="OldestDueAt">The earliest due time among the due and in-flight ones, or null when there are none.</param>
public sealed record ReminderQueueSnapshot(long Due, long InFlight, long Scheduled, DateTimeOffset? OldestDueAt);

/// <summary>Reads the outbox's shape for the gauges: one cheap aggregate over its (state, due_at) index.</summary>
public interface IReminderQueueStats
{
    /// <summary>Counts the queue as it stands at <paramref name="now"/>.</summary>
    Task<ReminderQueueSnapshot> MeasureAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// The reminder queue's depth (by state: due, in flight, scheduled) and the age of its oldest due item, as observable
/// gauges on the bot's meter. A gauge callback is synchronous and runs on the exporter's thread, so it cannot query
/// the database itself: <see cref="RefreshAsync"/> measures (the host calls it every poll interval) and the
/// callbacks report the last measurement. Before the first one, or after one fails, they report nothing rather than
/// a zero that would read as "all clear".
/// </summary>
public sealed class ReminderQueueGauges
{
    private readonly IReminderQueueStats stats;
    private readonly TimeProvider time;
    private readonly ObservableGauge<long> depth;
    private readonly ObservableGauge<double> oldestAge;
    private volatile Measured? last;

    /// <summary>Creates the gauges on the host's <paramref name="meters"/>.</summary>
    public ReminderQueueGauges(IMeterFactory meters, IReminderQueueStats stats, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.stats = stats;
        this.time = time;
        var meter = meters.Create(BotTelemetry.Name);
        depth = meter.CreateObservableGauge("partnershipbot.reminders.queue.depth", ObserveDepth,
            description: "Reminders in the outbox not yet sent, by state: due (waiting for the dispatcher), in_flight (claimed), scheduled (due later)");
        oldestAge = meter.CreateObservableGauge("partnershipbot.reminders.queue.oldest_due_age", ObserveOldestAge, unit: "s",
            description: "How long the oldest due or in-flight reminder has been due; 0 when none is");
    }

    /// <summary>Whether anything (an exporter, a test's listener) reads the gauges; when nothing does, measuring is wasted work.</summary>
    public bool Observed => depth.Enabled || oldestAge.Enabled;

    /// <summary>Measures the queue now; on failure the gauges go quiet until the next success, and the exception propagates.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            last = new Measured(await stats.MeasureAsync(now, cancellationToken), now);
        }
        catch
        {
            last = null;
            throw;
        }
    }

    private IEnumerable<Measurement<long>> ObserveDepth()
    {
        if (last is not { } measured)
        {
            return [];
        }

        var queue = measured.Snapshot;
        return
        [
            new(queue.Due, new KeyValuePair<string, object?>("state", "due")),
            new(queue.InFlight, new KeyValuePair<string, object?>("state", "in_flight")),
            new(queue.Scheduled, new KeyValuePair<string, object?>("state", "scheduled")),
        ];
    }

    private IEnumerable<Measurement<double>> ObserveOldestAge()
    {
        if (last is not { } measured)
        {
            return [];
        }

        var age = measured.Snapshot.OldestDueAt is { } oldest ? Math.Max(0, (measured.At - oldest).TotalSeconds) : 0;
        return [new(age)];
    }

    private sealed record Measured(ReminderQueueSnapshot Snapshot, DateTimeOffset At);
}
