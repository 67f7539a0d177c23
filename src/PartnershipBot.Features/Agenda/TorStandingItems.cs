using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Parsing;

namespace PartnershipBot.Features.Agenda;

/// <summary>
/// Finds the standing agenda items a Terms of Reference lists, by the document's structure rather than any one
/// board's wording: a heading or clause about the agenda's standing (or regular) content, followed by its list (list
/// items under it, or the list it introduces), or naming the items inline after a colon or "include". A mention of
/// the agenda that lists nothing ("the agenda will be circulated a week before") gives nothing, so the default stands.
/// </summary>
public static partial class TorStandingItems
{
    /// <summary>An agenda item is a few words; a longer "item" is prose the search walked into, so the list is not taken.</summary>
    private const int MaxWordsPerItem = 12;

    /// <summary>The standing items <paramref name="document"/> lists, in its order, or null when it lists none.</summary>
    public static IReadOnlyList<string>? Find(TorDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var clause in document.Clauses)
        {
            if (!IsAnchor(clause))
            {
                continue;
            }

            // A list runs while its entries read as items: the parser may hang the next numbered clause ("4.3 Papers
            // will be circulated…") on the list, and that prose is where the list ended. An inline list is all or nothing.
            var items = ListUnder(document, clause) is { } listed
                ? [.. listed.TakeWhile(LooksLikeAnItem)]
                : Inline(clause.Text) is { } inline && inline.All(LooksLikeAnItem) ? inline : null;
            if (items is { Count: >= 2 and <= StandingItems.MaxItems })
            {
                return items;
            }
        }

        return null;
    }

    private static bool IsAnchor(TorClause clause) => clause.Kind switch
    {
        ClauseKind.Heading => StandingCue().IsMatch(clause.Text) || AgendaHeading().IsMatch(clause.Text),
        ClauseKind.Paragraph or ClauseKind.ListItem => StandingCue().IsMatch(clause.Text) || AgendaContentCue().IsMatch(clause.Text),
        _ => false,
    };

    /// <summary>
    /// The list items that belong to the clause: those the parser hung on it (a lead-in's list), or for a heading the
    /// list items straight under it; a lead-in paragraph under an agenda heading hands over to its own list.
    /// </summary>
    private static List<string>? ListUnder(TorDocument document, TorClause anchor)
    {
        var children = document.Clauses.Where(c => c.Kind == ClauseKind.ListItem && c.ParentIndex == anchor.Index).Select(c => c.Text).ToList();
        if (children.Count > 0)
        {
            return children;
        }

        if (anchor.Kind != ClauseKind.Heading)
        {
            return null;
        }

        var under = new List<string>();
        foreach (var clause in document.Clauses.Skip(anchor.Index + 1))
        {
            if (clause.Kind == ClauseKind.Heading && !clause.HeadingPath.Contains(anchor.Text, StringComparer.Ordinal))
            {
                break;
            }

            if (clause.Kind == ClauseKind.ListItem)
            {
                under.Add(clause.Text);
            }
            else if (under.Count > 0)
            {
                break; // the list ended; a later list under the same heading is about something else
            }
        }

        return under.Count > 0 ? under : null;
    }

    /// <summary>Items named in the clause itself: "Standing items are: apologies, declarations of interest and AOB."</summary>
    private static List<string>? Inline(string text)
    {
        var match = InlineList().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var list = match.Groups["list"].Value;
        var end = list.IndexOf('.', StringComparison.Ordinal);
        while (end > 0 && end + 1 < list.Length && !char.IsWhiteSpace(list[end + 1]))
        {
            end = list.IndexOf('.', end + 1); // "A.O.B" is not the end of the sentence
        }

        list = end > 0 ? list[..end] : list;
        var pieces = ListSplit().Split(list).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        // "…, minutes of the last meeting and any other business": only the last piece is split at its last "and",
        // since an item itself may hold one ("Welcome and apologies").
        if (pieces.Count > 1 && pieces[^1].LastIndexOf(" and ", StringComparison.OrdinalIgnoreCase) is > 0 and var at)
        {
            var last = pieces[^1];
            pieces[^1] = last[..at].Trim();
            pieces.Add(last[(at + " and ".Length)..].Trim());
        }

        return pieces;
    }

    /// <summary>A few words naming business, not a clause of prose ("which must be sent…", "the chair will decide").</summary>
    private static bool LooksLikeAnItem(string item) =>
        item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length is > 0 and <= MaxWordsPerItem && !ProseWord().IsMatch(item);

    // "Standing items", "standing agenda items", "standard agenda", "regular items on every agenda".
    [GeneratedRegex(@"\b(?:standing|standard|regular|fixed)\s+(?:agenda\s+)?(?:items?|agenda|business)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex StandingCue();

    // A heading that is only about the agenda: "Agenda", "Agenda items", "Order of business", "5. Agendas".
    [GeneratedRegex(@"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?(?:agendas?(?:\s+items?|\s+content|\s+and\s+papers)?|order\s+of\s+business|business\s+of\s+(?:the\s+)?meetings?)\W*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AgendaHeading();

    // A sentence whose subject is the agenda and that says what it holds: "The agenda for each meeting will include:",
    // "4.2 Every agenda shall contain". "…relevant sectors to the agenda, specifically including:" is about something else.
    [GeneratedRegex(@"(?:^|[.;]\s+)\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the|each|every|an|all|its|our)\s+(?:[a-z'’-]+\s+){0,2}agendas?\b[^.;:,]{0,60}\b(?:include|includes|comprise|comprises|consist\s+of|consists\s+of|contain|contains|cover|covers)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AgendaContentCue();

    // Where an inline list starts: after a colon, or after the verb that introduces it.
    [GeneratedRegex(@"(?:\b(?:standing|standard|regular|fixed)\s+(?:agenda\s+)?(?:items?|agenda|business)\b|\bagendas?\b)[^.;:]{0,80}?(?::\s*|\b(?:include|includes|including|comprise|comprises|consist\s+of|contain|contains|cover|covers|are|will\s+be|shall\s+be)\s+(?:the\s+following\s*:?\s*)?)(?<list>[^:]{3,600})$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex InlineList();

    [GeneratedRegex(@"\s*[;,]\s*(?:and\s+|or\s+)?", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ListSplit();

    [GeneratedRegex(@"\b(?:which|who|whom|that|will|shall|must|should|may|can|could|would|is|are|be|been|being|was|were)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ProseWord();
}
