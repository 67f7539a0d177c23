using System.Text.RegularExpressions;
using NodaTime;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// Turns a ToR's meeting cadence into dates: named months ("June, September, December, March"), a rate
/// ("monthly", "10 times per year", spread evenly through the year), or an interval ("every eight
/// weeks"). Meetings avoid weekends and bank holidays (moved to the next working day), last as long as the
/// ToR allows ("no longer than one and a half hours"), and a ToR that leaves the cadence to the group
/// gets a refusal that says so.
/// </summary>
public static partial class ScheduleProposer
{
    /// <summary>Proposes <paramref name="count"/> meetings on or after <paramref name="from"/>.</summary>
    public static ScheduleProposal Propose(TermsOfReferenceModel model, LocalDate from, int count, MeetingPreferences preferences, UkWorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var fact = model.Facts[Topic.Frequency];
        if (model.Frequency is not { } frequency)
        {
            var deferral = fact.Evidence.FirstOrDefault(p => LeftToTheGroup().IsMatch(p.Text));
            var why = deferral is not null
                ? $"the ToR leaves the meeting cadence to the board: “{deferral.Text}” ({deferral.Section})"
                : "the ToR does not say how often the board meets";
            return new ScheduleProposal([], $"No schedule proposed: {why}.");
        }

        var zone = DateTimeZoneProviders.Tzdb[preferences.TimeZone];
        var duration = DurationCap(frequency.Text) ?? preferences.DefaultDuration;
        var dates = Dates(frequency, from, preferences).Select(d => NextWorkingDay(d, calendar)).Where(d => d >= from).Distinct().Take(count);
        var meetings = dates.Select(d =>
        {
            var start = (d + preferences.StartTime).InZoneLeniently(zone);
            return new ProposedMeeting(start, start.Plus(duration), frequency.Text);
        }).ToList();
        return new ScheduleProposal(meetings, null);
    }

    /// <summary>The ToR's cap on a meeting's length ("no longer than one and half hours", "last two hours"), if any.</summary>
    public static Duration? DurationCap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Length().Match(text);
        if (!match.Success || NumberWords.Parse(match.Groups["n"].Value) is not { } whole)
        {
            return null;
        }

        var minutes = match.Groups["u"].Value.StartsWith("minute", StringComparison.OrdinalIgnoreCase) ? whole : whole * 60;
        return Duration.FromMinutes(minutes + (match.Groups["half"].Success ? 30 : 0));
    }

    private static IEnumerable<LocalDate> Dates(MeetingFrequency frequency, LocalDate from, MeetingPreferences preferences)
    {
        var interval = IntervalWeeks().Match(frequency.Text);
        if (interval.Success)
        {
            var weeks = interval.Groups[1].Success ? NumberWords.Parse(interval.Groups[1].Value) ?? 1 : 1;
            for (var date = from.With(DateAdjusters.NextOrSame(preferences.Weekday)); ; date = date.PlusWeeks(weeks))
            {
                yield return date;
            }
        }

        var months = frequency.Months.Count >= 2 ? frequency.Months : EvenlySpreadMonths(frequency.PerYear ?? 12, from.Month);
        for (var year = from.Year; ; year++)
        {
            foreach (var month in months.Order())
            {
                yield return NthWeekday(year, month, preferences.Weekday, preferences.WeekOfMonth);
            }
        }
    }

    /// <summary>N meetings a year spread evenly from the starting month: 4 → every third month, 10 → two gaps.</summary>
    private static List<int> EvenlySpreadMonths(double perYear, int firstMonth)
    {
        var n = Math.Clamp((int)Math.Round(perYear), 1, 12);
        return [.. Enumerable.Range(0, n).Select(i => ((firstMonth - 1 + (int)Math.Round(i * 12.0 / n)) % 12) + 1).Distinct()];
    }

    private static LocalDate NthWeekday(int year, int month, IsoDayOfWeek weekday, int n) =>
        new LocalDate(year, month, 1).With(DateAdjusters.NextOrSame(weekday)).PlusWeeks(Math.Clamp(n, 1, 4) - 1);

    private static LocalDate NextWorkingDay(LocalDate date, UkWorkingDays calendar)
    {
        while (!calendar.IsWorkingDay(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    [GeneratedRegex(@"\b(?:decide|determine|agree|set)\w*\b[^.]{0,40}\bfrequency\b|\bfrequency\b[^.]{0,40}\b(?:decided|determined|agreed|set) by\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LeftToTheGroup();

    [GeneratedRegex(@"\bevery\s+(" + NumberWords.Pattern + @"\s+)?weeks?\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex IntervalWeeks();

    [GeneratedRegex(@"\b(?:no (?:longer|more) than|last(?:ing)?|up to|maximum of|normally last)\s+(?<n>" + NumberWords.Pattern + @")(?<half>\s+and\s+(?:a\s+)?half)?\s+(?<u>hours?|minutes)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Length();
}
