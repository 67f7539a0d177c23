using PartnershipBot.Features.TermsOfReference.Parsing;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// A unit an answer can quote: one clause, or a lead-in or list heading together with its items
/// ("Sources of funding are: a; b; c"). Keys are precomputed so answering a question is cheap.
/// </summary>
public sealed class TorPassage
{
    /// <summary>Creates a passage anchored at <paramref name="anchor"/> covering <paramref name="clauses"/>.</summary>
    /// <param name="id">Position among the document's passages.</param>
    /// <param name="anchor">The clause cited.</param>
    /// <param name="clauses">The anchor and, for a list, its items.</param>
    /// <param name="sentence">One sentence of the anchor, when the passage is that sentence rather than the whole clause.</param>
    /// <param name="leadIn">For a list item quoted alone, the sentence that introduces its list ("The committee will recommend to Council on:").</param>
    public TorPassage(int id, TorClause anchor, IReadOnlyList<TorClause> clauses, string? sentence = null, string? leadIn = null)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(clauses);
        Id = id;
        Anchor = anchor;
        Clauses = clauses;
        var lead = anchor.Text.TrimEnd(':');
        var items = clauses.Skip(1).Select(c => c.Text.TrimEnd(';', '.', ',')).ToList();
        Text = sentence ?? (clauses.Count == 1 ? anchor.Text : lead + ": " + string.Join("; ", items));
        // Bullets stay bullets when quoted: a member reads a list as a list.
        Quote = clauses.Count == 1 ? Text : lead + ":\n" + string.Join("\n", items.Select(i => "• " + i));
        // An item alone can mean the opposite of what it says without its lead-in ("Any amendment of these Terms of
        // Reference" is referred to Council, not decided here), so it is quoted after it.
        if (leadIn is not null && clauses.Count == 1)
        {
            Quote = leadIn.TrimEnd(':', ' ') + ": … " + Quote;
        }
        var keys = Words.Keys(Text);
        Keys = [.. keys];
        WordCount = keys.Count;
        var content = keys.Where(k => !Lexicon.IsStop(k)).ToList();
        Bigrams = [.. content.Zip(content.Skip(1), (a, b) => a + " " + b)];
        // An inline label ("3. Quoracy: As a minimum four ...") is a heading for every sentence of its clause.
        var label = InlineLabel(anchor.Text);
        HeadingKeys = [.. Words.Keys(string.Join(' ', anchor.HeadingPath.Append(anchor.Kind == ClauseKind.Heading ? anchor.Text : label)))];
    }

    /// <summary>The text as a member should read it: a list's items as bullets.</summary>
    public string Quote { get; }

    /// <summary>Number of words (for length normalisation in retrieval).</summary>
    public int WordCount { get; }

    /// <summary>True when the passage is one sentence of a longer clause.</summary>
    public bool IsSentence => Clauses.Count == 1 && Text.Length < Anchor.Text.Length;

    /// <summary>Position among the document's passages.</summary>
    public int Id { get; }

    /// <summary>The clause the citation points at.</summary>
    public TorClause Anchor { get; }

    /// <summary>The anchor and, for a list, its items.</summary>
    public IReadOnlyList<TorClause> Clauses { get; }

    /// <summary>The quotable text.</summary>
    public string Text { get; }

    /// <summary>Match keys of the text.</summary>
    public HashSet<string> Keys { get; }

    /// <summary>Adjacent content-word pairs ("cohesive community"), for phrase matches.</summary>
    public HashSet<string> Bigrams { get; }

    /// <summary>True for a lead-in with nothing after it: it introduces, it does not say.</summary>
    // Only the introducing sentence is bare: the sentences before it in the same clause ("Terms of Reference: April 2023 ...
    // The Board will:") say something of their own.
    public bool IsBareLeadIn => Clauses.Count == 1 && Anchor.IsLeadIn && (!IsSentence || Text.TrimEnd().EndsWith(':'));

    private bool? isTitleOnly;

    /// <summary>
    /// True when the passage is only titles: a contents entry or a heading whose items are all titles. Read for every
    /// passage on every question, so it is worked out once.
    /// </summary>
    public bool IsTitleOnly => isTitleOnly ??= Clauses.Count == 1
        ? LineShape.IsTitle(Text, 12)
        : Clauses.All(c => c.Kind == ClauseKind.Heading || LineShape.IsTitle(c.Text, 12));

    /// <summary>Match keys of the headings above (weaker evidence than the text itself).</summary>
    public HashSet<string> HeadingKeys { get; }

    /// <summary>The heading path and clause number, for citation.</summary>
    public string Section => Anchor.Section;

    /// <summary>True when this passage is a list with its introduction.</summary>
    public bool IsList => Clauses.Count > 1;

    /// <summary>The label before a colon that opens a clause ("Quoracy" in "Quoracy: As a minimum ..."), or empty.</summary>
    private static string InlineLabel(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 60 || colon == text.Length - 1)
        {
            return string.Empty;
        }

        var label = text[..colon];
        return char.IsUpper(label[0]) && label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 ? label : string.Empty;
    }

    /// <summary>Builds the passages of a document: every clause, plus each lead-in or heading with its items.</summary>
    public static List<TorPassage> Build(TorDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var passages = new List<TorPassage>();
        var children = document.Clauses.Where(c => c.ParentIndex is not null).ToLookup(c => c.ParentIndex!.Value);
        foreach (var clause in document.Clauses)
        {
            var items = children[clause.Index].ToList();
            if (clause.Kind != ClauseKind.Heading)
            {
                // Each sentence is its own passage, so an answer quotes the sentence that answers. A lead-in on its
                // own says nothing ("Sources of funding are:"): it is only quoted with its items.
                var sentences = SentenceSplitter.MergeFragments(SentenceSplitter.Split(clause.Text));
                if (clause.IsLeadIn && items.Count > 0)
                {
                    sentences.RemoveAt(sentences.Count - 1);
                }
                else if (sentences.Count == 1)
                {
                    sentences.Clear();
                    passages.Add(new TorPassage(passages.Count, clause, [clause], leadIn: LeadInOf(document, clause)));
                }

                foreach (var sentence in sentences)
                {
                    passages.Add(new TorPassage(passages.Count, clause, [clause], sentence, LeadInOf(document, clause)));
                }
            }

            if (items.Count > 0)
            {
                passages.Add(new TorPassage(passages.Count, clause, [clause, .. items]));
            }
            else if (clause.Kind == ClauseKind.Heading && DocumentDateText.Find(clause.Text) is not null)
            {
                // A dated title ("... Terms of Reference 2020") is the document's answer to "how old are these?".
                passages.Add(new TorPassage(passages.Count, clause, [clause]));
            }
        }

        return passages;
    }

    // The lead-in sentence of a list item's paragraph, when short enough to quote with the item.
    private static string? LeadInOf(TorDocument document, TorClause clause)
    {
        if (clause.Kind != ClauseKind.ListItem || clause.ParentIndex is not { } parentIndex || document.Clauses[parentIndex] is not { IsLeadIn: true } parent)
        {
            return null;
        }

        var lead = SentenceSplitter.MergeFragments(SentenceSplitter.Split(parent.Text))[^1];
        return lead.Length <= MaxQuotedLeadIn ? lead : null;
    }

    private const int MaxQuotedLeadIn = 160;
}
