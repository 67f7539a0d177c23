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
            DurationUnit.ClearDays => "clear day",
            DurationUnit.Weeks => "week",
            _ => "calendar day",
        };
        return $"{Amount} {unit}{(Amount == 1 ? string.Empty : "s")} {(BeforeMeeting ? "before" : "after")} the meeting";
    }

    /// <summary>Finds the first period in <paramref name="text"/>; null when there is none.</summary>
    public static NoticePeriod? Parse(string text, bool beforeMeeting)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Period().Match(text);
        if (!match.Success || NumberWords.Parse(match.Groups["n"].Value) is not { } amount)
        {
            return null;
        }

        var qualifier = match.Groups["q"].Value.ToLowerInvariant();
        var unit = match.Groups["u"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? DurationUnit.Weeks
            : qualifier.StartsWith("working", StringComparison.Ordinal) || qualifier.StartsWith("business", StringComparison.Ordinal) ? DurationUnit.WorkingDays
            : qualifier.StartsWith("clear", StringComparison.Ordinal) ? DurationUnit.ClearDays
            : DurationUnit.CalendarDays;
        return new NoticePeriod(amount, unit, beforeMeeting, match.Value);
    }

    [GeneratedRegex(@"\b(?<n>" + NumberWords.Pattern + @")\s*(?:\(\d+\)\s*)?(?<q>clear\s+|working\s+|business\s+|calendar\s+)?(?<u>days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Period();
}
