using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace PartnershipBot.Features.Calendar;

/// <summary>A date before the bank-holiday data begins: the bot refuses to count rather than guess.</summary>
public sealed class OutsideHolidayDataException(string message) : InvalidOperationException(message);

/// <summary>
/// UK working days from the GOV.UK bank-holiday data: Monday to Friday, not a bank holiday in the board's
/// nation. Counting steps from the meeting day without counting it ("3 working days before Tuesday 2 June"
/// is Thursday 28 May). Past the data's last year the standing rules (<see cref="UkHolidayRules"/>) apply and the
/// calendar's own listener is told (see <see cref="Create"/>; the host's is <see cref="UkCalendars"/>, which logs a
/// warning that the data wants refreshing); dates before the data begins are refused.
/// </summary>
public sealed class UkWorkingDays
{
    private static readonly Lazy<IReadOnlyDictionary<UkNation, IReadOnlySet<LocalDate>>> EmbeddedHolidays = new(LoadEmbedded);
    private static readonly Lazy<IReadOnlyDictionary<UkNation, UkWorkingDays>> Unobserved =
        new(() => Enum.GetValues<UkNation>().ToDictionary(n => n, n => Create(n, beyondData: null)));

    private readonly IReadOnlySet<LocalDate> holidays;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlySet<LocalDate>> ruleYears = new();
    private readonly Action<UkNation, int>? beyondData;

    private UkWorkingDays(UkNation nation, IReadOnlySet<LocalDate> holidays, Action<UkNation, int>? beyondData)
    {
        Nation = nation;
        this.holidays = holidays;
        this.beyondData = beyondData;
        First = holidays.Min();
        Last = holidays.Max();
    }

    /// <summary>The nation whose holidays apply.</summary>
    public UkNation Nation { get; }

    /// <summary>The first holiday in the data.</summary>
    public LocalDate First { get; }

    /// <summary>The last holiday in the data: past its year the standing rules are used.</summary>
    public LocalDate Last { get; }

    /// <summary>The calendar for <paramref name="nation"/> from the bundled GOV.UK data, telling no one when it counts past the data (admin verbs, tests).</summary>
    public static UkWorkingDays For(UkNation nation) => Unobserved.Value[nation];

    /// <summary>
    /// A calendar for <paramref name="nation"/> that calls <paramref name="beyondData"/> (nation, year) the first time it
    /// counts a year past the data by the standing rules: once per year for this calendar.
    /// </summary>
    public static UkWorkingDays Create(UkNation nation, Action<UkNation, int>? beyondData) => new(nation, EmbeddedHolidays.Value[nation], beyondData);

    /// <summary>True for Monday to Friday outside bank holidays.</summary>
    public bool IsWorkingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>True when <paramref name="date"/> is a bank holiday in this nation.</summary>
    public bool IsBankHoliday(LocalDate date)
    {
        EnsureCovered(date);
        return date.Year <= Last.Year ? holidays.Contains(date) : RuleYear(date.Year).Contains(date);
    }

    /// <summary>The rule-based holidays of a year past the data, telling the listener the first time.</summary>
    private IReadOnlySet<LocalDate> RuleYear(int year)
    {
        if (ruleYears.TryGetValue(year, out var known))
        {
            return known;
        }

        var computed = UkHolidayRules.For(Nation, year);
        // TryAdd decides the one caller that tells, even when two turns count the same new year at once.
        if (ruleYears.TryAdd(year, computed))
        {
            beyondData?.Invoke(Nation, year);
        }

        return ruleYears[year];
    }

    /// <summary>Steps <paramref name="count"/> working days from <paramref name="from"/> (negative: back), not counting <paramref name="from"/>.</summary>
    public LocalDate AddWorkingDays(LocalDate from, int count)
    {
        var step = count < 0 ? -1 : 1;
        var date = from;
        for (var remaining = Math.Abs(count); remaining > 0;)
        {
            date = date.PlusDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>The date itself when it is a working day, else the working day before it.</summary>
    public LocalDate OnOrBefore(LocalDate date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.PlusDays(-1);
        }

        return date;
    }

    private void EnsureCovered(LocalDate date)
    {
        if (date.Year < First.Year)
        {
            var pattern = LocalDatePattern.Iso;
            throw new OutsideHolidayDataException(
                $"{pattern.Format(date)} is before the bank-holiday data for {Nation.Division()} begins ({pattern.Format(First)}), so I can't count working days that far back.");
        }
    }

    private static Dictionary<UkNation, IReadOnlySet<LocalDate>> LoadEmbedded()
    {
        using var stream = typeof(UkWorkingDays).Assembly.GetManifestResourceStream("PartnershipBot.uk-bank-holidays.json")
            ?? throw new InvalidOperationException("The bank-holiday data is missing from the build.");
        using var json = JsonDocument.Parse(stream);
        return Enum.GetValues<UkNation>().ToDictionary(n => n, IReadOnlySet<LocalDate> (n) => json.RootElement.GetProperty(n.Division()).GetProperty("events").EnumerateArray()
            .Select(e => LocalDatePattern.Iso.Parse(e.GetProperty("date").GetString()!).Value).ToHashSet());
    }
}
