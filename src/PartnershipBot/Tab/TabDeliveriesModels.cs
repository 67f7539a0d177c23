using System.Text.Json.Serialization;

namespace PartnershipBot.Tab;

/// <summary><c>GET /tab/api/boards/{name}/deliveries</c>: the board's reminders and each recipient's delivery state.</summary>
/// <param name="Board">The board.</param>
/// <param name="States">Every state a recipient can be in, in the order the page lists them.</param>
/// <param name="Reminders">The reminders, most recently due first.</param>
/// <param name="Truncated">True when the board has more reminder rows than one page reads (<see cref="TabDeliveries.RowsShown"/>).</param>
public sealed record TabDeliveriesView(
    [property: JsonPropertyName("board")] string Board,
    [property: JsonPropertyName("states")] IReadOnlyList<string> States,
    [property: JsonPropertyName("reminders")] IReadOnlyList<TabReminderDelivery> Reminders,
    [property: JsonPropertyName("truncated")] bool Truncated);

/// <summary>One reminder: the rows queued together for one card and due time.</summary>
/// <param name="Kind">papers, minutes, agenda, pack, declaration, digest ...</param>
/// <param name="Due">When it was due, London time (YYYY-MM-DDTHH:mm).</param>
/// <param name="Counts">Recipients per state, states in <see cref="TabDeliveries.States"/> order, only those present.</param>
/// <param name="Recipients">Each recipient, by name.</param>
public sealed record TabReminderDelivery(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("due")] string Due,
    [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts,
    [property: JsonPropertyName("recipients")] IReadOnlyList<TabRecipientDelivery> Recipients);

/// <summary>One recipient's delivery.</summary>
/// <param name="Id">The reminder row's id: what Retry names.</param>
/// <param name="Name">The person's name, or the board's conversation.</param>
/// <param name="State">Sent, SentLate, Blocked, NotFound, NotReachable, FailedAfterRetries, Failed, Pending, Sending, Retrying, Held or Withdrawn.</param>
/// <param name="Outcome">The outcome the dispatcher recorded last, as it recorded it; null before the first attempt.</param>
/// <param name="Attempts">Attempts so far: Retry sends it back, so a second press of the same button changes nothing.</param>
/// <param name="MayRetry">A failed delivery that Retry may queue once more.</param>
public sealed record TabRecipientDelivery(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("mayRetry")] bool MayRetry);

/// <summary>The body of <c>POST /tab/api/boards/{name}/deliveries/{id}/retry</c>.</summary>
/// <param name="Attempts">The attempts the page showed for the delivery.</param>
public sealed record TabRetryRequest([property: JsonPropertyName("attempts")] int Attempts);

/// <summary>The answer to a Retry press.</summary>
/// <param name="Requeued">True when this press queued the delivery again; false when it was already requeued or tried again.</param>
/// <param name="State">The delivery's state now.</param>
public sealed record TabRetryResult(
    [property: JsonPropertyName("requeued")] bool Requeued,
    [property: JsonPropertyName("state")] string State);
