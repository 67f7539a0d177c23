using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Boards;

/// <summary>
/// The one guard every board route goes through: conversation (a channel thread counts as its channel) → linked board
/// → the turn's tenant may use it → its ToR when asked → the actor holds the duty asked; else the refusal to send.
/// The tenant check and role rules themselves are <see cref="BoardPermissions"/>'s; this only composes them once.
/// </summary>
public sealed class BoardContextResolver(BoardPermissions permissions, ITorLibrarySource library, BoardWorkingDays workingDays)
{
    /// <summary>The conversation's board for <paramref name="request"/>, or the refusal to send.</summary>
    public async Task<BoardGate> LinkedAsync(ITurnContext turn, BoardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(request);
        if (turn.Activity.GetConversationScopeId() is not { } conversationId
            || await permissions.LinkedAsync(turn, cancellationToken) is not { } access)
        {
            return new BoardGate(null, request.NotLinked, BoardDenial.NotLinked, null);
        }

        return await GateAsync(access, request, conversationId, cancellationToken);
    }

    /// <summary>
    /// The board a card or a question names (a meeting's, a reminder's, a declaration item's), which need not be the
    /// conversation's: the turn's tenant must be the board's and the actor must hold the duty asked, checked now, so a
    /// card forwarded to or forged by anyone else gets the refusal. "Not linked" here means "not a board you may use".
    /// </summary>
    public async Task<BoardGate> NamedAsync(ITurnContext turn, string boardName, BoardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(boardName);
        ArgumentNullException.ThrowIfNull(request);
        if (await permissions.AccessAsync(turn, boardName, cancellationToken) is not { } access)
        {
            return new BoardGate(null, request.NotLinked, BoardDenial.NotLinked, null);
        }

        return await GateAsync(access, request, turn.Activity.GetConversationScopeId() ?? string.Empty, cancellationToken);
    }

    /// <summary>
    /// The board a new ToR version is for (named by the message or by the document, so not necessarily the
    /// conversation's, and perhaps new to the bot): allowed when the actor may set it up, or when no tenant has
    /// claimed it yet and they are an admin whose tenant Teams names. With <paramref name="claim"/> (keeping the version)
    /// such a board is claimed for the turn's tenant first, and refused if it is another's by then. Unclaimed and not
    /// claimed, the admin gets the access they will have once they claim it (no roles, not linked).
    /// </summary>
    public async Task<BoardGate> TermsVersionAsync(ITurnContext turn, string boardName, BoardRequest request, bool claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(boardName);
        ArgumentNullException.ThrowIfNull(request);
        if (!await permissions.MaySetUpOrClaimAsync(turn, boardName, cancellationToken)
            || (claim && !await permissions.ClaimForTurnAsync(turn, boardName, cancellationToken)))
        {
            return new BoardGate(null, request.Refused, BoardDenial.Refused, null);
        }

        var access = await permissions.AccessAsync(turn, boardName, cancellationToken)
            ?? new BoardAccess(boardName, BoardPermissions.EntraIdOf(turn), [], permissions.IsAdmin(turn), InLinkedConversation: false);
        return await GateAsync(access, request, turn.Activity.GetConversationScopeId() ?? string.Empty, cancellationToken);
    }

    /// <summary>True when the actor is a configured admin (<see cref="BoardPermissions.IsAdmin"/>).</summary>
    public bool IsAdmin(ITurnContext turn) => permissions.IsAdmin(turn);

    /// <summary>The boards whose ToR the turn's tenant may read (<see cref="BoardPermissions.LibraryForAsync"/>).</summary>
    public Task<TorLibrary> LibraryForAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        permissions.LibraryForAsync(turn, withUnclaimed: false, cancellationToken);

    /// <summary>True when <paramref name="access"/> carries <paramref name="duty"/> (in local mode everyone answers reminders).</summary>
    public bool Allows(BoardAccess access, BoardDuty duty)
    {
        ArgumentNullException.ThrowIfNull(access);
        return duty switch
        {
            BoardDuty.RunMeetings => access.MayRunMeetings,
            BoardDuty.SetUp => access.MaySetUp,
            BoardDuty.SeeDetails => access.SeesBoardDetails,
            BoardDuty.AnswerReminders => access.HoldsRole || permissions.IsLocalMode,
            _ => true,
        };
    }

    private async Task<BoardGate> GateAsync(BoardAccess access, BoardRequest request, string conversationId, CancellationToken cancellationToken)
    {
        var terms = (await library.GetAsync(cancellationToken)).Find(access.BoardName);
        if (request.NeedsTerms && terms is null)
        {
            return new BoardGate(null, request.NotLinked, BoardDenial.NotLinked, null);
        }

        return Allows(access, request.Duty)
            ? new BoardGate(new BoardContext(access, terms, conversationId, workingDays), null, BoardDenial.None, access.BoardName)
            : new BoardGate(null, request.Refused, BoardDenial.Refused, access.BoardName);
    }
}
