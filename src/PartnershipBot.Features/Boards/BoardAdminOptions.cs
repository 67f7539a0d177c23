namespace PartnershipBot.Features.Boards;

/// <summary>
/// Who may set boards up (<c>PartnershipBot:Admins</c>: Entra object ids), within each board's own tenant. Each
/// board's secretariat may too. In local mode (no app id, loopback only; decided by
/// <see cref="Protocol.Authentication.BotFrameworkOptions.IsLocalMode"/>) everyone is an admin, so a newcomer can
/// try everything in the Agents Playground.
/// </summary>
public sealed class BoardAdminOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PartnershipBot";

    /// <summary>Entra object ids of the people who may set up any board of their own tenant.</summary>
    public IList<string> Admins { get; } = [];
}
