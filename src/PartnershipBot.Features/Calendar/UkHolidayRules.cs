using NodaTime;

namespace PartnershipBot.Features.Calendar;

/// <summary>
/// The standing rules for UK bank holidays, used only past the GOV.UK data's last year (one-off holidays by Royal
/// Proclamation appear only in the data). A holiday on a weekend, or on a day another holiday already took, moves to
/// the next weekday free (Christmas on a Saturday: Monday 27th, Boxing Day Tuesday 28th).
/// </summary>
public static class UkHolidayRules
{
    /// <summary>The bank holidays of <paramref name="nation"/> in <paramref name="year"/> by the standing rules.</summary>
    public static IReadOnlySet<LocalDate> For(UkNation nation, int year)
    {
        var easter = EasterSunday(year);
        var days = new List<LocalDate> { new(year, 1, 1) };
        if (nation == UkNation.Scotland)
        {
            days.Add(new LocalDate(year, 1, 2));
        }

        if (nation == UkNation.NorthernIreland)
        {
            days.Add(new LocalDate(year, 3, 17));
        }

        days.Add(easter.PlusDays(-2));
        if (nation != UkNation.Scotland)
        {
            days.Add(easter.PlusDays(1));
        }

        days.Add(FirstMonday(year, 5));
        days.Add(LastMonday(year, 5));
        if (nation == UkNation.NorthernIreland)
        {
            days.Add(new LocalDate(year, 7, 12));
        }

        days.Add(nation == UkNation.Scotland ? FirstMonday(year, 8) : LastMonday(year, 8));
        if (nation == UkNation.Scotland)
        {
            days.Add(new LocalDate(year, 11, 30));
        }

        days.Add(new LocalDate(year, 12, 25));
        days.Add(new LocalDate(year, 12, 26));

        var taken = new HashSet<LocalDate>();
        foreach (var day in days.Order())
        {
            var date = day;
            while (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || taken.Contains(date))
            {
                date = date.PlusDays(1);
            }

            taken.Add(date);
        }

        return taken;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus).</summary>
    public static LocalDate EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    private static LocalDate FirstMonday(int year, int month) => new LocalDate(year, month, 1).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));

    private static LocalDate LastMonday(int year, int month) => new LocalDate(year, month, 1).With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
}
