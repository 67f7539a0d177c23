using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Agenda;

/// <summary>Draws the agenda pack when the dispatcher posts it, from the agenda and papers as they are at that moment.</summary>
public sealed class AgendaPackCardSource(IMeetingStore meetings, MeetingAgenda agendas) : IReminderCardSource
{
    /// <inheritdoc />
    public string Kind => AgendaPackSchedule.ReminderKind;

    /// <inheritdoc />
    public async Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        // A card must still go out (throwing would stall the dispatcher's batch): say plainly what happened.
        var meeting = await meetings.FindAsync(AgendaPackSchedule.MeetingIdOf(reminder), cancellationToken);
        return meeting is null or { Cancelled: true }
            ? new AdaptiveCard().Text("Agenda pack", "heading").Text("This meeting is no longer on record. Please ask the secretariat for the current agenda.")
            : PackCards.Pack(await agendas.ForAsync(meeting, cancellationToken));
    }
}
