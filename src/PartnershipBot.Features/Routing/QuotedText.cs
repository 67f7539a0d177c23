namespace PartnershipBot.Features.Routing;

/// <summary>Quoting a ToR sentence inside one of the bot's own sentences.</summary>
public static class QuotedText
{
    /// <summary>
    /// <paramref name="text"/> in curly quotes ending the bot's sentence: a full stop after the closing quote only when
    /// the quoted text has no closing punctuation of its own, so "… per year.”" never becomes "… per year.”.".
    /// </summary>
    public static string EndingSentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = text.Trim();
        return quoted.Length > 0 && quoted[^1] is '.' or '!' or '?' or ':' or ';' ? $"“{quoted}”" : $"“{quoted}”.";
    }
}
