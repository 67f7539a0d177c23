using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace PartnershipBot.Cli;

/// <summary>Parsing of option values, with usage errors that say what was expected.</summary>
internal static class CliValues
{
    public static int Count(string value, string option, int minimum)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < minimum)
        {
            throw new CommandLineException($"{option} must be a whole number of at least {minimum}, got '{value}'.");
        }

        return count;
    }

    /// <summary>"Tuesday 8 December 2026", for people reading the output.</summary>
    public static string Long(LocalDate date) => LongDate.Format(date);

    private static readonly LocalDatePattern LongDate = LocalDatePattern.Create("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static LocalDate Date(string value, string option)
    {
        var parsed = LocalDatePattern.Iso.Parse(value);
        return parsed.Success ? parsed.Value : throw new CommandLineException($"{option} must be a date as YYYY-MM-DD, got '{value}'.");
    }
}
