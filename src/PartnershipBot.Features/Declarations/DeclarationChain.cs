using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PartnershipBot.Features.Declarations;

/// <summary>
/// The register's hash: SHA-256 over the previous entry's hash and this entry's fields, serialised as a JSON
/// array so no two different entries can produce the same input.
/// </summary>
public static class DeclarationChain
{
    /// <summary>The hash of <paramref name="entry"/> following <paramref name="previousHash"/>, as lower-case hex.</summary>
    public static string Hash(string previousHash, DeclarationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string?[] fields =
        [
            previousHash, entry.BoardName, entry.Item, entry.PersonId, entry.PersonName, Code(entry.Interest), entry.Nature,
            entry.DeclaredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ];
        // The meeting is hashed only when there is one, so entries stored before items had meetings still verify.
        if (entry.MeetingId is not null)
        {
            fields = [.. fields, entry.MeetingId];
        }

        var canonical = JsonSerializer.Serialize(fields, DeclarationJsonContext.Default.StringArray);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The stored code of an interest kind: none, pecuniary, non-pecuniary.</summary>
    public static string Code(InterestKind interest) => interest switch
    {
        InterestKind.Pecuniary => "pecuniary",
        InterestKind.NonPecuniary => "non-pecuniary",
        _ => "none",
    };

    /// <summary>Reads a stored code; null when it is not one.</summary>
    public static InterestKind? Parse(string? code) => code switch
    {
        "none" => InterestKind.None,
        "pecuniary" => InterestKind.Pecuniary,
        "non-pecuniary" => InterestKind.NonPecuniary,
        _ => null,
    };
}

/// <summary>JSON for the canonical hash input.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class DeclarationJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
