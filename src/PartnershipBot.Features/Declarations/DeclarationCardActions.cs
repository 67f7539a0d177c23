using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// The declaration card's actions. Card data names only the item; who is acting is always the authenticated
/// activity's <c>from.aadObjectId</c>, so a forged card can't declare for someone else, and only the item's
/// board's members may declare. An answer is acknowledged only after the register has stored it.
/// </summary>
public sealed class DeclarationCardActions(
    IDeclarationRegister register,
    IDeclarationItemStore items,
    DeclarationTally tally,
    DeclarationScheduler scheduler,
    BoardContextResolver boards,
    Interests.RelevantInterests standing,
    TimeProvider time) : IFeatureRoutes
{
    // The item's board, in the actor's own tenant; which role each verb needs is the verb's to check.
    private static readonly BoardRequest ItemsBoard = new(BoardDuty.Anyone, NeedsTerms: false, NotYourBoard, NotYourBoard);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddCardAction("declarations/card", "declarations/", HandleAsync);
    }

    private async Task<InvokeResponse?> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var item = await ItemOfAsync(action, cancellationToken);
        if (item is null)
        {
            return InvokeResponse.Error(400, "BadRequest", "This declaration card is out of date. Please ask the secretariat to send it again.");
        }

        // Teams always sends the Entra id with an authenticated activity; without it nobody can be held to a declaration.
        if (action.Actor.Id is not { } personId)
        {
            return InvokeResponse.Message("I can't tell who you are from this message, so I can't record a declaration.");
        }

        // The item's board, in the actor's own tenant; a card from another organisation's board does nothing here.
        var gate = await boards.NamedAsync(turn, item.BoardName, ItemsBoard, cancellationToken);
        if (!gate.Allowed)
        {
            return InvokeResponse.Message(gate.Refusal);
        }

        var access = gate.Board.Access;

        return action.Verb switch
        {
            DeclarationCards.SubmitVerb => await SubmitAsync(turn, action, item, personId, access, cancellationToken),
            DeclarationCards.ViewVerb => await ViewAsync(item, personId, access, cancellationToken),
            DeclarationCards.ChairVerb => await ChairAsync(item, access, note: null, cancellationToken),
            DeclarationCards.ChaseVerb => await ChaseAsync(action, item, access, cancellationToken),
            _ => InvokeResponse.Error(400, "UnknownAction", "This card is out of date. Please ask again for a new one."),
        };
    }

    /// <summary>What anyone outside the item's board's tenant is told (the same for every card, so it reveals nothing).</summary>
    public const string NotYourBoard = "This card is for a board I can't show you here, so nothing was changed.";

    private async Task<InvokeResponse> SubmitAsync(ITurnContext turn, CardAction action, DeclarationItem item, string personId, BoardAccess access, CancellationToken cancellationToken)
    {
        if (!access.IsVotingMember)
        {
            return InvokeResponse.Message($"Only members of the {item.BoardName} can declare on this item.");
        }

        var answer = DeclarationAnswer.Read(action.Text("interest"), action.Text("nature"));
        var mayChair = access.MayRunMeetings;
        if (answer.Problem is not null)
        {
            var unchanged = await tally.StatusAsync(item, cancellationToken);
            return InvokeResponse.Card(DeclarationCards.Personal(unchanged, personId, mayChair, answer.Problem, answer.InterestCode, answer.Nature).ToElement());
        }

        var entry = new DeclarationEntry(item.BoardName, item.Title, personId, action.Actor.Name, answer.Interest!.Value,
            answer.Interest == InterestKind.None ? null : answer.Nature, time.GetUtcNow(), item.MeetingId);
        // The acknowledgement goes back only after the register has committed the entry. A second press of the same
        // card (a double click, a Teams retry, Execute and its Submit fallback) is the same press: the register keeps
        // the first and answers both with it.
        var stored = await register.AppendOnceAsync(entry, action.PressId, cancellationToken);
        var status = await tally.StatusAsync(item, cancellationToken);
        return InvokeResponse.Card(DeclarationCards.Personal(status, personId, mayChair, stored: stored).ToElement());
    }

    /// <summary>
    /// The refresh: a member sees their own answer; the chair's team their view; others in the board's own
    /// conversations (or holding another role) the counts; anyone else nothing.
    /// </summary>
    private async Task<InvokeResponse> ViewAsync(DeclarationItem item, string personId, BoardAccess access, CancellationToken cancellationToken)
    {
        if (!access.SeesBoardDetails && !access.MayRunMeetings)
        {
            return InvokeResponse.Message($"Only the {item.BoardName}'s members and officers can see where declarations stand.");
        }

        var status = await tally.StatusAsync(item, cancellationToken);
        if (access.IsVotingMember)
        {
            return InvokeResponse.Card(DeclarationCards.Personal(status, personId, access.MayRunMeetings).ToElement());
        }

        return access.MayRunMeetings
            ? await ChairAsync(item, access, note: null, cancellationToken)
            : InvokeResponse.Card(DeclarationCards.ReadOnly(status, $"Only members of the {item.BoardName} declare on this item.").ToElement());
    }

    private async Task<InvokeResponse> ChairAsync(DeclarationItem item, BoardAccess access, string? note, CancellationToken cancellationToken)
    {
        if (!access.MayRunMeetings)
        {
            return InvokeResponse.Message(BoardRefusals.RunnersOnly("see who has declared"));
        }

        var status = await tally.StatusAsync(item, cancellationToken);
        var (quorum, problem) = await tally.QuorumAsync(status, cancellationToken);
        var drawing = Guid.NewGuid().ToString("N");
        var relevant = await standing.ForItemAsync(item, cancellationToken);
        return InvokeResponse.Card(DeclarationCards.Chair(status, quorum, problem, note, drawing, relevant).ToElement());
    }

    /// <summary>Re-sends the card to members who have not declared, in a new round so the outbox takes it as new.</summary>
    private async Task<InvokeResponse> ChaseAsync(CardAction action, DeclarationItem item, BoardAccess access, CancellationToken cancellationToken)
    {
        if (!access.MayRunMeetings)
        {
            return InvokeResponse.Message(BoardRefusals.RunnersOnly("chase declarations"));
        }

        var status = await tally.StatusAsync(item, cancellationToken);
        if (status.Outstanding.Count == 0)
        {
            return await ChairAsync(item, access, "Everyone has declared: nobody to chase.", cancellationToken);
        }

        // The round is named by the press, so pressing Chase twice on one card (or Teams retrying it) queues one round.
        var queued = await scheduler.QueueChaseAsync(item, status.Outstanding, action.PressId, cancellationToken);
        return await ChairAsync(item, access, queued == 0
            ? $"Already chased: {string.Join(", ", status.Outstanding.Select(status.NameOf))}."
            : $"Chased {queued} outstanding: {string.Join(", ", status.Outstanding.Select(status.NameOf))}.", cancellationToken);
    }

    /// <summary>
    /// The item the card is for, by its id only. (Cards from before items were stored named the board and title; a
    /// guessable title is no key, so those cards are out of date.)
    /// </summary>
    private async Task<DeclarationItem?> ItemOfAsync(CardAction action, CancellationToken cancellationToken) =>
        action.Text("itemId") is { Length: > 0 } itemId ? await items.FindAsync(itemId, cancellationToken) : null;
}
