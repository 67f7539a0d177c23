using PartnershipBot.Features.Boards;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// Where declarations for an item stand: each member's latest answer (an amendment is a later entry, and the
/// latest counts), who declared no interest, who must withdraw, and who has not answered.
/// </summary>
public sealed class DeclarationStatus
{
    private readonly Dictionary<string, DeclarationRecord> latest;

    /// <summary>Tallies <paramref name="declarations"/> (oldest first) against <paramref name="members"/>; non-members' entries are left out.</summary>
    public DeclarationStatus(DeclarationItem item, IReadOnlyList<PersonRecord> members, IReadOnlyList<DeclarationRecord> declarations)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        Item = item;
        Members = members;
        latest = declarations.GroupBy(d => d.Entry.PersonId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        NoInterest = [.. members.Where(m => LatestOf(m.PersonId)?.Entry.Interest == InterestKind.None)];
        Withdrawing = [.. members.Where(m => LatestOf(m.PersonId)?.Entry.Interest is InterestKind.Pecuniary or InterestKind.NonPecuniary)];
        Outstanding = [.. members.Where(m => LatestOf(m.PersonId) is null)];
    }

    /// <summary>The item.</summary>
    public DeclarationItem Item { get; }

    /// <summary>The board's declaring members.</summary>
    public IReadOnlyList<PersonRecord> Members { get; }

    /// <summary>Members whose latest answer is "no interest".</summary>
    public IReadOnlyList<PersonRecord> NoInterest { get; }

    /// <summary>Members who declared an interest and so withdraw from the decision.</summary>
    public IReadOnlyList<PersonRecord> Withdrawing { get; }

    /// <summary>Members who have not declared.</summary>
    public IReadOnlyList<PersonRecord> Outstanding { get; }

    /// <summary>A person's latest declaration on the item, or null.</summary>
    public DeclarationRecord? LatestOf(string personId) => latest.GetValueOrDefault(personId);

    /// <summary>How a member is shown: their Teams name, else the name they declared under, else their id.</summary>
    public string NameOf(PersonRecord member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Name ?? LatestOf(member.PersonId)?.Entry.PersonName ?? member.PersonId;
    }
}
