using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipBot.Features.Boards;
using PartnershipBot.Protocol.Cards;
using PartnershipBot.Features.Routing;

namespace PartnershipBot.Features.Reminders;

/// <summary>What the secretariat is told when someone needs more time.</summary>
/// <param name="BoardName">The board.</param>
/// <param name="Kind">papers or agenda.</param>
/// <param name="PersonName">Who asked.</param>
/// <param name="Deadline">The deadline they will miss (YYYY-MM-DD).</param>
/// <param name="MeetingDate">The meeting (YYYY-MM-DD).</param>
/// <param name="LateClause">The ToR's ban on late papers, quoted, when it has one.</param>
public sealed record MoreTimeNotice(string BoardName, string Kind, string PersonName, string Deadline, string MeetingDate, string? LateClause);

/// <summary>
/// "I need more time" reaches the board's secretariat (each holder in their 1:1 chat; with nobody recorded, the
/// board's conversation) through the reminder outbox, so it survives a restart and is sent once per person per
/// reminder however often the button is pressed.
/// </summary>
public sealed class SecretariatNotices(IReminderOutbox outbox, IBoardDirectory directory, TimeProvider time) : IReminderCardSource
{
    /// <summary>The reminder kind of the notice.</summary>
    public const string MoreTimeKind = "more-time";

    /// <inheritdoc />
    public string Kind => MoreTimeKind;

    /// <summary>Queues the notice that <paramref name="personId"/> needs more time on <paramref name="reminder"/>; returns how many recipients.</summary>
    public async Task<int> QueueMoreTimeAsync(ReminderRecord reminder, string personId, MoreTimeNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var payload = JsonSerializer.Serialize(notice, NoticeJsonContext.Default.MoreTimeNotice);
        var secretariat = await directory.HoldersAsync(reminder.BoardKey, BoardRole.Secretariat, cancellationToken);
        IReadOnlyList<string> recipients = secretariat.Count > 0
            ? [.. secretariat.Select(p => p.PersonId)]
            : [.. (await directory.LinkedConversationsAsync(reminder.BoardKey, cancellationToken)).Take(1)];
        foreach (var recipient in recipients)
        {
            await outbox.EnqueueAsync(new ReminderRecord(Guid.NewGuid().ToString("N"), $"{MoreTimeKind}/{reminder.ReminderId}/{personId}/{recipient}",
                reminder.BoardKey, recipient, MoreTimeKind, time.GetUtcNow(), payload), cancellationToken);
        }

        return recipients.Count;
    }

    /// <inheritdoc />
    public Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var notice = JsonSerializer.Deserialize(reminder.PayloadJson, NoticeJsonContext.Default.MoreTimeNotice)!;
        var what = notice.Kind == "agenda" ? "the agenda" : "their paper";
        var card = new AdaptiveCard()
            .Text($"More time requested: {notice.BoardName}", "heading")
            .Text($"{MarkdownText.EscapeForCard(notice.PersonName)} needs more time for {what} for the meeting on {Long(notice.MeetingDate)}.")
            .Facts(("Deadline", Long(notice.Deadline)), ("Meeting", Long(notice.MeetingDate)));
        if (notice.LateClause is not null)
        {
            card.Text($"The Terms of Reference say: “{notice.LateClause}”", "attention");
        }

        return Task.FromResult(card);
    }

    private static string Long(string isoDate) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(isoDate) is { Success: true } parsed ? Meetings.MeetingTimes.LongDate.Format(parsed.Value) : isoDate;
}

/// <summary>JSON for secretariat notices.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MoreTimeNotice))]
internal sealed partial class NoticeJsonContext : JsonSerializerContext;
