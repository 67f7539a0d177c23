using System.Globalization;

namespace PartnershipBot.Features.TermsOfReference.Text;

/// <summary>Reads small numbers written as digits or words ("10", "ten", "twelve").</summary>
public static class NumberWords
{
    private static readonly string[] Names =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    /// <summary>The regex alternation that matches a number in digits or words.</summary>
    public const string Pattern = @"(?:\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";

    /// <summary>Parses digits or a number word; null when it is neither.</summary>
    public static int? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToLowerInvariant();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var index = Array.IndexOf(Names, trimmed);
        return index >= 0 ? index : null;
    }

    /// <summary>Replaces number words with digits so "ten working days" and "10 working days" compare equal.</summary>
    public static string ToDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var index = Array.IndexOf(Names, words[i].ToLowerInvariant());
            if (index >= 0)
            {
                words[i] = index.ToString(CultureInfo.InvariantCulture);
            }
        }

        return string.Join(' ', words);
    }
}
