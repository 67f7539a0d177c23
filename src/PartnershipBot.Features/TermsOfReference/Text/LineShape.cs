using System.Text.RegularExpressions;

namespace PartnershipBot.Features.TermsOfReference.Text;

/// <summary>
/// What a short line looks like: a title ("Code of Conduct &amp; Declaration of Interests") or a sentence ("Members
/// declare interests at the start"). A title has no verb and most of its words capitalised.
/// </summary>
public static partial class LineShape
{
    /// <summary>Most of the words that matter start with a capital ("Membership of the Strategic Group").</summary>
    public static bool IsTitleCase(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var significant = words.Where(w => w.Length > 3 || char.IsUpper(w[0])).ToList();
        return significant.Count > 0 && significant.Count(w => char.IsUpper(w[0])) * 2 >= significant.Count;
    }

    /// <summary>True when the line has one of the finite verbs or auxiliaries that make a short line a sentence.</summary>
    public static bool HasVerb(string line) => CommonVerb().IsMatch(line);

    /// <summary>A verbless, unpunctuated (no "Label: value"), title-case line of at most <paramref name="maxWords"/> words: a heading or a contents entry.</summary>
    public static bool IsTitle(string line, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.Length <= maxWords && char.IsUpper(line[0]) && !".;:,!?".Contains(line[^1], StringComparison.Ordinal)
            && !line.Contains(',', StringComparison.Ordinal) && !line.Contains(':', StringComparison.Ordinal) && IsTitleCase(words) && !HasVerb(line);
    }

    [GeneratedRegex(@"\b(?:is|are|was|were|be|been|has|have|had|will|shall|must|may|can|should|would|could|do|does|meet|meets|held|elected|appointed|agreed|takes?|provides?|comprises?|consists?|includes?)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex CommonVerb();
}
