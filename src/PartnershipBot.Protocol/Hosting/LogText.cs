using System.Globalization;
using System.Text;

namespace PartnershipBot.Protocol.Hosting;

/// <summary>
/// Makes a value from a request safe to write to a log: control characters, line and paragraph separators and
/// bidirectional overrides become visible <c>\uXXXX</c> escapes (so a card verb with a newline can't forge a log
/// line, or reorder one on screen), and long values are cut short.
/// </summary>
public static class LogText
{
    /// <summary>Longest value written.</summary>
    public const int MaxLength = 200;

    /// <summary><paramref name="value"/> cleaned for the log ("(none)" when null).</summary>
    public static string Clean(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var cut = value.Length > MaxLength;
        var span = cut ? value.AsSpan(0, MaxLength) : value.AsSpan();
        StringBuilder? cleaned = null;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (IsUnsafe(c))
            {
                cleaned ??= new StringBuilder(span.Length + 16).Append(span[..i]);
                cleaned.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                cleaned?.Append(c);
            }
        }

        var result = cleaned?.ToString() ?? span.ToString();
        return cut ? result + "…" : result;
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F';
}
