using System.Text;
using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Parsing;

/// <summary>
/// Turns the plain text of a ToR (from a .txt, a .md, or text extracted from a .docx) into clauses with
/// their heading path and numbering. Real ToRs are messy (stray bullet glyphs from Word, tab tables,
/// repeated table headers after page breaks, list items split across pages), so each rule here exists
/// because a real document needed it.
/// </summary>
public static partial class TorTextParser
{
    private const int ShortLineWords = 12;

    /// <summary>Parses <paramref name="text"/>; <paramref name="sourceName"/> is kept for citation.</summary>
    public static TorDocument Parse(string sourceName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = NormaliseLines(text);
        var state = new ParseState();
        for (var i = 0; i < lines.Count; i++)
        {
            var raw = lines[i];
            if (string.IsNullOrWhiteSpace(raw) || (state.Clauses.Count < 3 && ProvenanceLine().IsMatch(raw)) || GapMarker().IsMatch(raw))
            {
                // A "Source: https://..." line above the text records where it was taken from; it is not a clause.
                state.LastLineBlank = true;
                continue;
            }

            ParseLine(lines, i, state);
            state.LastLineBlank = false;
        }

        return new TorDocument(sourceName, FoldContentHeadings(state.Clauses));
    }

    private static void ParseLine(List<string> lines, int i, ParseState state)
    {
        var raw = lines[i];
        if (IsTableRow(raw, out var cells))
        {
            var row = string.Join(" – ", cells);
            // Tables split by a page break repeat their header row; the second copy carries nothing.
            if (state.SeenTableRows.Add(row))
            {
                state.Add(ClauseKind.TableRow, row, null, state.CurrentParent);
            }

            return;
        }

        if (raw.Contains('\t', StringComparison.Ordinal))
        {
            // A numbered clause whose number is separated by a tab: read it as "1.1 The Board will...".
            raw = string.Join(' ', raw.Split('\t', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()));
        }

        var markdownLevel = MarkdownHeading().Match(raw) is { Success: true } md ? md.Groups[1].Length : 0;
        var line = CleanInline(markdownLevel > 0 ? raw[markdownLevel..] : raw);
        var bullet = StripBullet(ref line);
        if (line.Length == 0)
        {
            return;
        }

        var number = StripNumber(ref line);
        if (!bullet && number is null && (ContinuesPreviousItem(raw, line, state) || ContinuesWrappedLine(lines, i, state)))
        {
            var previous = state.Clauses[^1];
            state.Clauses[^1] = previous with { Text = previous.Text + " " + line };
            return;
        }

        var level = markdownLevel > 0 ? markdownLevel : HeadingLevel(lines, i, line, number, bullet);
        if (level == 0 && markdownLevel == 0 && number is null && !bullet && IsSentenceCaseHeading(lines, i, line, state))
        {
            level = 2;
        }

        // "The members are:" then "Leader of the Council" on its own line: an item of the list it introduces, not a heading.
        // Only the first line after the lead-in: once a list has run, a title-like line after it starts a new section.
        if (level > 0 && markdownLevel == 0 && number is null && !line.EndsWith(':') && state.Clauses.Count > 0 && state.Clauses[^1].IsLeadIn)
        {
            level = 0;
        }

        if (level > 0)
        {
            state.OpenHeading(level, number is null ? line : $"{number} {line}", number);
            return;
        }

        if (bullet || (number is not null && number.Length == 1 && char.IsLetter(number[0])) || IsUnbulletedListLine(lines, i, line, state))
        {
            // "... representation from" followed by bullets introduces them even without a colon, and so does "...
            // include the following organisations;" with a semicolon where the colon should be.
            if (state.LeadIn is null && state.Clauses.Count > 0 && state.Clauses[^1] is { Kind: ClauseKind.Paragraph } previous
                && (!".;!?".Contains(previous.Text[^1], StringComparison.Ordinal) || (previous.Text[^1] == ';' && FollowingAnnounced().IsMatch(previous.Text))))
            {
                state.LeadIn = previous.Index;
                state.Clauses[^1] = previous with { IntroducesList = true };
            }

            state.Add(ClauseKind.ListItem, line, number, state.CurrentParent);
            return;
        }

        // A lead-in followed by a paragraph rather than a list introduces that paragraph ("The Partnership believes that:").
        var introducedBy = state.Clauses.Count > 0 && state.Clauses[^1].IsLeadIn && state.Clauses[^1].Kind == ClauseKind.Paragraph ? state.Clauses[^1].Index : (int?)null;
        var index = state.Add(ClauseKind.Paragraph, line, number, introducedBy);
        state.LeadIn = line.EndsWith(':') ? index : null;
    }

