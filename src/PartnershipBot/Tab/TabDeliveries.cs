using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Reminders;

namespace PartnershipBot.Tab;

/// <summary>
/// Every reminder of a board with each recipient's delivery state, read from the outbox the dispatcher records
/// outcomes in: the tab's counterpart of the digest, which only names who was not reached. One reminder is the rows
/// queued together (same kind, same card, same due time), one row per recipient.
/// </summary>
public sealed class TabDeliveries(IReminderDeliveries deliveries, IPeopleDirectory people, IBoardLinks links)
{
    /// <summary>The most reminder rows read for one page: a year of a busy board's reminders.</summary>
    public const int RowsShown = 500;

    /// <summary>The states the page names, in the order its chart and tables list them.</summary>
    public static readonly IReadOnlyList<string> States =
        ["Sent", "SentLate", "Blocked", "NotFound", "NotReachable", "FailedAfterRetries", "Failed", "Pending", "Sending", "Retrying", "Held", "Withdrawn"];

    private static readonly LocalDateTimePattern Minute = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>The board's reminders, most recently due first, with their recipients' states.</summary>
    public async Task<TabDeliveriesView> ForAsync(string board, CancellationToken cancellationToken)
    {
        var rows = await deliveries.ForBoardAsync(board, RowsShown, cancellationToken);
        var conversations = (await links.LinkedConversationsAsync(board, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reminders = new List<TabReminderDelivery>();
        foreach (var group in rows.GroupBy(r => (r.Kind, r.PayloadJson, r.DueAt)))
        {
            var recipients = new List<TabRecipientDelivery>();
            foreach (var row in group.OrderBy(r => r.Recipient, StringComparer.Ordinal))
            {
                if (!names.TryGetValue(row.Recipient, out var name))
                {
                    name = await RecipientNameAsync(row.Recipient, conversations, cancellationToken);
                    names.Add(row.Recipient, name);
                }

                recipients.Add(new TabRecipientDelivery(row.ReminderId, name, StateOf(row), row.LastOutcome is { } outcome ? ReminderOutcomes.Text(outcome) : null, row.Attempts, MayRetry(row)));
            }

            var due = Minute.Format(Instant.FromDateTimeOffset(group.Key.DueAt).InZone(MeetingTimes.London).LocalDateTime);
            reminders.Add(new TabReminderDelivery(group.Key.Kind, due, Counts(recipients), [.. recipients.OrderBy(r => r.Name, StringComparer.CurrentCulture)]));
        }

        return new TabDeliveriesView(board, States, reminders, rows.Count == RowsShown);
    }

    /// <summary>The state the page shows, in the words: Sent, SentLate, Blocked, NotFound, NotReachable, FailedAfterRetries ...</summary>
    public static string StateOf(ReminderRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.State switch
        {
            ReminderState.Sent => row.LastOutcome == ReminderOutcome.SentLate ? "SentLate" : "Sent",
            ReminderState.Claimed => "Sending",
            // Pending after an attempt: Teams kept failing and the dispatcher will try again, or someone pressed Retry.
            ReminderState.Pending => row.LastOutcome is null ? "Pending" : "Retrying",
            _ => row.LastOutcome switch
            {
                ReminderOutcome.Blocked => "Blocked",
                ReminderOutcome.ConversationNotFound => "NotFound",
                ReminderOutcome.NotReachable or ReminderOutcome.NoConversationReference => "NotReachable",
                ReminderOutcome.FailedAfterRetries => "FailedAfterRetries",
                ReminderOutcome.Held => "Held",
                ReminderOutcome.Withdrawn => "Withdrawn",
                _ => "Failed",
            },
        };
    }

    /// <summary>A failed delivery may be tried once more; a withdrawn or held reminder was never a delivery failure.</summary>
    public static bool MayRetry(ReminderRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.State == ReminderState.Failed && StateOf(row) is not ("Held" or "Withdrawn");
    }

    private static Dictionary<string, int> Counts(IEnumerable<TabRecipientDelivery> recipients)
    {
        var counts = recipients.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return States.Where(counts.ContainsKey).ToDictionary(s => s, s => counts[s], StringComparer.Ordinal);
    }

    private async Task<string> RecipientNameAsync(string recipient, HashSet<string> conversations, CancellationToken cancellationToken)
    {
        if (conversations.Contains(recipient))
        {
            return "The board's Teams conversation";
        }

        return (await people.FindPersonAsync(recipient, cancellationToken))?.Name ?? "Someone the bot has no name for";
    }
}
