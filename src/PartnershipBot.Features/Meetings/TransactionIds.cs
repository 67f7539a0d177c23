using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace PartnershipBot.Features.Meetings;

/// <summary>
/// Graph's <c>transactionId</c> for a meeting: derived from the board and the local start, so every attempt to
/// create the same meeting (the SDK's own retries of a POST that timed out, or the chair pressing "Book" again
/// after an error) carries the same id and the calendar keeps one event.
/// </summary>
public static class TransactionIds
{
    private static readonly LocalDateTimePattern Minute = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    /// <summary>A name-based GUID (RFC 9562 version 8 layout over SHA-256) for the board's meeting at <paramref name="start"/>.</summary>
    public static string For(string boardName, LocalDateTime start)
    {
        ArgumentNullException.ThrowIfNull(boardName);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"partnershipbot/meeting/{boardName.Trim().ToUpperInvariant()}/{Minute.Format(start)}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom, name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
