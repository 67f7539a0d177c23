using System.Globalization;
using System.Text;

namespace PartnershipBot.Features.Interests;

/// <summary>
/// Whether a text (an item's title and description) names an organisation, the way a secretary reading the agenda
/// would: case-insensitive, whole words only, after normalising both sides the same way: "&amp;" reads as "and",
/// "Ltd" and "Limited" are dropped (so "Thurrock CVS Ltd" matches "Thurrock CVS"), apostrophes are dropped ("St John's"
/// is "St Johns"), accents are folded, and any other punctuation separates words. The organisation matches when its
/// words appear together, in order, in the text's words. Plain word-list comparison: no regular expression, so no
/// backtracking on anything a member types.
/// </summary>
public static class OrganisationMatch
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { "ltd", "limited" };

    /// <summary>True when <paramref name="text"/> names <paramref name="organisation"/> under the rule above.</summary>
    public static bool Names(string text, string organisation) => Contains(Words(text), Words(organisation));

    /// <summary>True when <paramref name="words"/> (normalised text) contains <paramref name="organisation"/>'s words together, in order.</summary>
    public static bool Contains(IReadOnlyList<string> words, IReadOnlyList<string> organisation)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(organisation);
        if (organisation.Count == 0)
        {
            return false;
        }

        for (var start = 0; start + organisation.Count <= words.Count; start++)
        {
            var all = true;
            for (var i = 0; i < organisation.Count && all; i++)
            {
                all = string.Equals(words[start + i], organisation[i], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The normalised words of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var folded = text.Normalize(NormalizationForm.FormD);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '‘')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush();
            if (c == '&')
            {
                words.Add("and");
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0 && !Dropped.Contains(word.ToString()))
            {
                words.Add(word.ToString());
            }

            word.Clear();
        }
    }
}
