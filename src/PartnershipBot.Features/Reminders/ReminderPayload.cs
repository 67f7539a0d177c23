using System.Text.Json.Serialization;
using PartnershipBot.Features.Deadlines;

namespace PartnershipBot.Features.Reminders;

/// <summary>What a queued reminder says: which meeting, which deadline, and the rule it comes from.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="BoardName">The board.</param>
/// <param name="Kind">Papers, agenda or minutes (stored as those words).</param>
/// <param name="Deadline">The deadline date (YYYY-MM-DD).</param>
/// <param name="MeetingDate">The meeting date (YYYY-MM-DD).</param>
/// <param name="Rule">The ToR rule as a typed duration, e.g. "3 working days before the meeting".</param>
public sealed record ReminderPayload(string MeetingId, string BoardName, [property: JsonConverter(typeof(PayloadKindJsonConverter))] DeadlineKind Kind, string Deadline, string MeetingDate, string Rule);

/// <summary>JSON for reminder payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReminderPayload))]
internal sealed partial class ReminderJsonContext : JsonSerializerContext;

/// <summary>Reading the payload of a paper, agenda or minutes reminder.</summary>
public static class ReminderPayloads
{
    /// <summary>The reminder kinds whose payload is a <see cref="ReminderPayload"/> and whose card is <see cref="ReminderCards"/>.</summary>
    public static readonly IReadOnlySet<string> DeadlineKinds = new HashSet<string>(["papers", "agenda", "minutes"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The deadline payload of <paramref name="reminder"/>, or null when it is another kind of reminder.</summary>
    public static ReminderPayload? Read(ReminderRecord reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return DeadlineKinds.Contains(reminder.Kind)
            ? System.Text.Json.JsonSerializer.Deserialize(reminder.PayloadJson, ReminderJsonContext.Default.ReminderPayload)
            : null;
    }

    /// <summary>The payload as stored.</summary>
    public static string Write(ReminderPayload payload) => System.Text.Json.JsonSerializer.Serialize(payload, ReminderJsonContext.Default.ReminderPayload);
}
