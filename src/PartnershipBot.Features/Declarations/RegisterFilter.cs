using NodaTime;
using PartnershipBot.Features.Meetings;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// Which of a board's declarations to show or export: one person's (by Entra object id), one item's (its title, any
/// case), and a range of UK dates, each optional. The <c>declarations export</c> verb and the tab both filter
/// through this, so a filtered CSV from either holds the same rows.
/// </summary>
/// <param name="PersonId">Only this person's declarations (Entra object id, any case), or everyone's.</param>
/// <param name="Item">Only declarations on the item with this title (any case, ignoring surrounding spaces), or every item's.</param>
/// <param name="From">Only declarations made on or after this UK date, or from the first.</param>
/// <param name="To">Only declarations made on or before this UK date, or up to the last.</param>
public sealed record RegisterFilter(string? PersonId = null, string? Item = null, LocalDate? From = null, LocalDate? To = null)
{
    /// <summary>Every declaration.</summary>
    public static RegisterFilter Everything { get; } = new();

    /// <summary>True when nothing is filtered out.</summary>
    public bool IsEverything => PersonId is null && Item is null && From is null && To is null;

    /// <summary>Whether <paramref name="record"/> passes the filter.</summary>
    public bool Matches(DeclarationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = record.Entry;
        // Dates are the UK dates people mean: a declaration at 00:30 BST on 1 June is on 1 June.
        var day = MeetingTimes.DateOf(entry.DeclaredAt);
        return (PersonId is null || string.Equals(entry.PersonId, PersonId, StringComparison.OrdinalIgnoreCase))
            && (Item is null || string.Equals(entry.Item.Trim(), Item.Trim(), StringComparison.OrdinalIgnoreCase))
            && (From is null || day >= From)
            && (To is null || day <= To);
    }

    /// <summary>The records that pass, in the order given.</summary>
    public IReadOnlyList<DeclarationRecord> Apply(IEnumerable<DeclarationRecord> records) =>
        IsEverything ? [.. records] : [.. records.Where(Matches)];
}
