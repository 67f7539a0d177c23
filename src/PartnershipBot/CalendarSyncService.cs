using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Infrastructure.Graph;

namespace PartnershipBot;

/// <summary>
/// Reads changes people make in Outlook back into the bot every <c>Graph:SyncInterval</c> (default 15 minutes):
/// a meeting moved there gets new deadlines and reminders, one cancelled there has its reminders withdrawn.
/// Does nothing in the local default, where the bot's own store is the calendar.
/// </summary>
public sealed partial class CalendarSyncService(
    MeetingBooking booking, IMeetingStore meetings, ITorLibrarySource library, BoardWorkingDays workingDays, GraphCalendarOptions options, TimeProvider time, ILogger<CalendarSyncService> logger) : BackgroundService
{
    /// <summary>One pass over every board with meetings booked in Outlook; returns how many meetings changed.</summary>
    public async Task<int> SyncOnceAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        var boards = await library.GetAsync(cancellationToken);
        foreach (var boardName in await meetings.BoardsWithBookedMeetingsAsync(time.GetUtcNow(), cancellationToken))
        {
            if (boards.Find(boardName) is { } model)
            {
                changed += await booking.SyncAsync(model, await workingDays.ForAsync(boardName, cancellationToken), cancellationToken);
            }
        }

        return changed;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!booking.Calendar.IsConnected)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.SyncInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var changed = await SyncOnceAsync(stoppingToken);
                LogSynced(logger, changed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Outlook or the database being briefly unavailable must not stop later syncs.
                LogSyncFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Calendar sync: {Changed} meeting(s) changed in Outlook")]
    private static partial void LogSynced(ILogger logger, int changed);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Calendar sync failed; retrying at the next interval")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
