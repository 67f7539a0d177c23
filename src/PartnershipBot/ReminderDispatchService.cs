using Microsoft.Extensions.Options;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Health;

namespace PartnershipBot;

/// <summary>
/// The background loop that sends due reminders every <c>Reminders:PollInterval</c> (default 30 s). Each
/// instance has its own worker id; the outbox's claims keep instances from sending the same reminder.
/// </summary>
public sealed partial class ReminderDispatchService(ReminderDispatcher dispatcher, DispatcherHeartbeat heartbeat, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderDispatchService> logger) : BackgroundService
{
    private readonly string worker = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            heartbeat.PassStarted();
            try
            {
                await dispatcher.DispatchDueAsync(worker, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database or network blip must not stop reminders for good: log it and try at the next tick.
                LogDispatchFailed(logger, ex);
            }
            finally
            {
                heartbeat.PassEnded();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Reminder dispatch failed; retrying at the next tick")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
