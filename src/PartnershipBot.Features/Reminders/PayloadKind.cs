using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipBot.Features.Deadlines;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// The deadline a reminder payload is about, kept in its JSON (and in outbox keys) as the lower-case words it has
/// always been ("papers", "agenda", "minutes"), so queued reminders read the same; anything else in a stored payload
/// fails naming the word instead of being shown as a papers reminder.
/// </summary>
public static class PayloadKinds
{
    private static readonly Dictionary<string, DeadlineKind> ByText = new(StringComparer.Ordinal)
    {
        ["papers"] = DeadlineKind.Papers,
        ["agenda"] = DeadlineKind.Agenda,
        ["minutes"] = DeadlineKind.Minutes,
    };

    /// <summary>The stored word for <paramref name="kind"/>; only the three a reminder is sent for have one.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is a deadline no reminder is queued for.</exception>
    public static string Text(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Papers => "papers",
        DeadlineKind.Agenda => "agenda",
        DeadlineKind.Minutes => "minutes",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No reminder is queued for this kind of deadline."),
    };

    /// <summary>The kind stored as <paramref name="text"/>.</summary>
    /// <exception cref="InvalidDataException">The word names no kind this version knows.</exception>
    public static DeadlineKind Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ByText.TryGetValue(text, out var kind)
            ? kind
            : throw new InvalidDataException($"A stored reminder payload kind \"{text}\" is not one this version knows (papers, agenda, minutes).");
    }
}

/// <summary>A <see cref="DeadlineKind"/> in payload JSON as its stored word (see <see cref="PayloadKinds"/>).</summary>
public sealed class PayloadKindJsonConverter : JsonConverter<DeadlineKind>
{
    /// <inheritdoc />
    public override DeadlineKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? PayloadKinds.Parse(reader.GetString()!)
            : throw new InvalidDataException($"A stored reminder payload kind is a JSON {reader.TokenType}, not one of papers, agenda, minutes.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DeadlineKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(PayloadKinds.Text(value));
    }
}
