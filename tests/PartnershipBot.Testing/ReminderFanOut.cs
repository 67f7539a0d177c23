using System.Globalization;
using PartnershipBot.Features.Conversations;
using PartnershipBot.Features.Reminders;

namespace PartnershipBot.Testing;

/// <summary>
/// A fan-out as the dispatcher meets it in production: one personal chat per person (a stored conversation
/// reference pointing at the Connector under test) and one papers reminder per person, due now. Shared by the
/// fan-out benchmark and the reliability tests so both measure the same thing.
/// </summary>
public static class ReminderFanOut
{
    /// <summary>The conversation id of person <paramref name="index"/> (Teams' personal-chat shape).</summary>
    public static string ConversationOf(int index) => string.Create(CultureInfo.InvariantCulture, $"a:fanout-person-{index:D6}");

    /// <summary>Stores <paramref name="count"/> personal conversations at <paramref name="serviceUrl"/> and a reminder due at <paramref name="dueAt"/> for each.</summary>
    public static async Task SeedAsync(IConversationReferenceStore references, IReminderOutbox outbox, string serviceUrl, int count, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(outbox);
        var payload = """{"meetingId":"fanout/2027-03-12","boardName":"Fan-out Board","kind":"papers","deadline":"2027-03-09","meetingDate":"2027-03-12","rule":"3 working days before the meeting"}""";
        for (var i = 0; i < count; i++)
        {
            var conversation = ConversationOf(i);
            await references.SaveAsync(
                new ConversationReferenceRecord(conversation, serviceUrl, "msteams", "tenant-fanout", "personal", $"person-{i}", "28:bot", "{}", dueAt),
                cancellationToken);
            await outbox.EnqueueAsync(
                new ReminderRecord($"fanout-{i:D6}", $"fanout/papers/{conversation}", "Fan-out Board", conversation, "papers", dueAt, payload),
                cancellationToken);
        }
    }

    /// <summary>How the deliveries at the stub compare with the <paramref name="count"/> people who should each get one.</summary>
    public static FanOutTally Tally(TeamsLimitsConnector connector, int count)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var delivered = connector.DeliveriesByConversation();
        var missing = Enumerable.Range(0, count).Count(i => !delivered.ContainsKey(ConversationOf(i)));
        var duplicates = delivered.Values.Sum(n => Math.Max(0, n - 1));
        var strangers = delivered.Keys.Count(k => !k.StartsWith("a:fanout-person-", StringComparison.Ordinal));
        return new FanOutTally(delivered.Values.Sum(), missing, duplicates, strangers);
    }
}

/// <summary>Deliveries counted at the Connector stub.</summary>
/// <param name="Delivered">Activities accepted.</param>
/// <param name="Missing">People who got nothing.</param>
/// <param name="Duplicates">Extra copies beyond one per person.</param>
/// <param name="Strangers">Activities to conversations outside the fan-out (e.g. a digest).</param>
public sealed record FanOutTally(int Delivered, int Missing, int Duplicates, int Strangers);
