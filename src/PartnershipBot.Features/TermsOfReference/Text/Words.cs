using System.Globalization;
using System.Text;

namespace PartnershipBot.Features.TermsOfReference.Text;

/// <summary>
/// Tokens for matching questions to clauses: lower-cased, lightly stemmed, with the governance vocabulary's
/// near-synonyms folded to one form ("chairman" → chair, "amendments" → amend). Deliberately simple and
/// predictable: a member's words and the document's words meet in the middle.
/// </summary>
public static class Words
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["chairman"] = "chair", ["chairperson"] = "chair", ["chairwoman"] = "chair", ["chairmen"] = "chair",
        ["membership"] = "member", ["representativ"] = "represent", ["decision"] = "decid", ["decis"] = "decid",
        ["administr"] = "admin", ["administrativ"] = "admin", ["accountabl"] = "accountabl", ["accountability"] = "accountabl",
        ["answerabl"] = "accountabl", ["chang"] = "amend", ["revision"] = "amend", ["revis"] = "amend", ["election"] = "elect",
        ["quorat"] = "quorum", ["quoracy"] = "quorum", ["seat"] = "sit", ["definition"] = "defin", ["resolut"] = "resolv", ["resolution"] = "resolv", ["fund"] = "fund",
        ["monei"] = "fund", ["money"] = "fund", ["minut"] = "minute", ["substitution"] = "substitut", ["finance"] = "financ",
        ["financi"] = "financ", ["meet"] = "meet", ["met"] = "meet", ["agenda"] = "paper", ["agendum"] = "paper",
        ["approval"] = "approv", ["children"] = "child", ["held"] = "hold",
    };

    /// <summary>Splits text into lower-case word tokens (letters, digits, '%'), apostrophes dropped.</summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text)
        {
            var c = char.ToLower(raw, CultureInfo.InvariantCulture);
            if (char.IsLetterOrDigit(c) || c == '%')
            {
                current.Append(c);
            }
            else if (c is '\'' or '’' && current.Length > 0)
            {
                // "children's" → "children", "can't" → "can"
                Flush(tokens, current);
                current.Append('\a');
            }
            else
            {
                Flush(tokens, current);
            }
        }

        Flush(tokens, current);
        return JoinHyphenated(text, tokens);
    }

    /// <summary>"sub-group" is also "subgroup", "co-ordinator" also "coordinator": members write compounds both ways.</summary>
    private static List<string> JoinHyphenated(string text, List<string> tokens)
    {
        if (!text.Contains('-', StringComparison.Ordinal))
        {
            return tokens;
        }

        var lower = text.ToLowerInvariant();
        var joined = new List<string>(tokens.Count + 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            joined.Add(tokens[i]);
            if (i + 1 < tokens.Count && tokens[i].All(char.IsLetter) && tokens[i + 1].All(char.IsLetter)
                && lower.Contains(tokens[i] + "-" + tokens[i + 1], StringComparison.Ordinal))
            {
                joined.Add(tokens[i] + tokens[i + 1]);
            }
        }

        return joined;
    }

    /// <summary>The comparable form of a token: stemmed, then folded to its synonym group's form.</summary>
    public static string Key(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var stem = Stem(token);
        return Canonical.TryGetValue(stem, out var canonical) ? canonical
            : Canonical.TryGetValue(token, out canonical) ? canonical : stem;
    }

    /// <summary>Keys of every token in <paramref name="text"/>.</summary>
    public static List<string> Keys(string text) => [.. Tokenize(text).Select(Key)];

    /// <summary>A light suffix stripper: plurals, -ing, -ed, -ation, -ment, -al, -ly and a final e.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || !word.All(char.IsLetter))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        foreach (var (suffix, minimum) in Suffixes)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= minimum)
            {
                w = w[..^suffix.Length];
                break;
            }
        }

        if (w.Length > 4 && w.EndsWith('e'))
        {
            w = w[..^1];
        }

        return w;
    }

    private static readonly (string Suffix, int Minimum)[] Suffixes =
    [
        ("ation", 5), ("ment", 4), ("ing", 3), ("ed", 3), ("al", 5), ("ly", 4),
    ];

    private static void Flush(List<string> tokens, StringBuilder current)
    {
        if (current.Length > 0 && current[0] != '\a')
        {
            tokens.Add(current.ToString());
        }
        else if (current.Length > 1)
        {
            // the part after an apostrophe ("s", "t") carries nothing
        }

        current.Clear();
    }
}
