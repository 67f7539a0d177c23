using System.Text.RegularExpressions;
using NodaTime;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Deadlines;

/// <summary>What a deadline is for.</summary>
public enum DeadlineKind
{
    /// <summary>Papers or reports for the meeting.</summary>
    Papers,
    /// <summary>The agenda.</summary>
    Agenda,
    /// <summary>The minutes after the meeting.</summary>
    Minutes,
    /// <summary>Anything else with a period.</summary>
    Other,
}

/// <summary>
/// A ToR deadline rule ("Papers will be sent out at least three working days before a meeting", "minutes
/// within 10 working days") applied to a meeting date with UK working days.
/// </summary>
/// <param name="Kind">Papers, agenda, minutes or other.</param>
/// <param name="Period">The typed duration and its direction.</param>
public sealed partial record DeadlineRule(DeadlineKind Kind, NoticePeriod Period)
{
    /// <summary>Reads the first deadline in <paramref name="text"/>; null when it states none.</summary>
    public static DeadlineRule? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var probe = NoticePeriod.Parse(text, beforeMeeting: true);
        if (probe is null)
        {
            return null;
        }

        var at = text.IndexOf(probe.Text, StringComparison.Ordinal);
        var before = text[..at];
        var after = text[(at + probe.Text.Length)..];
        var kind = KindWords().Matches(before).LastOrDefault()?.Value.ToLowerInvariant() switch
        {
            "minutes" => DeadlineKind.Minutes,
            "agenda" or "agendas" => DeadlineKind.Agenda,
            null => DeadlineKind.Other,
            _ => DeadlineKind.Papers,
        };
        // "... 5 working days before the meeting" is before; "within 10 working days" of it is after;
        // with neither, minutes follow a meeting and everything else precedes it.
        var beforeMeeting = BeforeWords().IsMatch(after.Length > 40 ? after[..40] : after)
            || (!AfterWords().IsMatch(before.Length > 40 ? before[^40..] : before) && !AfterWords().IsMatch(after.Length > 20 ? after[..20] : after) && kind != DeadlineKind.Minutes);
        return new DeadlineRule(kind, probe with { BeforeMeeting = beforeMeeting });
    }

    /// <summary>
    /// The deadline for a meeting on <paramref name="meeting"/>. Working days step from the meeting day
    /// without counting it; calendar days and weeks count every day, and a "before" deadline that lands on
    /// a weekend or bank holiday moves to the working day before; clear days exclude both the sending day
    /// and the meeting day.
    /// </summary>
    public LocalDate DeadlineFor(LocalDate meeting, UkWorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var sign = Period.BeforeMeeting ? -1 : 1;
        var date = Period.Unit switch
        {
            DurationUnit.WorkingDays => calendar.AddWorkingDays(meeting, sign * Period.Amount),
            DurationUnit.Weeks => meeting.PlusDays(sign * 7 * Period.Amount),
            DurationUnit.ClearDays => meeting.PlusDays(sign * (Period.Amount + 1)),
            DurationUnit.ClearWorkingDays => calendar.AddWorkingDays(meeting, sign * (Period.Amount + 1)),
            DurationUnit.Months => meeting.PlusMonths(sign * Period.Amount),
            _ => meeting.PlusDays(sign * Period.Amount),
        };
        return Period.BeforeMeeting ? calendar.OnOrBefore(date) : date;
    }

    [GeneratedRegex(@"\b(minutes|agendas?|papers?|reports?|documents?|information)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex KindWords();

    [GeneratedRegex(@"\b(?:within|after|following)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AfterWords();

    [GeneratedRegex(@"\b(?:before|prior to|in advance|ahead of)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BeforeWords();
}
