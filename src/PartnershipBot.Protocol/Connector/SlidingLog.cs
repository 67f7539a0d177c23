namespace PartnershipBot.Protocol.Connector;

/// <summary>
/// Exact sliding windows for one sender (a conversation or a tenant): at most <c>Permits</c> starts in any span of
/// <c>Window</c>, for each limit, as Teams counts them. It remembers the recent start times per limit; a caller is
/// given the earliest slot that keeps every limit (one window after the oldest start that would otherwise be
/// exceeded, plus a small margin for the network) and waits for it. Slots are handed out under a lock in arrival
/// order, so no timer and no replenishment tick decide the rate.
/// </summary>
/// <remarks>
/// This replaces System.Threading.RateLimiting's sliding windows. Inside a PartitionedRateLimiter those are
/// replenished by a 100 ms heartbeat that visits every partition: a "50 a second" window let only about 42 a
/// second through while its segment boundaries still let bursts past Teams' exact window, and with a partition
/// per conversation kept for 30 seconds, a busy bot's heartbeat visited tens of thousands of them ten times a second.
/// </remarks>
internal sealed class SlidingLog(IReadOnlyList<(int Permits, TimeSpan Window)> limits, TimeSpan margin)
{
    private readonly Queue<DateTimeOffset>[] starts = [.. limits.Select(_ => new Queue<DateTimeOffset>())];
    private readonly TimeSpan longest = limits.Max(l => l.Window);
    private readonly Lock gate = new();
    private DateTimeOffset last = DateTimeOffset.MinValue;
    private bool retired;

    /// <summary>Reserves the next slot at or after <paramref name="now"/>; false once the log was retired as idle.</summary>
    public bool TryReserve(DateTimeOffset now, out DateTimeOffset slot)
    {
        lock (gate)
        {
            slot = now > last ? now : last;
            if (retired)
            {
                return false;
            }

            for (var i = 0; i < limits.Count; i++)
            {
                if (starts[i].Count == limits[i].Permits)
                {
                    var freed = starts[i].Peek() + limits[i].Window + margin;
                    slot = freed > slot ? freed : slot;
                }
            }

            for (var i = 0; i < limits.Count; i++)
            {
                if (starts[i].Count == limits[i].Permits)
                {
                    starts[i].Dequeue();
                }

                starts[i].Enqueue(slot);
            }

            last = slot;
            return true;
        }
    }

    /// <summary>Retires the log when nothing it remembers can still hold a caller back; true when it did.</summary>
    public bool TryRetireIfIdle(DateTimeOffset now)
    {
        lock (gate)
        {
            retired = retired || last + longest + margin < now;
            return retired;
        }
    }
}
