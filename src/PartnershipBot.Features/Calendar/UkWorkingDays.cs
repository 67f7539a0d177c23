using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace PartnershipBot.Features.Calendar;

/// <summary>A date the bank-holiday data does not cover: the bot refuses to count rather than guess.</summary>
public sealed class OutsideHolidayDataException(string message) : InvalidOperationException(message);

/// <summary>
/// UK working days from the GOV.UK bank-holiday data: Monday to Friday, not a bank holiday in the board's
/// nation. Counting steps from the meeting day without counting it ("3 working days before Tuesday 2 June"
/// is Thursday 28 May). Dates past the data's last holiday are refused, not treated as ordinary days.
/// </summary>
public sealed class UkWorkingDays
{
    private static readonly Lazy<IReadOnlyDictionary<UkNation, UkWorkingDays>> Embedded = new(LoadEmbedded);
    private readonly HashSet<LocalDate> holidays;

    private UkWorkingDays(UkNation nation, IEnumerable<LocalDate> holidays)
    {
        Nation = nation;
        this.holidays = [.. holidays];
        First = this.holidays.Min();
        Last = this.holidays.Max();
    }

    /// <summary>The nation whose holidays apply.</summary>
    public UkNation Nation { get; }

    /// <summary>The first holiday in the data.</summary>
    public LocalDate First { get; }

    /// <summary>The last holiday in the data: the horizon of safe counting.</summary>
    public LocalDate Last { get; }

    /// <summary>The calendar for <paramref name="nation"/> from the bundled GOV.UK data.</summary>
    public static UkWorkingDays For(UkNation nation) => Embedded.Value[nation];

    /// <summary>True for Monday to Friday outside bank holidays.</summary>
    public bool IsWorkingDay(LocalDate date)
    {
        EnsureCovered(date);
        return date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !holidays.Contains(date);
    }

    /// <summary>True when <paramref name="date"/> is a bank holiday in this nation.</summary>
    public bool IsBankHoliday(LocalDate date)
    {
        EnsureCovered(date);
        return holidays.Contains(date);
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
        if (date < First || date > Last)
        {
            var pattern = LocalDatePattern.Iso;
            throw new OutsideHolidayDataException(
                $"{pattern.Format(date)} is outside the bank-holiday data for {Nation.Division()} ({pattern.Format(First)} to {pattern.Format(Last)}); refresh the GOV.UK data before counting working days that far out.");
        }
    }

    private static Dictionary<UkNation, UkWorkingDays> LoadEmbedded()
    {
        using var stream = typeof(UkWorkingDays).Assembly.GetManifestResourceStream("PartnershipBot.uk-bank-holidays.json")
            ?? throw new InvalidOperationException("The bank-holiday data is missing from the build.");
        using var json = JsonDocument.Parse(stream);
        return Enum.GetValues<UkNation>().ToDictionary(n => n, n => new UkWorkingDays(n,
            json.RootElement.GetProperty(n.Division()).GetProperty("events").EnumerateArray()
                .Select(e => LocalDatePattern.Iso.Parse(e.GetProperty("date").GetString()!).Value)));
    }
}
