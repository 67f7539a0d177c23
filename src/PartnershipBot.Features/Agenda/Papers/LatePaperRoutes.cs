using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Features.Routing;
using PartnershipBot.Protocol.Hosting;
using PartnershipBot.Protocol.Schema;

namespace PartnershipBot.Features.Agenda.Papers;

/// <summary>
/// "Accept the late paper" / "Refuse it" on the chair's card (Action.Execute, or its Action.Submit fallback on older
/// clients). Each press re-checks the presser now, through <see cref="BoardContextResolver"/>, against the item's board
/// and tenant: only its chair or vice-chair decide. The first decision is kept, so a double press decides once.
/// </summary>
public sealed class LatePaperRoutes(
    IAgendaStore agenda, IMeetingStore meetings, IPaperStore papers, MeetingAgenda agendas, ILatePaperDecisions decisions, BoardContextResolver boards, TimeProvider time)
    : IFeatureRoutes
{
    private const string ChairOnly = "Only the board's chair or vice-chair can accept or refuse a late paper. Nothing was changed.";

    // The tenant check is the resolver's; the chair check is below, as no board duty is the chair's alone.
    private static readonly BoardRequest Press = new(BoardDuty.Anyone, NeedsTerms: false, ChairOnly, ChairOnly);

    /// <inheritdoc />
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.AddCardAction("agenda/late-paper", "late-paper/", PressAsync);
    }

    private async Task<InvokeResponse?> PressAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        if (action.Verb is not (LatePaperCards.AcceptVerb or LatePaperCards.RefuseVerb))
        {
            return InvokeResponse.Error(400, "UnknownAction", "This card is out of date.");
        }

        var meeting = action.Text("meetingId") is { } meetingId ? await meetings.FindAsync(meetingId, cancellationToken) : null;
        var item = meeting is null ? null
            : (await agenda.ForMeetingAsync(meeting.MeetingId, cancellationToken)).FirstOrDefault(i => i.ItemId == action.Text("itemId") && !i.Withdrawn);
        if (meeting is null or { Cancelled: true } || item is null)
        {
            return InvokeResponse.Card(LatePaperCards.Unavailable().ToElement());
        }

        var gate = await boards.NamedAsync(turn, meeting.BoardName, Press, cancellationToken);
        if (!gate.Allowed || gate.Board.Access.PersonId is not { } person
            || !gate.Board.Access.Roles.Any(r => r is BoardRole.Chair or BoardRole.ViceChair))
        {
            return InvokeResponse.Message(ChairOnly);
        }

        var view = await agendas.ForAsync(meeting, cancellationToken);
        var latest = (await papers.ForMeetingAsync(meeting.MeetingId, cancellationToken)).Where(p => p.ItemId == item.ItemId).MaxBy(p => p.Version);
        var request = new LatePaperRequest(item.ItemId, meeting.MeetingId, meeting.BoardName, item.Title, item.OwnerName, latest?.FileName ?? "(no file)",
            LocalDatePattern.Iso.Format(view.PackDue), LocalDatePattern.Iso.Format(view.MeetingDate), LateReportsClause.Find(gate.Board.TermsOrNull) ?? string.Empty);
        var (decision, recorded) = await decisions.DecideAsync(
            new LatePaperDecision(item.ItemId, meeting.BoardName, meeting.MeetingId, action.Verb == LatePaperCards.AcceptVerb, person, action.Actor.Name, time.GetUtcNow()), cancellationToken);
        var note = recorded ? null : $"It had already been {decision.Word}; nothing was changed.";
        return InvokeResponse.Card(LatePaperCards.Ask(request, decision, note).ToElement());
    }
}
