using System.Text.Json.Serialization;
using PartnershipBot.Protocol.Connector;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// What became of a reminder's last attempt. Stored (the outbox's <c>last_outcome</c>, a digest's JSON), logged and
/// counted by its name, exactly the strings the outbox has always held, so no migration is needed.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReminderOutcome>))]
public enum ReminderOutcome
{
    /// <summary>Delivered on time.</summary>
    Sent,
    /// <summary>Delivered, but well after it was due (the bot was down); the card says so.</summary>
    SentLate,
    /// <summary>403: the person blocked or removed the bot.</summary>
    Blocked,
    /// <summary>404: the conversation no longer exists.</summary>
    ConversationNotFound,
    /// <summary>413: the card was too large for Teams.</summary>
    MessageTooLarge,
    /// <summary>Teams kept failing (429/412/5xx) even after the Connector's retries.</summary>
    FailedAfterRetries,
    /// <summary>Any other refusal from Teams.</summary>
    Failed,
    /// <summary>No conversation with the recipient, and Teams would not open one.</summary>
    NotReachable,
    /// <summary>An earlier name for <see cref="NotReachable"/>, still read from older rows and digests.</summary>
    NoConversationReference,
    /// <summary>Held by the secretariat (an agenda pack): kept unsent until released.</summary>
    Held,
    /// <summary>Withdrawn before it went (its meeting moved or was cancelled).</summary>
    Withdrawn,
}

/// <summary>The stored text of a <see cref="ReminderOutcome"/> and back.</summary>
public static class ReminderOutcomes
{
    /// <summary>The outcome of a Connector send that went through the retries.</summary>
    public static ReminderOutcome From(ConnectorOutcome outcome) => outcome switch
    {
        ConnectorOutcome.Sent => ReminderOutcome.Sent,
        ConnectorOutcome.Blocked => ReminderOutcome.Blocked,
        ConnectorOutcome.ConversationNotFound => ReminderOutcome.ConversationNotFound,
        ConnectorOutcome.MessageTooLarge => ReminderOutcome.MessageTooLarge,
        ConnectorOutcome.FailedAfterRetries => ReminderOutcome.FailedAfterRetries,
        _ => ReminderOutcome.Failed,
    };

    /// <summary>The text stored for <paramref name="outcome"/> (its name, as always).</summary>
    public static string Text(ReminderOutcome outcome) => outcome.ToString();

    /// <summary>The outcome stored as <paramref name="text"/>; an unknown string is a store this version can't read, said so.</summary>
    /// <exception cref="InvalidDataException">The text names no outcome this version knows.</exception>
    public static ReminderOutcome Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Names only: Enum.TryParse would also take "3" or " Sent", which no version ever stored.
        return Enum.GetNames<ReminderOutcome>().Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<ReminderOutcome>(text)
            : throw new InvalidDataException($"A stored reminder outcome \"{text}\" is not one this version knows ({string.Join(", ", Enum.GetNames<ReminderOutcome>())}).");
    }
}
