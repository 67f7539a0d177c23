using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PartnershipBot.Features.Reminders;

namespace PartnershipBot.Health;

/// <summary>
/// The reminder loop is alive and not stuck: it has started, no pass has run longer than the claim lease (after
/// which another instance may take the batch it holds), and a pass ended within a few poll intervals.
/// </summary>
public sealed class DispatcherHealthCheck(DispatcherHeartbeat heartbeat, IOptions<ReminderOptions> reminders, TimeProvider time) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var lease = reminders.Value.ClaimLease;
        var poll = reminders.Value.PollInterval;
        if (!heartbeat.Started)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The reminder dispatcher has not started."));
        }

        if (heartbeat.RunningSince is { } since && now - since > lease)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"A reminder pass has run for {Round(now - since)}, longer than the claim lease ({lease})."));
        }

        if (heartbeat.RunningSince is null && heartbeat.LastEnded is { } ended && now - ended > 3 * poll + lease)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"No reminder pass for {Round(now - ended)} (poll interval {poll})."));
        }

        return Task.FromResult(HealthCheckResult.Healthy("The reminder dispatcher is running."));
    }

    private static TimeSpan Round(TimeSpan span) => TimeSpan.FromSeconds(Math.Round(span.TotalSeconds));
}
