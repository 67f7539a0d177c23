using System.Text;

namespace PartnershipBot.Features.TermsOfReference.Semantic;

/// <summary>
/// The simple split used to embed a ToR at ingestion: each line (a paragraph, heading, list item or table row of
/// the extracted text) becomes one or more sentences, without its list marker or clause number, whitespace
/// collapsed. The engine's own passages may be cut slightly differently; vectors are keyed by text, so a passage
/// this split didn't produce is embedded on demand. Hand-written rather than a regex: the text is uploaded by users.
/// </summary>
public static class PassageSentences
{
    // Words that end in a full stop without ending the sentence ("e.g. the Chair", "Cllr. Smith").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "eg", "i.e", "ie", "etc", "cf", "vs", "viz", "no", "nos", "cllr", "mr", "mrs", "ms", "dr", "st", "incl",
        "approx", "para", "paras", "sec", "ref", "tel", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "co", "ltd", "inc", "rev", "prof", "hon", "supt", "insp", "sgt", "ch", "govt",
    };

    private static readonly string Bullets = "-–—•·*▪◦o\u2022\u2023\u2043\u25aa\u25cf\uf0b7\uf0a7";

    /// <summary>The sentences of <paramref name="documentText"/>, in order, each normalised by <see cref="Normalize"/>.</summary>
    public static IReadOnlyList<string> Split(string documentText)
    {
        ArgumentNullException.ThrowIfNull(documentText);
        var sentences = new List<string>();
        foreach (var rawLine in documentText.Split('\n'))
        {
            var line = StripMarker(Normalize(rawLine));
            if (!line.Any(char.IsLetter))
            {
                continue;
            }

            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (IsSentenceEnd(line, i))
                {
                    Add(sentences, line[start..(i + 1)]);
                    start = i + 2;
                    i++;
                }
            }

            if (start < line.Length)
            {
                Add(sentences, line[start..]);
            }
        }

        return sentences;
    }

    /// <summary>
    /// Whitespace collapsed to single spaces and trimmed: the form a passage is embedded and keyed in, so the
    /// same sentence with different line wrapping or spacing shares one vector.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = StripMarker(sentence.Trim());
        if (trimmed.Any(char.IsLetter))
        {
            sentences.Add(trimmed);
        }
    }

    // A sentence ends at . ! or ? followed by a space and a capital, digit, bracket or quote — unless the word before
    // the stop is an abbreviation or a lone initial ("J. Smith").
    private static bool IsSentenceEnd(string line, int i)
    {
        var c = line[i];
        if (c is not ('.' or '!' or '?') || i + 2 >= line.Length || line[i + 1] != ' ')
        {
            return false;
        }

        var next = line[i + 2];
        if (!(char.IsUpper(next) || char.IsDigit(next) || next is '(' or '"' or '\'' or '“' or '‘' or '['))
        {
            return false;
        }

        if (c != '.')
        {
            return true;
        }

        var wordStart = i;
        while (wordStart > 0 && line[wordStart - 1] != ' ')
        {
            wordStart--;
        }

        var word = line[wordStart..i].TrimStart('(', '"', '\'', '“', '‘');
        return word.Length > 1 && !Abbreviations.Contains(word) && !(word.Length <= 3 && word.All(char.IsDigit) && wordStart == 0);
    }

    // "3.2 ", "3.2.1. ", "(a) ", "iv) ", "F. ", "- ", "• " at the start of a line: numbering the engine keeps as
    // context, not as the passage's words.
    private static string StripMarker(string line)
    {
        var text = line;
        for (var round = 0; round < 3; round++)
        {
            var cut = MarkerLength(text);
            if (cut == 0)
            {
                break;
            }

            text = text[cut..].TrimStart();
        }

        return text;
    }

    private static int MarkerLength(string text)
    {
        if (text.Length < 2)
        {
            return 0;
        }

        if (Bullets.Contains(text[0], StringComparison.Ordinal) && (text[1] == ' ' || text[0] is not ('o' or '-' or '*')))
        {
            return text[0] == 'o' && text[1] != ' ' ? 0 : 1;
        }

        var i = 0;
        var bracketed = text[0] == '(';
        if (bracketed)
        {
            i++;
        }

        var start = i;
        if (i < text.Length && char.IsDigit(text[i]))
        {
            // 3, 3.2, 3.2.1 (a trailing stop is allowed: "3.2.")
            while (i < text.Length && (char.IsDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
            {
                i++;
            }
        }
        else
        {
            // One letter (a, B) or a short lower-case roman numeral (iv).
            while (i < text.Length && i - start < 4 && char.IsLetter(text[i]))
            {
                i++;
            }

            var token = text[start..i];
            var isMarker = token.Length == 1 || token.All(ch => "ivxl".Contains(ch, StringComparison.Ordinal));
            if (!isMarker)
            {
                return 0;
            }
        }

        if (i == start || i >= text.Length)
        {
            return 0;
        }

        var closer = text[i];
        var closed = bracketed ? closer == ')' : closer is ')' or '.' || (char.IsDigit(text[i - 1]) && closer == ' ');
        if (!closed)
        {
            return 0;
        }

        // A bare number is a heading's ("1 Purpose"), not a count ("3 members"), only before a capital.
        if (closer == ' ' && (i + 1 >= text.Length || !char.IsUpper(text[i + 1])))
        {
            return 0;
        }

        var end = closer == ' ' ? i : i + 1;
        // A marker is followed by a space; "3.2ft" or "a.m." are not markers.
        return end < text.Length && text[end] == ' ' ? end : 0;
    }
}
