using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// "the 12 March meeting": finds the board's meeting on a day and month as people say it in chat (the next one on that
/// day, or that exact date when a year is given). Commands embed <see cref="DatePattern"/> and pass its groups here.
/// </summary>
public static class MeetingOnDate
{
    /// <summary>A day and month with an optional year, in named groups day, month and year (for embedding in a command's pattern).</summary>
    public const string DatePattern = @"(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+(?<year>\d{4}))?";

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <summary>The month (1–12) a name or its first three letters stands for, or 0.</summary>
    public static int MonthNumber(string text) =>
        Array.FindIndex(Months, m => m.Length > 0 && m.StartsWith(text[..Math.Min(3, text.Length)], StringComparison.OrdinalIgnoreCase)) + 1;

    /// <summary>The meeting of <paramref name="board"/> on the date a match of <see cref="DatePattern"/> holds, or null.</summary>
    public static async Task<MeetingRecord?> FindAsync(IMeetingStore meetings, string board, Match match, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(match);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var month = MonthNumber(match.Groups["month"].Value);
        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        var upcoming = await meetings.UpcomingAsync(board, now.AddDays(-1), 200, cancellationToken);
        return upcoming.FirstOrDefault(m => Instant.FromDateTimeOffset(m.StartsAt).InZone(MeetingTimes.London).Date is var date
            && date.Day == day && date.Month == month && (year is null || date.Year == year));
    }

    /// <summary>The meeting of <paramref name="board"/> on <paramref name="date"/> (UK date), cancelled ones left out, or null.</summary>
    public static async Task<MeetingRecord?> FindAsync(IMeetingStore meetings, string board, LocalDate date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var from = date.AtStartOfDayInZone(MeetingTimes.London).ToDateTimeOffset();
        var candidates = await meetings.UpcomingAsync(board, from, 20, cancellationToken);
        return candidates.FirstOrDefault(m => Instant.FromDateTimeOffset(m.StartsAt).InZone(MeetingTimes.London).Date == date);
    }
}
