using System.Globalization;
using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// How often a board meets, read from wording such as "monthly", "4 times a year (June, September,
/// December, March)" or "10 times per year". Scheduling uses <see cref="PerYear"/> and <see cref="Months"/>.
/// </summary>
/// <param name="PerYear">Meetings a year, when the wording gives a rate.</param>
/// <param name="Months">Named months (1-12) in the order written, when the wording lists them.</param>
/// <param name="Text">The wording.</param>
public sealed partial record MeetingFrequency(double? PerYear, IReadOnlyList<int> Months, string Text)
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>Reads a frequency; null when the text states no rate and names fewer than two months.</summary>
    public static MeetingFrequency? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var months = MonthsIn(text);
        var perYear = Rate(text);
        if (perYear is null && months.Count < 2)
        {
            return null;
        }

        return new MeetingFrequency(perYear ?? months.Count, months, text);
    }

    /// <summary>Month numbers named in <paramref name="text"/>, in order, without repeats.</summary>
    public static List<int> MonthsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. MonthName().Matches(text)
            .Select(m => Array.FindIndex(MonthNames, n => n.Equals(m.Value, StringComparison.OrdinalIgnoreCase)) + 1)
            .Distinct()];
    }

    /// <summary>Meetings a year implied by a rate phrase such as "quarterly" or "every six weeks".</summary>
    public static double? Rate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var times = TimesPerYear().Match(text);
        if (times.Success && NumberWords.Parse(times.Groups[1].Value) is { } n)
        {
            return n;
        }

        var every = Every().Match(text);
        if (every.Success)
        {
            var count = every.Groups[1].Success ? NumberWords.Parse(every.Groups[1].Value) ?? 1 : 1;
            return every.Groups[2].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? 52.0 / count : 12.0 / count;
        }

        var word = RateWord().Match(text);
        // "once per school term" reads as "once a term"; England's schools have three terms a year.
        return word.Success ? word.Groups[1].Value.ToLowerInvariant().Replace("school ", string.Empty, StringComparison.Ordinal).Replace(" per ", " a ", StringComparison.Ordinal)
            .Replace(" each ", " a ", StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal) switch
        {
            "weekly" => 52,
            "fortnightly" => 26,
            "monthly" => 12,
            "bimonthly" => 6,
            "sixweekly" => 52.0 / 6,
            "quarterly" => 4,
            "sixmonthly" or "biannually" or "twiceayear" or "twiceyearly" => 2,
            "annually" or "yearly" or "onceayear" => 1,
            "twice" => 2,
            "onceaweek" or "everyweek" => 52,
            "onceamonth" or "everymonth" => 12,
            "twiceamonth" => 24,
            "termly" or "onceaterm" or "everyterm" or "eachterm" => 3,
            "twiceaterm" => 6,
            _ => null,
        } : null;
    }

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex MonthName();

    [GeneratedRegex(@"\b(" + NumberWords.Pattern + @")\s+(?:times|occasions|meetings)\s+(?:a|per|each|every|in a)\s+(?:year|annum)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex TimesPerYear();

    [GeneratedRegex(@"\bevery\s+(" + NumberWords.Pattern + @"\s+)?(weeks?|months?)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Every();

    [GeneratedRegex(@"\b(weekly|fortnightly|monthly|bi-?monthly|six-?weekly|quarterly|six-?monthly|bi-?annually|twice a year|twice yearly|annually|yearly|once a year|once a week|every week|once a month|every month|twice a month|termly|(?:once|twice) (?:a|per|each) (?:school )?term|(?:every|each) (?:school )?term)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex RateWord();
}
