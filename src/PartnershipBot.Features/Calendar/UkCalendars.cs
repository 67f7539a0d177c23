using Microsoft.Extensions.Logging;

namespace PartnershipBot.Features.Calendar;

/// <summary>
/// The host's working-day calendars, one per nation. Past the bundled GOV.UK data the standing rules count, and the
/// first time each calendar counts such a year it logs a warning so someone refreshes the data. Injected rather than
/// a static event, so each host built (tests build hundreds) has its own listener and none outlives its host.
/// </summary>
public sealed partial class UkCalendars
{
    private readonly Dictionary<UkNation, UkWorkingDays> calendars;

    /// <summary>Creates the calendars, each telling <paramref name="logger"/>.</summary>
    public UkCalendars(ILogger<UkCalendars> logger)
    {
        calendars = Enum.GetValues<UkNation>().ToDictionary(
            n => n, n => UkWorkingDays.Create(n, (nation, year) => LogBeyondHolidayData(logger, nation.Division(), year)));
    }

    /// <summary>The calendar of <paramref name="nation"/>.</summary>
    public UkWorkingDays For(UkNation nation) => calendars[nation];

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Counting {Division} working days in {Year} by the standing bank-holiday rules: the bundled GOV.UK data ends before then. Refresh src/PartnershipBot.Features/Calendar/Data/uk-bank-holidays.json.")]
    private static partial void LogBeyondHolidayData(ILogger logger, string division, int year);
}
