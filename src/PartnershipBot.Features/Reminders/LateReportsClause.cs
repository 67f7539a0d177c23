using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Model;

namespace PartnershipBot.Features.Reminders;

/// <summary>
/// Finds a ToR's ban on late papers ("no late reports will be permitted", "late papers will not be accepted"),
/// so someone asking for more time hears the board's own rule before the secretariat has to tell them.
/// </summary>
public static partial class LateReportsClause
{
    /// <summary>The sentence of <paramref name="model"/> that forbids late papers, or null when it has none.</summary>
    public static string? Find(TermsOfReferenceModel? model)
    {
        if (model is null)
        {
            return null;
        }

        return model.Passages
            .SelectMany(p => TermsOfReferenceModel.Sentences(p.Text))
            .Select(s => s.Trim())
            .FirstOrDefault(s => Forbids().IsMatch(s)) is { } sentence
            ? sentence.TrimEnd('.') + "."
            : null;
    }

    [GeneratedRegex(
        @"\bno late (?:papers|reports|items|submissions)\b[^.]{0,40}\b(?:permitted|accepted|allowed|considered|tabled|taken)\b"
        + @"|\blate (?:papers|reports|items|submissions)\b[^.]{0,20}\b(?:will|shall|can|may)\s+not\s+be\s+(?:permitted|accepted|allowed|considered|tabled|taken)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Forbids();
}
