using System.Text.Json;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// Renders the card for reminders of one <see cref="ReminderRecord.Kind"/> (e.g. "declaration"). Features
/// register one per kind they queue, so the dispatcher sends any feature's cards without knowing them.
/// </summary>
public interface IReminderCardSource
{
    /// <summary>The reminder kind this source renders.</summary>
    string Kind { get; }

    /// <summary>The card to send for <paramref name="reminder"/>.</summary>
    Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken);
}

/// <summary>
/// Picks the card for a reminder by its kind: the source registered for that kind, else the paper, agenda and
/// minutes deadline card.
/// </summary>
public sealed class ReminderCardCatalog(IEnumerable<IReminderCardSource> sources, DeadlineReminderViews deadlines)
{
    private readonly Dictionary<string, IReminderCardSource> byKind = sources.ToDictionary(s => s.Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>The card for <paramref name="reminder"/>.</summary>
    public Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (byKind.TryGetValue(reminder.Kind, out var source))
        {
            return source.RenderAsync(reminder, cancellationToken);
        }

        var payload = JsonSerializer.Deserialize(reminder.PayloadJson, ReminderJsonContext.Default.ReminderPayload)!;
        return deadlines.RenderAsync(reminder, payload, viewerId: null, note: null, cancellationToken);
    }
}
