namespace PartnershipBot.Features.Boards;

/// <summary>
/// Who may set boards up (<c>PartnershipBot:Admins</c>: Entra object ids). Each board's secretariat may too.
/// In local mode (no app id, loopback only) everyone is an admin, so a newcomer can try everything in the
/// Agents Playground.
/// </summary>
public sealed class BoardAdminOptions
{
    /// <summary>Entra object ids of the people who may set up any board.</summary>
    public IList<string> Admins { get; } = [];

    /// <summary>True in local mode: every user is treated as an admin.</summary>
    public bool EveryoneIsAdmin { get; set; }
}
