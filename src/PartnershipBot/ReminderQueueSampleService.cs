using Microsoft.Extensions.Options;
using PartnershipBot.Features.Reminders;

namespace PartnershipBot;

/// <summary>
/// Measures the reminder queue for its gauges every <c>Reminders:PollInterval</c>, on its own loop so a dispatch pass
/// that hangs cannot freeze the very gauge (oldest due age) that would show it. Skips the query while no exporter
/// or listener reads the gauges (telemetry off).
/// </summary>
public sealed partial class ReminderQueueSampleService(ReminderQueueGauges gauges, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderQueueSampleService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            if (!gauges.Observed)
            {
                continue;
            }

            try
            {
                await gauges.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The readiness check reports an unreachable database; here it only means no reading this time.
                LogSampleFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Reminder queue gauges not measured: {Reason}")]
    private static partial void LogSampleFailed(ILogger logger, string reason);
}
