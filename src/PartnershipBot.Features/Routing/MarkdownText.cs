using System.Text;

namespace PartnershipBot.Features.Routing;

/// <summary>
/// Makes text a person typed (a declared interest, a display name, a file name, an agenda title) show as the
/// characters they typed in a markdown message or an Adaptive Card TextBlock, never as a link, image, emphasis,
/// heading or HTML. Teams renders markdown in both, and a name like <c>[Pay here](https://…)</c> would otherwise
/// become a link under the bot's name.
/// </summary>
public static class MarkdownText
{
    // The characters that make emphasis, code, links ([text](url) needs the brackets), headings, tables, strike-through
    // and quotes; a backslash makes each literal. Line starts need no more: line breaks are made spaces.
    private const string Special = "\\`*_[]#|~>";

    /// <summary>
    /// <paramref name="text"/> escaped for a Teams markdown message or TextBlock: markdown punctuation
    /// backslash-escaped, <c>&lt;</c> and <c>&amp;</c> written as entities (Teams messages accept HTML), control
    /// characters and line breaks turned into spaces (one value stays on its line). Null stays null.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                escaped.Append(' ');
            }
            else if (c == '<')
            {
                escaped.Append("&lt;");
            }
            else if (c == '&')
            {
                escaped.Append("&amp;");
            }
            else
            {
                if (Special.Contains(c, StringComparison.Ordinal))
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> for an Adaptive Card TextBlock (markdown, no HTML): punctuation backslash-escaped and
    /// control characters made spaces, but <c>&lt;</c> and <c>&amp;</c> left as they are, since cards show entities literally.
    /// </summary>
    public static string EscapeForCard(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                escaped.Append(' ');
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