    private static List<string> NormaliseLines(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Replace('\u00A0', ' ').Replace('\u2028', '\n').Replace('\f', '\n');
        return [.. normalised.Split('\n')];
    }

    /// <summary>
    /// Tab-separated cells, unless the first cell is only a clause number ("1.1\tThe Board will..."):
    /// Word's numbered paragraphs come out that way and are clauses, not tables.
    /// </summary>
    private static bool IsTableRow(string raw, out List<string> cells)
    {
        cells = [.. raw.Split('\t').Select(c => CleanInline(c)).Where(c => c.Length > 0)];
        return raw.Contains('\t', StringComparison.Ordinal) && cells.Count >= 2 && !NumberOnly().IsMatch(cells[0]);
    }

    /// <summary>Removes markdown emphasis and collapses whitespace.</summary>
    private static string CleanInline(string text)
    {
        var withoutMarkup = Emphasis().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        return Whitespace().Replace(withoutMarkup, " ").Trim();
    }

    /// <summary>Strips list markers, including Word's symbol-font bullets that survive as §, S or a stray letter.</summary>
    private static bool StripBullet(ref string line)
    {
        var bullet = false;
        var marker = BulletMarker().Match(line);
        if (marker.Success)
        {
            line = line[marker.Length..];
            bullet = true;
        }

        var glyph = (bullet ? GlyphAfterBullet() : GlyphAlone()).Match(line);
        if (glyph.Success)
        {
            line = line[glyph.Length..];
            bullet = true;
        }

        line = line.Trim();
        return bullet;
    }

    private static string? StripNumber(ref string line)
    {
        var match = ClauseNumber().Match(line);
        if (!match.Success)
        {
            return null;
        }

        line = line[match.Length..].Trim();
        return match.Groups[1].Value;
    }

    /// <summary>
    /// A heading is short, unpunctuated and title-like, and stands alone: a run of short lines with no
    /// blank between them is a list (an unbulleted membership list), not a stack of headings.
    /// </summary>
    private static int HeadingLevel(List<string> lines, int i, string line, string? number, bool bullet)
    {
        if (bullet)
        {
            return 0;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (number is not null && char.IsDigit(number[0]))
        {
            // "12. Conflicts of interest." is a heading; "7. To promote equality within the City." is an aim.
            var numberedHeading = (words.Length <= 7 && !line.EndsWith('.') || words.Length <= 4)
                && !line.TrimEnd('.').Contains('.', StringComparison.Ordinal)
                && char.IsUpper(line[0]) && !line.StartsWith("To ", StringComparison.Ordinal) && !line.EndsWith(';') && !line.EndsWith(',')
                && !(line.EndsWith(':') && words.Length > 3)
                // "2.5 The SIAG will meet quarterly" is a clause whose full stop was lost, not a heading ("2.7 The
                // police will be responsible for", cut off before its list, still heads that list).
                && !(words.Length >= 4 && ModalVerb().IsMatch(line) && !OpenEnding().IsMatch(line));
            // "1. Role of the Strategic Independent Advisory Group (SIAG)": longer, but a title with no verb is a heading too.
            numberedHeading |= LineShape.IsTitle(line, ShortLineWords);
            return numberedHeading ? number.Count(c => c == '.') + 1 : 0;
        }

        // "C. Who can attend the meetings?" heads its answer in a question-and-answer ToR; so does "G. What paperwork
        // is sent out prior to meetings." when its siblings are questions.
        if ((line.EndsWith('?') || QuestionLabel().IsMatch(line)) && words.Length <= 14 && char.IsUpper(line[0]))
        {
            return 4;
        }

        // "Chair:", "Statutory members:" label a section; "The Partnership believes that:" introduces one.
        if (line.EndsWith(':') && words.Length <= 5 && !SentenceOpening().IsMatch(line))
        {
            return 3;
        }

        if (words.Length > 9 || line.Length > 80 || line.Contains(',', StringComparison.Ordinal) || line.Contains(':', StringComparison.Ordinal)
            || ".;!?".Contains(line[^1], StringComparison.Ordinal) || !char.IsUpper(line[0]))
        {
            return 0;
        }

        var allCaps = line.Any(char.IsLetter) && !line.Any(char.IsLower);
        if (!allCaps && !LineShape.IsTitleCase(words))
        {
            return 0;
        }

        var inRun = IsShortNeighbour(lines, i - 1) || IsShortNeighbour(lines, i + 1);
        return inRun ? 0 : allCaps ? 1 : 2;
    }

    /// <summary>
    /// "Regularity of meetings and venue": a heading in sentence case. Short, with no verb and no closing punctuation, it
    /// stands alone between a blank line and the longer text it heads. A short clause that lost its full stop has a verb
    /// ("Meetings are held monthly"); a list item comes after its lead-in or beside its neighbours.
    /// </summary>
    private static bool IsSentenceCaseHeading(List<string> lines, int i, string line, ParseState state)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 8 || !char.IsUpper(line[0]) || ".;:,!?)".Contains(line[^1], StringComparison.Ordinal)
            || line.Contains(',', StringComparison.Ordinal) || LineShape.HasVerb(line) || !state.LastLineBlank || FollowsLeadIn(state))
        {
            return false;
        }

