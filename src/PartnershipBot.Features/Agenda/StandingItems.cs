using System.Text.RegularExpressions;

namespace PartnershipBot.Features.Agenda;

/// <summary>Where a board's standing items come from.</summary>
public enum StandingItemsSource
{
    /// <summary>The usual local-government order: the ToR lists none and the secretariat has not set any.</summary>
    Default,
    /// <summary>The list the board's Terms of Reference gives.</summary>
    TermsOfReference,
    /// <summary>Set by the secretariat in chat ("standing items: …").</summary>
    Secretariat,
}

/// <summary>
/// The standing items every agenda of a board carries: those taken before the business (apologies, declarations,
/// minutes, matters arising) and those after it (any other business, date of the next meeting).
/// </summary>
/// <param name="Opening">Before the business, in order.</param>
/// <param name="Closing">After the business, in order.</param>
/// <param name="Source">Where they come from.</param>
public sealed partial record StandingItems(IReadOnlyList<string> Opening, IReadOnlyList<string> Closing, StandingItemsSource Source)
{
    /// <summary>At most this many standing items: a longer list is a pasted paragraph, not an agenda's frame.</summary>
    public const int MaxItems = 12;

    /// <summary>At most this many characters an item.</summary>
    public const int MaxTitleLength = 100;

    /// <summary>Opening standing items when nothing says otherwise, in the order most boards take them.</summary>
    public static StandingItems Default { get; } = new(
        ["Welcome and apologies for absence", "Declarations of interest", "Minutes of the last meeting", "Matters arising and actions"],
        ["Any other business"],
        StandingItemsSource.Default);

    /// <summary>All of them in agenda order, with the business between <see cref="Opening"/> and <see cref="Closing"/>.</summary>
    public IEnumerable<string> All => Opening.Concat(Closing);

    /// <summary>
    /// Standing items from a list in the order given (the ToR's, or the secretariat's), each short word spelled out
    /// ("AOB" as "Any other business"); those that close a meeting go after the business, the rest before it.
    /// </summary>
    public static StandingItems FromList(IEnumerable<string> items, StandingItemsSource source)
    {
        ArgumentNullException.ThrowIfNull(items);
        var titles = items.Select(Clean).Where(t => t.Length > 0).DistinctBy(MeetingAgenda.Key).ToList();
        return new StandingItems([.. titles.Where(t => !ClosingItem().IsMatch(t))], [.. titles.Where(t => ClosingItem().IsMatch(t))], source);
    }

    /// <summary>True for the item that reports the open actions (the pack and the minutes list them under it).</summary>
    public static bool IsMattersArising(string title) => MattersArisingItem().IsMatch(title ?? string.Empty);

    /// <summary>One item as an agenda words it: trimmed of list marks and end punctuation, short words spelled out, capitalised.</summary>
    public static string Clean(string item)
    {
        var text = string.Join(' ', (item ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '.', ',', ';', ':', '-', '•', '·', '*');
        text = LeadingArticle().Replace(text, string.Empty);
        if (text.Length == 0)
        {
            return text;
        }

        var spelled = MeetingAgenda.Key(text) switch
        {
            "APOLOGIES" or "APOLOGIES FOR ABSENCE" => "Apologies for absence",
            "DECLARATIONS" or "DECLARATIONS OF INTEREST" or "DECLARATIONS OF INTERESTS" or "INTERESTS" => "Declarations of interest",
            "MINUTES" or "MINUTES OF THE LAST MEETING" or "MINUTES OF THE PREVIOUS MEETING" => "Minutes of the last meeting",
            "MATTERS ARISING" or "ACTIONS" => "Matters arising and actions",
            "AOB" or "A.O.B" or "A.O.B." or "ANY OTHER BUSINESS" => "Any other business",
            _ => text,
        };
        spelled = spelled.Length > MaxTitleLength ? spelled[..MaxTitleLength].TrimEnd() : spelled;
        return char.ToUpperInvariant(spelled[0]) + spelled[1..];
    }

    [GeneratedRegex(@"\b(?:any\s+other\s+(?:business|items?)|a\.?o\.?b\.?|date,?\s+(?:time\s+)?(?:and\s+(?:time|venue)\s+)?of\s+(?:the\s+)?next\s+meeting|next\s+meeting|close\s+of\s+(?:the\s+)?meeting|forward\s+plan)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ClosingItem();

    [GeneratedRegex(@"\b(?:matters\s+arising|actions?\s+(?:log|update|tracker|from\s+the\s+(?:last|previous)\s+meeting))\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MattersArisingItem();

    [GeneratedRegex(@"^(?:the|an?)\s+(?:item\s+(?:on|for)\s+)?", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LeadingArticle();
}
