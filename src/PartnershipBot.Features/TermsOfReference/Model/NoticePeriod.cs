using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>How a ToR counts a notice period.</summary>
public enum DurationUnit
{
    /// <summary>Monday to Friday excluding bank holidays.</summary>
    WorkingDays,
    /// <summary>Every day counts.</summary>
    CalendarDays,
    /// <summary>Whole days excluding the day sent and the meeting day.</summary>
    ClearDays,
    /// <summary>Seven calendar days each.</summary>
    Weeks,
    /// <summary>Calendar months ("one calendar month").</summary>
    Months,
    /// <summary>Working days excluding both the day sent and the meeting day ("five clear working days").</summary>
    ClearWorkingDays,
}

/// <summary>
/// A deadline relative to a meeting, typed so reminders can compute it: "at least three working days
/// before" is (3, WorkingDays, before); "within 10 working days" of the meeting is (10, WorkingDays, after).
/// </summary>
/// <param name="Amount">How many units.</param>
/// <param name="Unit">Working, calendar or clear days, or weeks.</param>
/// <param name="BeforeMeeting">True for a deadline before the meeting (papers), false for after (minutes).</param>
/// <param name="Text">The wording it was read from.</param>
public sealed partial record NoticePeriod(int Amount, DurationUnit Unit, bool BeforeMeeting, string Text)
{
    /// <summary>"3 working days before the meeting", for members and logs.</summary>
    public string Describe()
    {
        var unit = Unit switch
        {
            DurationUnit.WorkingDays => "working day",
            DurationUnit.ClearWorkingDays => "clear working day",
            DurationUnit.ClearDays => "clear day",
            DurationUnit.Weeks => "week",
            DurationUnit.Months => "calendar month",
            _ => "calendar day",
        };
        return $"{Amount} {unit}{(Amount == 1 ? string.Empty : "s")} {(BeforeMeeting ? "before" : "after")} the meeting";
    }

    /// <summary>Finds the first period in <paramref name="text"/>; null when there is none.</summary>
    public static NoticePeriod? Parse(string text, bool beforeMeeting)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Period().Match(text);
        var number = match.Groups["n"].Value.ToLowerInvariant();
        if (!match.Success || (number is "a" or "an" ? 1 : NumberWords.Parse(number)) is not { } amount)
        {
            return null;
        }

        var qualifier = match.Groups["q"].Value.ToLowerInvariant();
        var clear = qualifier.Contains("clear", StringComparison.Ordinal);
        var working = qualifier.Contains("working", StringComparison.Ordinal) || qualifier.Contains("business", StringComparison.Ordinal);
        var unitWord = match.Groups["u"].Value.ToLowerInvariant();
        var (count, unit) = unitWord switch
        {
            _ when unitWord.StartsWith("fortnight", StringComparison.Ordinal) => (amount * 2, DurationUnit.Weeks),
            _ when unitWord.StartsWith("week", StringComparison.Ordinal) => (amount, DurationUnit.Weeks),
            _ when unitWord.StartsWith("month", StringComparison.Ordinal) => (amount, DurationUnit.Months),
            _ when clear && working => (amount, DurationUnit.ClearWorkingDays),
            _ when working => (amount, DurationUnit.WorkingDays),
            _ when clear => (amount, DurationUnit.ClearDays),
            _ => (amount, DurationUnit.CalendarDays),
        };
        return new NoticePeriod(count, unit, beforeMeeting, match.Value);
    }

    // "at least three working days", "not less than five clear working days", "ten (10) days", "one calendar month",
    // "a week", "a fortnight".
    [GeneratedRegex(@"\b(?<n>" + NumberWords.Pattern + @"|an?)\s*(?:\(\d+\)\s*)?(?<q>(?:(?:clear|working|business|calendar)\s+){0,2})(?<u>days?|weeks?|months?|fortnights?)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Period();
}
