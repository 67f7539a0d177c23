using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Deadlines;
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
public sealed record MoreTimeNotice(string BoardName, [property: JsonConverter(typeof(PayloadKindJsonConverter))] DeadlineKind Kind, string PersonName, string Deadline, string MeetingDate, string? LateClause);

/// <summary>Where a "more time" notice goes, and how the member is told so.</summary>
/// <param name="Recipients">The secretariat's Entra ids, or the one conversation standing in for them; empty when nobody can be told.</param>
/// <param name="Description">"the secretariat (Sam Secretary) has been sent a notice…": the end of the sentence on the member's card.</param>
public sealed record MoreTimeDelivery(IReadOnlyList<string> Recipients, string Description);

/// <summary>
/// "I need more time" reaches the board's secretariat (each holder in their 1:1 chat; with nobody recorded, the
/// board's linked conversation) through the reminder outbox, so it survives a restart and is sent once per person per
/// reminder however often the button is pressed. The member is told where it went, because a notice posted in a
/// channel is read by whoever looks there, not by a named person.
/// </summary>
public sealed class SecretariatNotices(IReminderOutbox outbox, IBoardLinks links, IBoardRoles boardRoles, TimeProvider time) : IReminderCardSource
{
    /// <summary>The reminder kind of the notice.</summary>
    public const string MoreTimeKind = "more-time";

    /// <inheritdoc />
    public string Kind => MoreTimeKind;

    /// <summary>
    /// Who a notice about <paramref name="reminder"/> goes to. Without a recorded secretariat it is the board's own
    /// conversation: the one the button was pressed in (<paramref name="pressedIn"/>, a conversation scope id) when that
    /// is linked to the board, else the one the reminder was posted to, else the most recently linked. The oldest link
    /// used to win, which could be a chat the board had long stopped using.
    /// </summary>
    public async Task<MoreTimeDelivery> PlanMoreTimeAsync(ReminderRecord reminder, string? pressedIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var secretariat = await boardRoles.HoldersAsync(reminder.BoardKey, BoardRole.Secretariat, cancellationToken);
        if (secretariat.Count > 0)
        {
            var names = secretariat.Select(p => p.Name).OfType<string>().ToList();
            var who = names.Count == 0 ? "the secretariat" : $"the secretariat ({string.Join(", ", names)})";
            return new MoreTimeDelivery([.. secretariat.Select(p => p.PersonId)], $"{who} has been sent a notice in their chat with me");
        }

        var linked = await links.LinkedConversationsAsync(reminder.BoardKey, cancellationToken);
        var place = new[] { pressedIn, reminder.Recipient }.FirstOrDefault(c => c is not null && linked.Contains(c, StringComparer.Ordinal)) ?? (linked.Count == 0 ? null : linked[^1]);
        if (place is null)
        {
            return new MoreTimeDelivery([], "but no secretariat is recorded and the board has no linked channel or chat, so nobody has been told: please tell the chair or secretariat yourself");
        }

        var where = place == pressedIn ? $"posted in this {KindOf(place)}" : $"posted in the board's linked {KindOf(place)}";
        return new MoreTimeDelivery([place], $"no secretariat is recorded, so the notice was {where} (an admin can say \"make @name the secretariat\" so it goes to them)");
    }

    /// <summary>Queues <paramref name="notice"/> (that <paramref name="personId"/> needs more time on <paramref name="reminder"/>) to each of the delivery's recipients.</summary>
    public async Task QueueMoreTimeAsync(ReminderRecord reminder, string personId, MoreTimeNotice notice, MoreTimeDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(delivery);
        var payload = JsonSerializer.Serialize(notice, NoticeJsonContext.Default.MoreTimeNotice);
        foreach (var recipient in delivery.Recipients)
        {
            await outbox.EnqueueAsync(new ReminderRecord(Guid.NewGuid().ToString("N"), $"{MoreTimeKind}/{reminder.ReminderId}/{personId}/{recipient}",
                reminder.BoardKey, recipient, MoreTimeKind, time.GetUtcNow(), payload), cancellationToken);
        }
    }

    // Teams' ids say what a conversation is: channels are "19:…@thread.tacv2" (or the older "@thread.skype"), group
    // chats "19:…@thread.v2".
    private static string KindOf(string conversationId) =>
        conversationId.EndsWith("@thread.tacv2", StringComparison.OrdinalIgnoreCase) || conversationId.EndsWith("@thread.skype", StringComparison.OrdinalIgnoreCase)
            ? "channel"
            : "chat";

    /// <inheritdoc />
    public Task<AdaptiveCard> RenderAsync(ReminderRecord reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var notice = JsonSerializer.Deserialize(reminder.PayloadJson, NoticeJsonContext.Default.MoreTimeNotice)!;
        var what = notice.Kind == DeadlineKind.Agenda ? "the agenda" : "their paper";
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
