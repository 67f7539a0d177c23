using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// Draws a paper, agenda or minutes reminder for whoever is looking at it. A reminder posted to a board's
/// conversation asks Teams to refresh it for each of the board's known people (up to Teams' 60), so each sees
/// what they themselves have done; one sent to a single person ("remind me tomorrow") needs no refresh.
/// </summary>
public sealed class DeadlineReminderViews(IReminderResponses responses, IBoardRoles boardRoles)
{
    /// <summary>Idempotency keys of reminders queued for one person start with this.</summary>
    public const string PersonalKeyPrefix = "snooze/";

    private static readonly BoardRole[] People = [BoardRole.Chair, BoardRole.ViceChair, BoardRole.Member, BoardRole.Secretariat];

    /// <summary>The card of <paramref name="reminder"/> as <paramref name="viewerId"/> sees it (null: as sent, before anyone acted).</summary>
    public async Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, ReminderPayload payload, string? viewerId, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var own = viewerId is null ? [] : await responses.OfPersonAsync(reminder.ReminderId, viewerId, cancellationToken);
        var refreshFor = reminder.IdempotencyKey.StartsWith(PersonalKeyPrefix, StringComparison.Ordinal) ? [] : await TeamsIdsAsync(reminder.BoardKey, cancellationToken);
        return ReminderCards.Reminder(payload, reminder.ReminderId, own, refreshFor, note);
    }

    private async Task<IReadOnlyList<string>> TeamsIdsAsync(string boardName, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var role in People)
        {
            ids.AddRange((await boardRoles.HoldersAsync(boardName, role, cancellationToken)).Select(p => p.TeamsId).OfType<string>());
        }

        return [.. ids.Distinct(StringComparer.OrdinalIgnoreCase).Take(AdaptiveCard.MaxRefreshUsers)];
    }
}
