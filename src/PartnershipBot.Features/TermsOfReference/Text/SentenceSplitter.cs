namespace PartnershipBot.Features.TermsOfReference.Text;

/// <summary>
/// Splits a clause into sentences so an answer can quote the one or two that answer, not a whole paragraph.
/// A full stop, question or exclamation mark ends a sentence when white space and a capital (or an opening
/// quote or bracket) follow, except after abbreviations ToRs use ("e.g.", "Cllr.", "No.") and inside numbers.
/// Written as a scan rather than a regex: clause text comes from uploaded documents.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "eg", "ie", "etc", "cllr", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "para", "paras", "cf",
        "vs", "inc", "ltd", "co", "rev", "revd", "sec", "ch", "art", "vol", "approx", "min", "max", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m",
    };

    /// <summary>The sentences of <paramref name="text"/>, trimmed, in order (the text itself when it has one).</summary>
    public static List<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '?' or '!') || i + 2 >= text.Length || !char.IsWhiteSpace(text[i + 1]))
            {
                continue;
            }

            var next = NextNonSpace(text, i + 1);
            if (next < 0 || !StartsSentence(text[next]) || (c == '.' && IsAbbreviation(text, start, i)))
            {
                continue;
            }

            Add(sentences, text[start..(i + 1)]);
            start = next;
        }

        Add(sentences, text[start..]);
        return sentences;
    }

    /// <summary>Joins a one- or two-word "sentence" ("Agenda.") to the one after it: it labels, it does not say.</summary>
    public static List<string> MergeFragments(List<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var merged = new List<string>(sentences.Count);
        string? pending = null;
        foreach (var sentence in sentences)
        {
            var text = pending is null ? sentence : pending + " " + sentence;
            if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2)
            {
                pending = text;
                continue;
            }

            merged.Add(text);
            pending = null;
        }

        if (pending is not null)
        {
            if (merged.Count > 0)
            {
                merged[^1] += " " + pending;
            }
            else
            {
                merged.Add(pending);
            }
        }

        return merged;
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '“' or '"' or '(' or '‘' or '\'';

    private static int NextNonSpace(string text, int from)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (!char.IsWhiteSpace(text[j]))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>True when the word before the full stop at <paramref name="dot"/> is a known abbreviation or an initial ("J. Smith").</summary>
    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] != '(')
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
