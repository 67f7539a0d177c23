using System.Globalization;

namespace PartnershipBot.Infrastructure.Persistence;

/// <summary>How the stores write values both engines compare the same way.</summary>
internal static class DbValues
{
    /// <summary>Timestamps as ISO-8601 UTC text: sorts correctly and moves unchanged between SQLite and PostgreSQL.</summary>
    public static string Text(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Reads a timestamp written by <see cref="Text"/>.</summary>
    public static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Board names match case- and spacing-insensitively ("Safer Leeds Board" = "safer  leeds board").</summary>
    public static string BoardKey(string boardName) =>
        string.Join(' ', boardName.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
