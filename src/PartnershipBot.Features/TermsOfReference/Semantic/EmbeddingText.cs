using System.Text;

namespace PartnershipBot.Features.TermsOfReference.Semantic;

/// <summary>The form a text is embedded and keyed in.</summary>
public static class EmbeddingText
{
    /// <summary>
    /// Whitespace and control characters collapsed to single spaces and trimmed, so the same passage with different
    /// line wrapping or spacing (a re-upload, another extractor) shares one stored vector.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
