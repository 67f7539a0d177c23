using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Interests;

/// <summary>
/// Save on the standing declaration card (Action.Execute, or the Action.Submit fallback the router reads the same
/// way). The card names the board and whose declaration it is; every press re-checks, in the actor's own tenant,
/// that the actor is that person and holds a role on the board, or is the board's secretariat (or an admin)
/// recording it for a member, which the register audits. Acknowledged only once the version is stored.
/// </summary>
public sealed class StandingInterestCardActions(
    IStandingInterestRegister register,
    IBoardRoles roles,
    IPeopleDirectory people,
    BoardContextResolver boards,
    StandingInterestReminders reminders,
    TimeProvider time) : IFeatureRoutes
{
    /// <summary>What anyone the card is not for is told (the same every time, so it reveals nothing).</summary>
    public const string NotYours = "This card is for someone else's declaration on a board I can't show you here, so nothing was saved.";

    private static readonly BoardRequest CardsBoard = new(BoardDuty.Anyone, NeedsTerms: false, NotYours, NotYours);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddCardAction("interests/card", "interests/", HandleAsync);
    }

    private async Task<InvokeResponse?> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        if (action.Verb != StandingInterestCards.SaveVerb || action.Text(StandingInterestCards.BoardKey) is not { Length: > 0 } boardName
            || action.Text(StandingInterestCards.PersonKey) is not { Length: > 0 } personId)
        {
            return InvokeResponse.Error(400, "BadRequest", "This card is out of date. Please say \"my interests\" for a new one.");
        }

        if (action.Actor.Id is not { } actor)
        {
            return InvokeResponse.Message("I can't tell who you are from this message, so I can't save a declaration.");
        }

        var gate = await boards.NamedAsync(turn, boardName, CardsBoard, cancellationToken);
        if (!gate.Allowed)
        {
            return InvokeResponse.Message(gate.Refusal);
        }

        var access = gate.Board.Access;
        var own = string.Equals(actor, personId, StringComparison.Ordinal);
        string? forName = null;
        if (own)
        {
            if (!boards.Allows(access, BoardDuty.AnswerReminders))
            {
                return InvokeResponse.Message($"Only people who hold a role on the {gate.Board.Name} keep a standing declaration there.");
            }
        }
        else
        {
            // Someone else's card: only the secretariat may record for a member, and only for one who is on the board.
            if (!access.MaySetUp || (await roles.RolesOfAsync(gate.Board.Name, personId, cancellationToken)).Count == 0)
            {
                return InvokeResponse.Message(NotYours);
            }

            forName = (await people.FindPersonAsync(personId, cancellationToken))?.Name ?? personId;
        }

        var board = gate.Board.Name;
        var latest = await register.LatestAsync(board, personId, cancellationToken);
        var form = StandingInterestForm.Read(action.Text);
        if (form.Problem is not null)
        {
            return InvokeResponse.Card(StandingInterestCards.Form(board, personId, forName, latest, form.Problem, form).ToElement());
        }

        var declaration = new StandingDeclaration(board, personId, own ? action.Actor.Name : forName, form.NothingToDeclare, form.Interests, actor, time.GetUtcNow());
        var stored = await register.AppendOnceAsync(declaration, action.PressId, cancellationToken);
        await reminders.QueueReviewAsync(stored, cancellationToken);
        return InvokeResponse.Card(StandingInterestCards.Form(board, personId, forName, stored, saved: stored).ToElement());
    }
}
