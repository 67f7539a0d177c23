using System.Collections.Concurrent;

namespace PartnershipBot.Protocol.Connector;

/// <summary>
/// A <see cref="SlidingLog"/> per sender, created on first use and dropped once idle, so memory follows the
/// senders active in the last window, not every conversation the bot has ever answered.
/// </summary>
internal sealed class SlidingLogs(IReadOnlyList<(int Permits, TimeSpan Window)> limits, TimeSpan margin, TimeProvider time)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, SlidingLog> logs = new(StringComparer.Ordinal);
    private long nextSweepTicks = time.GetUtcNow().Add(SweepEvery).UtcTicks;

    /// <summary>Reserves <paramref name="sender"/>'s next slot and waits until it comes.</summary>
    public async ValueTask WaitAsync(string sender, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        SweepIfDue(now);
        SlidingLog log;
        DateTimeOffset slot;
        while (!(log = logs.GetOrAdd(sender, _ => new SlidingLog(limits, margin))).TryReserve(now, out slot))
        {
            // A sweep retired this sender's log between lookup and reservation: it was idle, so a fresh one is exact.
            // Only that log is removed, never a fresh one another caller may already have reserved in.
            logs.TryRemove(KeyValuePair.Create(sender, log));
        }

        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            // A cancelled caller keeps its reserved slot unused: the rate only errs on the slow side.
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, now.Add(SweepEvery).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (sender, log) in logs)
        {
            if (log.TryRetireIfIdle(now))
            {
                logs.TryRemove(KeyValuePair.Create(sender, log));
            }
        }
    }
}
