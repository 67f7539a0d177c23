using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Agenda.Papers;

/// <summary>Draws the chair's late-paper card when the dispatcher sends it: already decided (by a vice-chair, say) shows the decision.</summary>
public sealed class LatePaperCardSource(ILatePaperDecisions decisions) : IReminderCardSource
{
    /// <inheritdoc />
    public string Kind => LatePapers.ReminderKind;

    /// <inheritdoc />
    public async Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        var request = LatePapers.Read(reminder);
        var decided = (await decisions.ForMeetingAsync(request.MeetingId, cancellationToken)).FirstOrDefault(d => d.ItemId == request.ItemId);
        return LatePaperCards.Ask(request, decided);
    }
}
