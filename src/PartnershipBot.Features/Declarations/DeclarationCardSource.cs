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
        var item = await items.FindAsync(DeclarationScheduler.ItemIdOf(reminder), cancellationToken)
            ?? throw new InvalidOperationException($"Declaration reminder {reminder.ReminderId} refers to an item that is not stored.");
        return DeclarationCards.Shared(await tally.StatusAsync(item, cancellationToken));
    }
}
