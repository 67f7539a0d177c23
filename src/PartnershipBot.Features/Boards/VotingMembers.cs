namespace PartnershipBot.Features.Boards;

/// <summary>
/// The board's voting members as the secretariat recorded them: members, chair and vice-chair (the secretariat does
/// not count towards a quorum). A person holding two of those roles counts once.
/// </summary>
public static class VotingMembers
{
    private static readonly BoardRole[] VotingRoles = [BoardRole.Member, BoardRole.Chair, BoardRole.ViceChair];

    /// <summary>Person ids of <paramref name="board"/>'s voting members; empty when none are recorded.</summary>
    public static async Task<IReadOnlySet<string>> OfAsync(IBoardRoles roles, string board, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var voting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in VotingRoles)
        {
            voting.UnionWith((await roles.HoldersAsync(board, role, cancellationToken)).Select(p => p.PersonId));
        }

        return voting;
    }
}
