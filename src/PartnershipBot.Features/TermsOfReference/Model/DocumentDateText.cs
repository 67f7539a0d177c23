using System.Text.RegularExpressions;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// A calendar date as ToRs write them on a cover or version line: "June 2022", "6th October 2015", "DECEMBER 2014",
/// "03/11/2020". A bare year counts only where a title carries it (see the document-date topic's cues).
/// </summary>
public static partial class DocumentDateText
{
    private const string Months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    /// <summary>The date wording, for the topic's cues.</summary>
    public const string Pattern = @"(?:\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:" + Months + @")\.?,?\s+(?:19|20)\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d{2}\b)";

    /// <summary>The first date in <paramref name="text"/> as written, or a title's bare year; null when it has none.</summary>
    public static string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var date = FullDate().Match(text);
        if (date.Success)
        {
            return date.Value;
        }

        var year = TitleYear().Match(text);
        return year.Success ? year.Groups["year"].Value : null;
    }

    [GeneratedRegex(Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\bterms of reference\b[^.\n]{0,60}?\b(?<year>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TitleYear();
}
