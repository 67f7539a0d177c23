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
    public TorPassage(int id, TorClause anchor, IReadOnlyList<TorClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(clauses);
        Id = id;
        Anchor = anchor;
        Clauses = clauses;
        Text = clauses.Count == 1 ? anchor.Text
            : anchor.Text.TrimEnd(':') + ": " + string.Join("; ", clauses.Skip(1).Select(c => c.Text.TrimEnd(';', '.', ',')));
        var keys = Words.Keys(Text);
        Keys = [.. keys];
        var content = keys.Where(k => !Lexicon.IsStop(k)).ToList();
        Bigrams = [.. content.Zip(content.Skip(1), (a, b) => a + " " + b)];
        HeadingKeys = [.. Words.Keys(string.Join(' ', anchor.HeadingPath.Append(anchor.Kind == ClauseKind.Heading ? anchor.Text : string.Empty)))];
    }

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
    public bool IsBareLeadIn => Clauses.Count == 1 && Anchor.IsLeadIn;

    /// <summary>Match keys of the headings above (weaker evidence than the text itself).</summary>
    public HashSet<string> HeadingKeys { get; }

    /// <summary>The heading path and clause number, for citation.</summary>
    public string Section => Anchor.Section;

    /// <summary>True when this passage is a list with its introduction.</summary>
    public bool IsList => Clauses.Count > 1;

    /// <summary>Builds the passages of a document: every clause, plus each lead-in or heading with its items.</summary>
    public static List<TorPassage> Build(TorDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var passages = new List<TorPassage>();
        var children = document.Clauses.Where(c => c.ParentIndex is not null).ToLookup(c => c.ParentIndex!.Value);
        foreach (var clause in document.Clauses)
        {
            var items = children[clause.Index].ToList();
            // A lead-in on its own says nothing ("Sources of funding are:"): it is only quoted with its items.
            if (clause.Kind != ClauseKind.Heading && !(clause.IsLeadIn && items.Count > 0))
            {
                passages.Add(new TorPassage(passages.Count, clause, [clause]));
            }

            if (items.Count > 0 && (clause.IsLeadIn || clause.Kind == ClauseKind.Heading))
            {
                passages.Add(new TorPassage(passages.Count, clause, [clause, .. items]));
            }
        }

        return passages;
    }
}
