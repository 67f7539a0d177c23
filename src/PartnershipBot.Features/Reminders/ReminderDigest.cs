using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Cards;

namespace PartnershipBot.Features.Reminders;

/// <summary>One recipient a reminder could not reach.</summary>
/// <param name="Name">The person's name (or the conversation id when it isn't a person).</param>
/// <param name="Kind">What the reminder was about (papers, minutes, declaration ...).</param>
/// <param name="Outcome">Why: Blocked, ConversationNotFound, NotReachable, FailedAfterRetries ...</param>
public sealed record UndeliveredReminder(string Name, string Kind, ReminderOutcome Outcome);

/// <summary>The digest's content.</summary>
/// <param name="BoardName">The board.</param>
/// <param name="Undelivered">Who could not be reached.</param>
public sealed record ReminderDigestPayload(string BoardName, IReadOnlyList<UndeliveredReminder> Undelivered);

/// <summary>
/// Tells a board's secretariat who its reminders could not reach, so they can chase those people another way:
/// one digest per dispatch pass and board, to each secretariat member (or, with no secretariat recorded, to the
/// board's own conversation), delivered through the same outbox as everything else.
/// </summary>
public sealed class ReminderDigest(IReminderOutbox outbox, IBoardLinks links, IBoardRoles boardRoles, IPeopleDirectory personDirectory, TimeProvider time) : IReminderCardSource
{
    /// <summary>The reminder kind of a digest.</summary>
    public const string DigestKind = "digest";

    /// <inheritdoc />
    public string Kind => DigestKind;

    /// <summary>Queues digests of <paramref name="failed"/> (final failures, digests excluded) for each board.</summary>
    public async Task QueueAsync(IReadOnlyList<(ReminderRecord Reminder, ReminderOutcome Outcome)> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        foreach (var board in failed.Where(f => f.Reminder.Kind != DigestKind).GroupBy(f => f.Reminder.BoardKey))
        {
            var undelivered = new List<UndeliveredReminder>();
            foreach (var (reminder, outcome) in board)
            {
                var person = await personDirectory.FindPersonAsync(reminder.Recipient, cancellationToken);
                undelivered.Add(new UndeliveredReminder(person?.Name ?? reminder.Recipient, reminder.Kind, outcome));
            }

            var payload = JsonSerializer.Serialize(new ReminderDigestPayload(board.Key, undelivered), DigestJsonContext.Default.ReminderDigestPayload);
            // The same failures never give a second digest, whichever instance noticed them.
            var batch = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', board.Select(f => f.Reminder.ReminderId).Order()))))[..16];
            var secretariat = await boardRoles.HoldersAsync(board.Key, BoardRole.Secretariat, cancellationToken);
            IEnumerable<string> recipients = secretariat.Count > 0
                ? secretariat.Select(p => p.PersonId)
                : (await links.LinkedConversationsAsync(board.Key, cancellationToken)).Take(1);
            foreach (var recipient in recipients)
            {
                await outbox.EnqueueAsync(new ReminderRecord(Guid.NewGuid().ToString("N"), $"digest/{batch}/{recipient}", board.Key, recipient, DigestKind, time.GetUtcNow(), payload), cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Task.FromResult(Card(JsonSerializer.Deserialize(reminder.PayloadJson, DigestJsonContext.Default.ReminderDigestPayload)!));
    }

    /// <summary>The digest card: who could not be reached, and why, in words the secretariat can act on.</summary>
    public static AdaptiveCard Card(ReminderDigestPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new AdaptiveCard()
            .Text($"Reminders not delivered: {payload.BoardName}", "attention")
            .Text("I couldn't reach these people in Teams. Please chase them another way.")
            .Facts([.. payload.Undelivered.Select(u => (u.Name, $"{u.Kind} reminder: {Explain(u.Outcome)}"))]);
    }

    /// <summary>An outcome in words the secretariat can act on.</summary>
    public static string Explain(ReminderOutcome outcome) => outcome switch
    {
        ReminderOutcome.Blocked => "they have blocked or removed the bot",
        ReminderOutcome.ConversationNotFound => "their chat with the bot no longer exists",
        ReminderOutcome.NotReachable or ReminderOutcome.NoConversationReference => "they have never used the bot, so Teams won't let it message them (ask them to install PartnershipBot)",
        ReminderOutcome.FailedAfterRetries => "Teams kept failing, even after retries",
        ReminderOutcome.MessageTooLarge => "the message was too large for Teams",
        _ => "Teams refused the message",
    };
}

/// <summary>JSON for digest payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReminderDigestPayload))]
internal sealed partial class DigestJsonContext : JsonSerializerContext;
