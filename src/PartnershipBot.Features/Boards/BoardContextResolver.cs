using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.TermsOfReference;
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

        var terms = (await library.GetAsync(cancellationToken)).Find(access.BoardName);
        if (request.NeedsTerms && terms is null)
        {
            return new BoardGate(null, request.NotLinked, BoardDenial.NotLinked, null);
        }

        return Allows(access, request.Duty)
            ? new BoardGate(new BoardContext(access, terms, conversationId, workingDays), null, BoardDenial.None, access.BoardName)
            : new BoardGate(null, request.Refused, BoardDenial.Refused, access.BoardName);
    }

    /// <summary>True when <paramref name="access"/> carries <paramref name="duty"/>.</summary>
    public static bool Allows(BoardAccess access, BoardDuty duty)
    {
        ArgumentNullException.ThrowIfNull(access);
        return duty switch
        {
            BoardDuty.RunMeetings => access.MayRunMeetings,
            BoardDuty.SetUp => access.MaySetUp,
            _ => true,
        };
    }
}
