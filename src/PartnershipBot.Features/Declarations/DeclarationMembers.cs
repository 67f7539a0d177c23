using PartnershipBot.Features.Boards;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// Who declares: the board's members, chair and vice-chair (they vote). The secretariat runs the business but
/// does not vote, so it is not asked unless it also holds one of those roles.
/// </summary>
public sealed class DeclarationMembers(IBoardRoles boardRoles)
{
    private static readonly BoardRole[] Declaring = [BoardRole.Member, BoardRole.Chair, BoardRole.ViceChair];

    /// <summary>The board's declaring members, each once, in the order they were given a role.</summary>
    public async Task<IReadOnlyList<PersonRecord>> OfBoardAsync(string boardName, CancellationToken cancellationToken)
    {
        var people = new List<PersonRecord>();
        foreach (var role in Declaring)
        {
            people.AddRange(await boardRoles.HoldersAsync(boardName, role, cancellationToken));
        }

        return [.. people.DistinctBy(p => p.PersonId, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>True when <paramref name="personId"/> is one of the board's declaring members.</summary>
    public async Task<bool> IsMemberAsync(string boardName, string personId, CancellationToken cancellationToken) =>
        (await boardRoles.RolesOfAsync(boardName, personId, cancellationToken)).Any(Declaring.Contains);
}
