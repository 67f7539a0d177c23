namespace PartnershipBot.Protocol.Connector;

/// <summary>
/// Keeps the bot inside Teams' published limits before the service has to throttle it: per conversation
/// 7 sends a second and 60 per 30 seconds; per app and tenant 50 requests a second. Callers wait for a
/// permit rather than fail, so a large fan-out simply runs at the ceiling. When Teams throttles anyway (a 429),
/// <see cref="PauseFor"/> holds every caller until its Retry-After has passed.
/// </summary>
public sealed class ConnectorRateLimiter
{
    // Requests leave a little after their slot and may be delayed on the way; the margin keeps that jitter from
    // putting 51 in Teams' second (20 ms still drew 45 429s on a loaded 2-core box; each 429 pauses every sender).
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(60);

    private readonly SlidingLogs conversations;
    private readonly SlidingLogs tenants;
    private readonly TimeProvider time;
    private long pausedUntilTicks;

    /// <summary>Creates the limiter with Teams' limits (overridable for tests and benchmarks).</summary>
    public ConnectorRateLimiter(int perConversationPerSecond = 7, int perConversationPer30Seconds = 60, int perTenantPerSecond = 50, TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        conversations = new SlidingLogs([(perConversationPerSecond, TimeSpan.FromSeconds(1)), (perConversationPer30Seconds, TimeSpan.FromSeconds(30))], Margin, this.time);
        tenants = new SlidingLogs([(perTenantPerSecond, TimeSpan.FromSeconds(1))], Margin, this.time);
    }

    /// <summary>How many times callers were held by a pause (for benchmarks and logs).</summary>
    public int Pauses => pauses;

    private int pauses;

    /// <summary>Holds every caller for <paramref name="delay"/> from now (a longer pause already in force wins).</summary>
    public void PauseFor(TimeSpan delay)
    {
        var until = (time.GetUtcNow() + delay).UtcTicks;
        long current;
        while ((current = Interlocked.Read(ref pausedUntilTicks)) < until && Interlocked.CompareExchange(ref pausedUntilTicks, until, current) != current)
        {
        }
    }

    /// <summary>Waits until a request to <paramref name="conversationId"/> may be sent.</summary>
    public async ValueTask WaitAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var wait = new DateTimeOffset(Interlocked.Read(ref pausedUntilTicks), TimeSpan.Zero) - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            Interlocked.Increment(ref pauses);
            await Task.Delay(wait, time, cancellationToken);
        }

        await conversations.WaitAsync(conversationId, cancellationToken);
        // The tenant's window last, nearest the send, so the slot it records is when the request leaves.
        await tenants.WaitAsync(tenantId ?? string.Empty, cancellationToken);
    }
}
