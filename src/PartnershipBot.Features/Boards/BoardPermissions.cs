using Microsoft.Extensions.Options;
using PartnershipBot.Protocol.Hosting;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// Who may run a board's business from Teams: admins (<c>PartnershipBot:Admins</c>), the board's secretariat
/// and, for meeting business such as declarations, its chair and vice-chair. Everyone in local mode.
/// </summary>
public sealed class BoardPermissions(IBoardDirectory directory, IOptions<BoardAdminOptions> admins)
{
    /// <summary>The acting person's Entra object id (or channel id when Teams gives none).</summary>
    public static string PersonOf(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id ?? "unknown";
    }

    /// <summary>True when the person is an admin (who may set up any board, including one not stored yet).</summary>
    public bool IsAdmin(ITurnContext turn)
    {
        var options = admins.Value;
        return options.EveryoneIsAdmin || options.Admins.Contains(PersonOf(turn), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the person may set the board up (link, roles).</summary>
    public Task<bool> MaySetUpAsync(ITurnContext turn, string boardName, CancellationToken cancellationToken) =>
        HasAnyRoleAsync(turn, boardName, [BoardRole.Secretariat], cancellationToken);

    /// <summary>True when the person may run meeting business (open declarations).</summary>
    public Task<bool> MayRunMeetingsAsync(ITurnContext turn, string boardName, CancellationToken cancellationToken) =>
        HasAnyRoleAsync(turn, boardName, [BoardRole.Secretariat, BoardRole.Chair, BoardRole.ViceChair], cancellationToken);

    private async Task<bool> HasAnyRoleAsync(ITurnContext turn, string boardName, BoardRole[] roles, CancellationToken cancellationToken)
    {
        var options = admins.Value;
        var person = PersonOf(turn);
        return options.EveryoneIsAdmin
            || options.Admins.Contains(person, StringComparer.OrdinalIgnoreCase)
            || (await directory.RolesOfAsync(boardName, person, cancellationToken)).Any(roles.Contains);
    }
}
