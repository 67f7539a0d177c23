using NodaTime;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// How a board likes its meetings laid out when the ToR gives only a cadence. Defaults: the second
/// Tuesday of the month at 10:00 Europe/London, two hours (or the ToR's cap).
/// </summary>
/// <param name="Weekday">Day of the week meetings fall on.</param>
/// <param name="WeekOfMonth">Which occurrence of that day in the month (1-4).</param>
/// <param name="StartTime">Local start time.</param>
/// <param name="DefaultDuration">Length when the ToR does not cap it.</param>
/// <param name="TimeZone">The board's time zone (IANA id).</param>
public sealed record MeetingPreferences(IsoDayOfWeek Weekday, int WeekOfMonth, LocalTime StartTime, Duration DefaultDuration, string TimeZone)
{
    /// <summary>The defaults above.</summary>
    public static MeetingPreferences Default { get; } =
        new(IsoDayOfWeek.Tuesday, 2, new LocalTime(10, 0), Duration.FromHours(2), "Europe/London");
}
