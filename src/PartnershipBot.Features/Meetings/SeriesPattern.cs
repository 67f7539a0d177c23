using NodaTime;

namespace PartnershipBot.Features.Meetings;

/// <summary>The kinds of recurrence a board cadence maps onto.</summary>
public enum SeriesKind
{
    /// <summary>Every N weeks on a weekday.</summary>
    Weekly,
    /// <summary>Every N months on the Kth weekday (e.g. the second Tuesday every 3 months).</summary>
    RelativeMonthly,
}

/// <summary>A recurrence a calendar can express, numbered so it yields exactly the approved meetings.</summary>
/// <param name="Kind">Weekly or relative-monthly.</param>
/// <param name="Interval">Every how many weeks or months.</param>
/// <param name="Weekday">The day of the week.</param>
/// <param name="WeekOfMonth">For relative-monthly: 1-4 (first to fourth).</param>
/// <param name="FirstDate">The first occurrence.</param>
/// <param name="Occurrences">How many.</param>
public sealed record SeriesPattern(SeriesKind Kind, int Interval, IsoDayOfWeek Weekday, int WeekOfMonth, LocalDate FirstDate, int Occurrences)
{
    /// <summary>
    /// The pattern that yields exactly <paramref name="meetings"/> (same time and length, dates following one
    /// rule with nothing moved for a bank holiday), or null when only single events can express them, e.g.
    /// "10 times a year" with gaps, or a date moved off a holiday.
    /// </summary>
    public static SeriesPattern? Fit(IReadOnlyList<ProposedMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        if (meetings.Count < 2 || meetings.Any(m => m.Start.TimeOfDay != meetings[0].Start.TimeOfDay || m.End - m.Start != meetings[0].End - meetings[0].Start))
        {
            return null;
        }

        var dates = meetings.Select(m => m.Start.Date).ToList();
        var first = dates[0];
        if (dates.Any(d => d.DayOfWeek != first.DayOfWeek))
        {
            return null;
        }

        var weeks = Period.Between(dates[0], dates[1], PeriodUnits.Days).Days / 7;
        var weekly = new SeriesPattern(SeriesKind.Weekly, weeks, first.DayOfWeek, 0, first, dates.Count);
        if (weeks > 0 && dates.SequenceEqual(weekly.Dates()))
        {
            return weekly;
        }

        var weekOfMonth = ((first.Day - 1) / 7) + 1;
        var months = ((dates[1].Year - first.Year) * 12) + dates[1].Month - first.Month;
        var monthly = new SeriesPattern(SeriesKind.RelativeMonthly, months, first.DayOfWeek, weekOfMonth, first, dates.Count);
        return weekOfMonth <= 4 && months > 0 && dates.SequenceEqual(monthly.Dates()) ? monthly : null;
    }

    /// <summary>The occurrence dates.</summary>
    public IEnumerable<LocalDate> Dates()
    {
        for (var i = 0; i < Occurrences; i++)
        {
            if (Kind == SeriesKind.Weekly)
            {
                yield return FirstDate.PlusWeeks(Interval * i);
                continue;
            }

            var month = new LocalDate(FirstDate.Year, FirstDate.Month, 1).PlusMonths(Interval * i);
            yield return month.With(DateAdjusters.NextOrSame(Weekday)).PlusWeeks(WeekOfMonth - 1);
        }
    }
}
