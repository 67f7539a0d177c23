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
    DeclarationMembers members,
    DeclarationTally tally,
    DeclarationScheduler scheduler,
    BoardPermissions permissions,
    TimeProvider time) : IFeatureRoutes
{
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

        return action.Verb switch
        {
            DeclarationCards.SubmitVerb => await SubmitAsync(turn, action, item, personId, cancellationToken),
            DeclarationCards.ViewVerb => await ViewAsync(turn, item, personId, cancellationToken),
            DeclarationCards.ChairVerb => await ChairAsync(turn, item, note: null, cancellationToken),
            DeclarationCards.ChaseVerb => await ChaseAsync(turn, action, item, cancellationToken),
            _ => InvokeResponse.Error(400, "UnknownAction", "This card is out of date. Please ask again for a new one."),
        };
    }

    private async Task<InvokeResponse> SubmitAsync(ITurnContext turn, CardAction action, DeclarationItem item, string personId, CancellationToken cancellationToken)
    {
        if (!await members.IsMemberAsync(item.BoardName, personId, cancellationToken))
        {
            return InvokeResponse.Message($"Only members of the {item.BoardName} can declare on this item.");
        }

        var answer = DeclarationAnswer.Read(action.Text("interest"), action.Text("nature"));
        var mayChair = await permissions.MayRunMeetingsAsync(turn, item.BoardName, cancellationToken);
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

    /// <summary>The refresh: a member sees their own answer; the chair's team their view; anyone else the counts.</summary>
    private async Task<InvokeResponse> ViewAsync(ITurnContext turn, DeclarationItem item, string personId, CancellationToken cancellationToken)
    {
        var status = await tally.StatusAsync(item, cancellationToken);
        var mayChair = await permissions.MayRunMeetingsAsync(turn, item.BoardName, cancellationToken);
        if (await members.IsMemberAsync(item.BoardName, personId, cancellationToken))
        {
            return InvokeResponse.Card(DeclarationCards.Personal(status, personId, mayChair).ToElement());
        }

        return mayChair
            ? await ChairAsync(turn, item, note: null, cancellationToken)
            : InvokeResponse.Card(DeclarationCards.ReadOnly(status, $"Only members of the {item.BoardName} declare on this item.").ToElement());
    }

    private async Task<InvokeResponse> ChairAsync(ITurnContext turn, DeclarationItem item, string? note, CancellationToken cancellationToken)
    {
        if (!await permissions.MayRunMeetingsAsync(turn, item.BoardName, cancellationToken))
        {
            return InvokeResponse.Message("Only the chair, vice-chair or secretariat can see who has declared.");
        }

        var status = await tally.StatusAsync(item, cancellationToken);
        var (quorum, problem) = await tally.QuorumAsync(status, cancellationToken);
        var drawing = Guid.NewGuid().ToString("N");
        return InvokeResponse.Card(DeclarationCards.Chair(status, quorum, problem, note, drawing).ToElement());
    }

    /// <summary>Re-sends the card to members who have not declared, in a new round so the outbox takes it as new.</summary>
    private async Task<InvokeResponse> ChaseAsync(ITurnContext turn, CardAction action, DeclarationItem item, CancellationToken cancellationToken)
    {
        if (!await permissions.MayRunMeetingsAsync(turn, item.BoardName, cancellationToken))
        {
            return InvokeResponse.Message("Only the chair, vice-chair or secretariat can chase declarations.");
        }

        var status = await tally.StatusAsync(item, cancellationToken);
        if (status.Outstanding.Count == 0)
        {
            return await ChairAsync(turn, item, "Everyone has declared: nobody to chase.", cancellationToken);
        }

        // The round is named by the press, so pressing Chase twice on one card (or Teams retrying it) queues one round.
        var queued = await scheduler.QueueChaseAsync(item, status.Outstanding, action.PressId, cancellationToken);
        return await ChairAsync(turn, item, queued == 0
            ? $"Already chased: {string.Join(", ", status.Outstanding.Select(status.NameOf))}."
            : $"Chased {queued} outstanding: {string.Join(", ", status.Outstanding.Select(status.NameOf))}.", cancellationToken);
    }

    /// <summary>The item the card is for: by id; cards posted before items were stored name the board and title instead.</summary>
    private async Task<DeclarationItem?> ItemOfAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.Text("itemId") is { Length: > 0 } itemId)
        {
            return await items.FindAsync(itemId, cancellationToken);
        }

        return action.Text("board") is { Length: > 0 } board && action.Text("item") is { Length: > 0 } title
            ? await items.FindByTitleAsync(board, title, time.GetUtcNow(), cancellationToken)
            : null;
    }
}
