using PartnershipBot.Features.Boards;

namespace PartnershipBot.Features.Calendar;

/// <summary>The working-day calendar of a board: its nation's bank holidays (England and Wales unless the board set another).</summary>
public sealed class BoardWorkingDays(IBoardNations nations, UkCalendars calendars)
{
    /// <summary>The calendar <paramref name="boardName"/> counts deadlines in.</summary>
    public async Task<UkWorkingDays> ForAsync(string boardName, CancellationToken cancellationToken) =>
        calendars.For(await nations.NationOfAsync(boardName, cancellationToken));
}
