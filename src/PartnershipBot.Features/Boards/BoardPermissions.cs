using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Protocol.Authentication;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// The one place that decides who may see and do what on a board: the conversation's board, the tenant check, the
/// actor's roles. A board belongs to one tenant; with channel auth on, a turn from any other tenant (or a board no
/// tenant has claimed yet) gets nothing, admins included. The actor is only ever <c>from.aadObjectId</c>, never
/// <c>from.id</c>. In local mode (no app id: loopback, the Agents Playground) everyone is an admin and unclaimed
/// boards are open.
/// </summary>
public sealed class BoardPermissions(
    IBoardLinks links, IBoardRoles boardRoles,
    IBoardTenancy tenancy,
    ITorLibrarySource library,
    IOptions<BoardAdminOptions> admins,
    IOptions<BotFrameworkOptions> bot,
    TimeProvider time)
{
    // The boards a tenant sees, per library version: a tenant's questions reuse one filtered library.
    private readonly ConditionalWeakTable<TorLibrary, ConcurrentDictionary<string, TorLibrary>> subsets = new();

    /// <summary>The actor's Entra object id, or null when the activity carries none (then nothing role-gated is allowed).</summary>
    public static string? EntraIdOf(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Activity.From?.AadObjectId is { Length: > 0 } id ? id : null;
    }

    /// <summary>The actor for audit entries: the Entra object id (role-gated actions never run without one).</summary>
    public static string PersonOf(ITurnContext turn) => EntraIdOf(turn) ?? "unknown";

    /// <summary>Local mode: no channel auth (the same <see cref="BotFrameworkOptions.IsLocalMode"/> the endpoint uses).</summary>
    public bool IsLocalMode => bot.Value.IsLocalMode;

    /// <summary>True when the actor is a configured admin (or anyone, in local mode) and Teams said who they are.</summary>
    public bool IsAdmin(ITurnContext turn) =>
        EntraIdOf(turn) is { } person && (IsLocalMode || admins.Value.Admins.Contains(person, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a turn from <paramref name="turnTenant"/> may use a board of <paramref name="boardTenant"/>. With channel
    /// auth on both must be known and equal (fail closed); local mode only refuses two known tenants that differ.
    /// </summary>
    public bool TenantAllows(string? boardTenant, string? turnTenant) =>
        boardTenant is null || turnTenant is null ? IsLocalMode : string.Equals(boardTenant, turnTenant, StringComparison.OrdinalIgnoreCase);

    /// <summary>The actor's access to <paramref name="boardName"/>, or null when the turn's tenant may not use it.</summary>
    public async Task<BoardAccess?> AccessAsync(ITurnContext turn, string boardName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(boardName);
        if (!TenantAllows(await tenancy.TenantOfAsync(boardName, cancellationToken), turn.Activity.GetTenantId()))
        {
            return null;
        }

        var link = await links.FindLinkAsync(turn.Activity.GetConversationScopeId() ?? string.Empty, cancellationToken);
        var linked = link is not null && string.Equals(link.BoardName, boardName, StringComparison.OrdinalIgnoreCase);
        return await ResolveAsync(turn, boardName, linked, cancellationToken);
    }

    /// <summary>The board the turn's conversation is linked to, with the actor's access; null when unlinked or in another tenant.</summary>
    public async Task<BoardAccess?> LinkedAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await LinkedBoardAsync(turn, cancellationToken) is { } board ? await ResolveAsync(turn, board, linked: true, cancellationToken) : null;

    /// <summary>The name of the conversation's board when the turn's tenant may use it, else null (roles not read).</summary>
    public async Task<string?> LinkedBoardAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var link = await links.FindLinkAsync(turn.Activity.GetConversationScopeId() ?? string.Empty, cancellationToken);
        return link is not null && TenantAllows(await tenancy.TenantOfAsync(link.BoardName, cancellationToken), turn.Activity.GetTenantId())
            ? link.BoardName
            : null;
    }

    /// <summary>True when the person may set the board up (link, roles, members, ToR versions).</summary>
    public async Task<bool> MaySetUpAsync(ITurnContext turn, string boardName, CancellationToken cancellationToken) =>
        (await AccessAsync(turn, boardName, cancellationToken))?.MaySetUp == true;

    /// <summary>True when the person may run meeting business (schedule, declarations, quorum).</summary>
    public async Task<bool> MayRunMeetingsAsync(ITurnContext turn, string boardName, CancellationToken cancellationToken) =>
        (await AccessAsync(turn, boardName, cancellationToken))?.MayRunMeetings == true;

    /// <summary>
    /// True when the person may add a ToR version for the board: they may set it up, or it is a board no tenant has
    /// claimed yet (new, seeded or CLI-ingested) and they are an admin whose tenant Teams names (keeping claims it).
    /// </summary>
    public async Task<bool> MaySetUpOrClaimAsync(ITurnContext turn, string boardName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var unclaimed = await tenancy.TenantOfAsync(boardName, cancellationToken) is null;
        return (unclaimed && IsAdmin(turn) && (IsLocalMode || turn.Activity.GetTenantId() is not null))
            || await MaySetUpAsync(turn, boardName, cancellationToken);
    }

    /// <summary>
    /// The boards whose ToR the turn's tenant may read (all of them in local mode, when none are claimed elsewhere);
    /// with <paramref name="withUnclaimed"/> also those no tenant has claimed yet, for an admin who may claim them.
    /// </summary>
    public async Task<TorLibrary> LibraryForAsync(ITurnContext turn, bool withUnclaimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var all = await library.GetAsync(cancellationToken);
        var tenants = await tenancy.TenantsOfAsync([.. all.Boards.Select(b => b.Identity.Name)], cancellationToken);
        var turnTenant = turn.Activity.GetTenantId();
        var visible = new List<TermsOfReferenceModel>(all.Boards.Count);
        for (var i = 0; i < all.Boards.Count; i++)
        {
            if (TenantAllows(tenants[i], turnTenant) || (withUnclaimed && tenants[i] is null))
            {
                visible.Add(all.Boards[i]);
            }
        }

        if (visible.Count == all.Boards.Count)
        {
            return all;
        }

        var key = string.Join('\n', visible.Select(b => b.Identity.Name));
        return subsets.GetOrCreateValue(all).GetOrAdd(key, _ => new TorLibrary(visible));
    }

    /// <summary>
    /// Makes sure the board belongs to the turn's tenant before an admin sets it up: an unclaimed board is claimed
    /// for the turn's tenant (only by an admin, only when Teams names the tenant). True when the board is the turn's
    /// tenant's afterwards (or, in local mode, open to it).
    /// </summary>
    public async Task<bool> ClaimForTurnAsync(ITurnContext turn, string boardName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var owner = await tenancy.TenantOfAsync(boardName, cancellationToken);
        var turnTenant = turn.Activity.GetTenantId();
        if (owner is null && turnTenant is not null && IsAdmin(turn))
        {
            owner = await tenancy.ClaimAsync(boardName, turnTenant, PersonOf(turn), time.GetUtcNow(), cancellationToken);
        }

        return TenantAllows(owner, turnTenant);
    }

    /// <summary>
    /// The boards of <paramref name="tenantId"/> on which <paramref name="personId"/> (an Entra object id) holds a role,
    /// with those roles, in library order. With auth on, an unknown person or tenant gets none (fail closed) and an
    /// admin sees only boards they hold a role on. In local mode every board is listed, with the person's roles (none
    /// when no person is given), as the "every board, as the development person" asks.
    /// </summary>
    public async Task<IReadOnlyList<HeldBoard>> BoardsHeldAsync(string? personId, string? tenantId, CancellationToken cancellationToken)
    {
        var all = await library.GetAsync(cancellationToken);
        var names = all.Boards.Select(b => b.Identity.Name).ToList();
        var tenants = await tenancy.TenantsOfAsync(names, cancellationToken);
        var held = new List<HeldBoard>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!TenantAllows(tenants[i], tenantId))
            {
                continue;
            }

            // One roles query per board: a deployment holds tens of boards, not thousands, and this keeps the
            // roles port (two stores and their fakes) unchanged.
            var roles = personId is null ? [] : await boardRoles.RolesOfAsync(names[i], personId, cancellationToken);
            if (roles.Count > 0 || IsLocalMode)
            {
                held.Add(new HeldBoard(names[i], roles));
            }
        }

        return held;
    }

    /// <summary>
    /// One board as <see cref="BoardsHeldAsync"/> would list it for <paramref name="personId"/> of <paramref name="tenantId"/>
    /// (the tab's per-board pages): null when the board is another tenant's or, with auth on, the person holds no role
    /// on it. Being an admin counts only in local mode, as it does in chat there: with auth on the tab, like the list,
    /// shows an admin only the boards they hold a role on. No conversation is involved, so none is linked.
    /// </summary>
    public async Task<BoardAccess?> AccessOfPersonAsync(string? personId, string? tenantId, string boardName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        if (!TenantAllows(await tenancy.TenantOfAsync(boardName, cancellationToken), tenantId))
        {
            return null;
        }

        var roles = personId is null ? [] : await boardRoles.RolesOfAsync(boardName, personId, cancellationToken);
        return roles.Count > 0 || IsLocalMode
            ? new BoardAccess(boardName, personId, roles, IsAdmin: IsLocalMode && personId is not null, InLinkedConversation: false)
            : null;
    }

    private async Task<BoardAccess> ResolveAsync(ITurnContext turn, string boardName, bool linked, CancellationToken cancellationToken)
    {
        var person = EntraIdOf(turn);
        var roles = person is null ? [] : await boardRoles.RolesOfAsync(boardName, person, cancellationToken);
        return new BoardAccess(boardName, person, roles, IsAdmin(turn), linked);
    }
}
