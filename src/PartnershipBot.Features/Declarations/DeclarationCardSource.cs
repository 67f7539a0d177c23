using PartnershipBot.Features.Reminders;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// Renders queued declaration cards when the dispatcher sends them, from the register as it stands then, so a
/// card sent after some members answered already shows the current counts.
/// </summary>
public sealed class DeclarationCardSource(IDeclarationItemStore items, DeclarationTally tally) : IReminderCardSource
{
    /// <inheritdoc />
    public string Kind => DeclarationScheduler.ReminderKind;

    /// <inheritdoc />
    public async Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        // A card must still go out (throwing would stall the dispatcher's whole batch): say plainly what happened.
        var item = await items.FindAsync(DeclarationScheduler.ItemIdOf(reminder), cancellationToken);
        return item is null
            ? new AdaptiveCard().Text("Declaration of interests", "heading").Text("This financial decision is no longer on record. Please ask the secretariat whether a declaration is needed.")
            : DeclarationCards.Shared(await tally.StatusAsync(item, cancellationToken));
    }
}
