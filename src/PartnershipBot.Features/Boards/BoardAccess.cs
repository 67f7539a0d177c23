namespace PartnershipBot.Features.Boards;

/// <summary>
/// What one person may see and do on one board in this turn, resolved once (tenant checked, roles read) by
/// <see cref="BoardPermissions"/>. Exists only when the turn's tenant may use the board at all.
/// </summary>
/// <param name="BoardName">The board.</param>
/// <param name="PersonId">The actor's Entra object id (<c>from.aadObjectId</c>); null when Teams gave none, which allows nothing role-gated.</param>
/// <param name="Roles">The roles the person holds on the board.</param>
/// <param name="IsAdmin">A configured admin (<c>PartnershipBot:Admins</c>), or anyone in local mode.</param>
/// <param name="InLinkedConversation">The turn comes from a conversation linked to this board (its channel or chat).</param>
public sealed record BoardAccess(string BoardName, string? PersonId, IReadOnlyList<BoardRole> Roles, bool IsAdmin, bool InLinkedConversation)
{
    /// <summary>Link conversations, give roles, import members, change the nation, add ToR versions.</summary>
    public bool MaySetUp => PersonId is not null && (IsAdmin || Roles.Contains(BoardRole.Secretariat));

    /// <summary>Schedule, move and cancel meetings; open declarations and see who declared; quorum after withdrawals.</summary>
    public bool MayRunMeetings => PersonId is not null && (IsAdmin || Roles.Any(r => r is BoardRole.Secretariat or BoardRole.Chair or BoardRole.ViceChair));

    /// <summary>Votes (member, chair, vice-chair): declares interests; counts towards the quorum.</summary>
    public bool IsVotingMember => PersonId is not null && Roles.Any(r => r is BoardRole.Member or BoardRole.Chair or BoardRole.ViceChair);

    /// <summary>Holds any role on the board (may answer its reminder cards).</summary>
    public bool HoldsRole => PersonId is not null && Roles.Count > 0;

    /// <summary>
    /// May see the board's people and meetings (recorded role holders' names, meeting dates and Teams links):
    /// its people, admins, and anyone in its own linked conversations. The ToR's text needs only the tenant.
    /// </summary>
    public bool SeesBoardDetails => InLinkedConversation || HoldsRole || (PersonId is not null && IsAdmin);
}
