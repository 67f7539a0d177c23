using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace PartnershipBot.Features.Meetings;

/// <summary>How meetings' times are read and written for people: UK time, long dates.</summary>
public static partial class MeetingTimes
{
    /// <summary>Boards' time zone (Europe/London: GMT in winter, BST in summer).</summary>
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>"Tuesday 8 December 2026".</summary>
    public static readonly LocalDatePattern LongDate = LocalDatePattern.Create("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Tuesday 8 December 2026, 10:00–12:00 (UK time)".</summary>
    public static string Describe(DateTimeOffset start, DateTimeOffset end)
    {
        var localStart = Instant.FromDateTimeOffset(start).InZone(London);
        var localEnd = Instant.FromDateTimeOffset(end).InZone(London);
        return string.Create(CultureInfo.InvariantCulture, $"{LongDate.Format(localStart.Date)}, {localStart.TimeOfDay:HH:mm}–{localEnd.TimeOfDay:HH:mm} (UK time)");
    }

    /// <summary>The London date of an instant.</summary>
    public static LocalDate DateOf(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(London).Date;

    /// <summary>
    /// A date people typed: "12 March", "12 March 2027", "2027-03-12", "12/03/2027" (UK order). Without a year, the
    /// next such date on or after <paramref name="today"/>.
    /// </summary>
    public static LocalDate? ParseDate(string text, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(text);
        // "Thursday 12 March": the weekday adds nothing once the date is known.
        var trimmed = Weekday().Replace(text.Trim().TrimEnd('.', ','), string.Empty).Replace("the ", string.Empty, StringComparison.OrdinalIgnoreCase);
        trimmed = Ordinal().Replace(trimmed, "$1");
        foreach (var pattern in new[] { "uuuu-MM-dd", "d/M/uuuu", "d MMMM uuuu", "d MMM uuuu" })
        {
            if (LocalDatePattern.Create(pattern, CultureInfo.InvariantCulture).Parse(trimmed) is { Success: true } full)
            {
                return full.Value;
            }
        }

        foreach (var pattern in new[] { "d MMMM", "d MMM" })
        {
            var parsed = LocalDatePattern.Create(pattern, CultureInfo.InvariantCulture, new LocalDate(today.Year, 1, 1)).Parse(trimmed);
            if (parsed.Success)
            {
                return parsed.Value >= today ? parsed.Value : parsed.Value.PlusYears(1);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Ordinal();
}
