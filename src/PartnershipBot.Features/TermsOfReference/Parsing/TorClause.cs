namespace PartnershipBot.Features.TermsOfReference.Parsing;

/// <summary>What a line of a ToR is, structurally.</summary>
public enum ClauseKind
{
    /// <summary>A section heading ("3.2 Chair", "MEMBERSHIP", "Chair:").</summary>
    Heading,

    /// <summary>A paragraph of running text.</summary>
    Paragraph,

    /// <summary>A bullet or lettered item, or a line of an unbulleted list.</summary>
    ListItem,

    /// <summary>A row of a tab-separated table (cells joined with "; ").</summary>
    TableRow,
}

/// <summary>
/// One clause of a ToR with its place in the document, so every answer can cite where it came from.
/// </summary>
/// <param name="Index">Position in the document (0-based, document order).</param>
/// <param name="Kind">Heading, paragraph, list item or table row.</param>
/// <param name="Text">Cleaned text: bullet glyphs, stray markup and table tabs removed.</param>
/// <param name="Number">The clause's own number ("3.2", "a") when the document numbers it.</param>
/// <param name="HeadingPath">The headings above it, outermost first.</param>
/// <param name="ParentIndex">For list items, the lead-in paragraph or heading they belong to.</param>
public sealed record TorClause(
    int Index,
    ClauseKind Kind,
    string Text,
    string? Number,
    IReadOnlyList<string> HeadingPath,
    int? ParentIndex)
{
    /// <summary>A citation a member can find in the document: heading path, then clause number.</summary>
    public string Section
    {
        get
        {
            // A heading cites itself under its parents; only text above every heading is the "Preamble".
            IEnumerable<string> headings = Kind == ClauseKind.Heading ? [.. HeadingPath, Text] : HeadingPath;
            var path = headings.Any() ? string.Join(" › ", headings) : "Preamble";
            return Number is null || Kind == ClauseKind.Heading ? path : $"{path} › clause {Number}";
        }
    }

    /// <summary>True when the list that follows was found to be introduced by this clause though it lacks a colon.</summary>
    public bool IntroducesList { get; init; }

    /// <summary>True when the text ends by introducing a list ("Sources of funding are:", "... the following people;").</summary>
    public bool IsLeadIn => Kind != ClauseKind.Heading && (Text.EndsWith(':') || IntroducesList);
}

/// <summary>A parsed ToR: its clauses in order, and where it came from.</summary>
/// <param name="SourceName">File name or label the text came from.</param>
/// <param name="Clauses">Every clause in document order.</param>
public sealed record TorDocument(string SourceName, IReadOnlyList<TorClause> Clauses);