        var next = i + 1;
        while (next < lines.Count && string.IsNullOrWhiteSpace(lines[next]))
        {
            next++;
        }

        return next < lines.Count && lines[next].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > ShortLineWords;
    }

    private static bool FollowsLeadIn(ParseState state) =>
        state.Clauses.Count > 0 && (state.Clauses[^1].IsLeadIn || (state.Clauses[^1].Kind == ClauseKind.ListItem && state.LeadIn is not null));

    private static bool IsShortNeighbour(List<string> lines, int j)
    {
        if (j < 0 || j >= lines.Count || string.IsNullOrWhiteSpace(lines[j]) || lines[j].Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }

        var text = lines[j].Trim();
        return !BulletMarker().IsMatch(text) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= ShortLineWords
            && !text.EndsWith(':');
    }

    /// <summary>Short lines in a run, or right under a lead-in, are items of a list that lost its bullets.</summary>
    private static bool IsUnbulletedListLine(List<string> lines, int i, string line, ParseState state)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > ShortLineWords || line.EndsWith(':'))
        {
            return false;
        }

        return FollowsLeadIn(state) || IsShortNeighbour(lines, i - 1) || IsShortNeighbour(lines, i + 1);
    }

    /// <summary>
    /// Text copied from a PDF breaks lines mid-sentence: a long line with no closing punctuation, followed
    /// directly (no blank line) by more text, is one clause. Short unpunctuated lines (a membership list) are not.
    /// </summary>
    private static bool ContinuesWrappedLine(List<string> lines, int i, ParseState state) =>
        !state.LastLineBlank
        && i > 0
        && state.Clauses.Count > 0
        && state.Clauses[^1].Kind is ClauseKind.Paragraph or ClauseKind.ListItem
        && lines[i - 1].Trim().Length >= 60
        && !".:;!?".Contains(lines[i - 1].TrimEnd()[^1], StringComparison.Ordinal);

    /// <summary>A list item cut by a page break continues on an indented line with no marker.</summary>
    private static bool ContinuesPreviousItem(string raw, string line, ParseState state) =>
        state.Clauses.Count > 0
        && state.Clauses[^1].Kind == ClauseKind.ListItem
        && !".;:!?".Contains(state.Clauses[^1].Text[^1], StringComparison.Ordinal)
        && raw.Length > 0 && char.IsWhiteSpace(raw[0]);

    /// <summary>
    /// A "heading" with no body that sits between two other headings is content, e.g. a one-line mission
    /// statement under "Mission Statement". It becomes a paragraph of the heading above it.
    /// </summary>
    private static List<TorClause> FoldContentHeadings(List<TorClause> clauses)
    {
        var result = new List<TorClause>(clauses.Count);
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var sandwiched = clause.Kind == ClauseKind.Heading && clause.Number is null
                && i > 0 && clauses[i - 1].Kind == ClauseKind.Heading
                && i + 1 < clauses.Count && clauses[i + 1].Kind == ClauseKind.Heading
                && (result.Count == 0 || result[^1].Kind == ClauseKind.Heading);
            if (sandwiched)
            {
                var parent = clauses[i - 1];
                List<string> path = [.. parent.HeadingPath, parent.Text];
                result.Add(clause with { Kind = ClauseKind.Paragraph, HeadingPath = path });
                // Later clauses under this false heading belong to the real one above it.
                for (var j = i + 1; j < clauses.Count; j++)
                {
                    if (clauses[j].HeadingPath.Count > 0 && clauses[j].HeadingPath[^1] == clause.Text)
                    {
                        clauses[j] = clauses[j] with { HeadingPath = [.. clauses[j].HeadingPath.Take(clauses[j].HeadingPath.Count - 1)] };
                    }
                }

                continue;
            }

            result.Add(clause);
        }

        return result;
    }

    private sealed class ParseState
    {
        private readonly List<(int Level, string Text)> headings = [];
        private int? headingIndex;

        public List<TorClause> Clauses { get; } = [];

        public HashSet<string> SeenTableRows { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int? LeadIn { get; set; }

        public bool LastLineBlank { get; set; }

        public int? CurrentParent => LeadIn ?? headingIndex;

        public void OpenHeading(int level, string text, string? number)
        {
            while (headings.Count > 0 && headings[^1].Level >= level)
            {
                headings.RemoveAt(headings.Count - 1);
            }

            var path = headings.Select(h => h.Text).ToList();
            headingIndex = Clauses.Count;
            LeadIn = null;
            Clauses.Add(new TorClause(Clauses.Count, ClauseKind.Heading, text.TrimEnd(':', '.', ' '), number, path, null));
            headings.Add((level, text.TrimEnd(':', '.', ' ')));
        }

        public int Add(ClauseKind kind, string text, string? number, int? parent)
        {
            var path = headings.Select(h => h.Text).ToList();
            Clauses.Add(new TorClause(Clauses.Count, kind, text, number, path, parent));
            if (kind == ClauseKind.Paragraph)
            {
                LeadIn = null;
            }

            return Clauses.Count - 1;
        }
    }

    // "[...]" or "[... the rest of the page is not available ...]": an editor's mark for missing text, not a clause.
    [GeneratedRegex(@"^\s*\[\s*(?:\.\.\.|…)[^\]]*\]\s*$", RegexOptions.NonBacktracking, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex GapMarker();

    [GeneratedRegex(@"^\s*Source:\s*https?://\S+(?:\s+\([^)]*\))?\s*$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ProvenanceLine();

    [GeneratedRegex(@"^[A-Z][.)]\s+(?:Who|What|When|Where|Which|How|Why|Can|Do|Does|Is|Are)\b", RegexOptions.NonBacktracking, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex QuestionLabel();

    [GeneratedRegex(@"^(?:The|This|These|Those|It|We|Our|Members|Each|All|A|An)\b", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex SentenceOpening();

    [GeneratedRegex(@"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-z][.)]|\(?[ivx]+\))$", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"^\s*(#{1,6})\s+", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"\b(?:will|shall|must)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ModalVerb();

    [GeneratedRegex(@"\b(?:the\s+following|as\s+follows)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex FollowingAnnounced();

    [GeneratedRegex(@"\b(?:for|to|by|from|of|with|include|includes|including|that|are|is|be|as|and|or)\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OpenEnding();

    [GeneratedRegex(@"\*\*([^*]*)\*\*|__([^_]*)__", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*(?:[-–—•·▪●◦‣∙*]\s*)+", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex BulletMarker();

    // After a bullet marker Word's lost symbol-font glyphs show as §, a lone capital S, or a lone letter.
    [GeneratedRegex(@"^(?:§|S(?=\s+\S)|[b-hj-z](?=\s+[a-z]))\s+", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex GlyphAfterBullet();

    [GeneratedRegex(@"^[§·•▪]\s*", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex GlyphAlone();

    [GeneratedRegex(@"^(\d{1,2}(?:\.\d{1,2})*|[a-z])(?:[.)]\s*|\s+(?=[A-Z(]))(?=\S)", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ClauseNumber();
}
