namespace PartnershipBot.Health;

/// <summary>
/// What the reminder dispatch loop last did, for readiness: when its current pass started (if one is running)
/// and when the last one ended. Written by <see cref="ReminderDispatchService"/>, read by <see cref="DispatcherHealthCheck"/>.
/// </summary>
public sealed class DispatcherHeartbeat(TimeProvider time)
{
    private long runningSince = long.MinValue;
    private long lastEnded = long.MinValue;

    /// <summary>True once the loop has begun its first pass.</summary>
    public bool Started => Volatile.Read(ref runningSince) != long.MinValue || Volatile.Read(ref lastEnded) != long.MinValue;

    /// <summary>When the pass in progress began, or null between passes.</summary>
    public DateTimeOffset? RunningSince => Read(ref runningSince);

    /// <summary>When the last pass ended (successfully or not), or null before the first.</summary>
    public DateTimeOffset? LastEnded => Read(ref lastEnded);

    /// <summary>A pass begins.</summary>
    public void PassStarted() => Volatile.Write(ref runningSince, time.GetUtcNow().UtcTicks);

    /// <summary>A pass ended, whether it sent anything or failed.</summary>
    public void PassEnded()
    {
        Volatile.Write(ref lastEnded, time.GetUtcNow().UtcTicks);
        Volatile.Write(ref runningSince, long.MinValue);
    }

    private static DateTimeOffset? Read(ref long ticks)
    {
        var value = Volatile.Read(ref ticks);
        return value == long.MinValue ? null : new DateTimeOffset(value, TimeSpan.Zero);
    }
}
