using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// BM25 over a board's passages, normalised so 1 means "a passage of average length holding every word of
/// the question". Each question word counts by its rarity in this document; a member's synonym for a ToR
/// word ("police" for "constabulary") counts a little less than the word itself, and a word only in the
/// headings above the passage less again. The board's own name words count for little: every clause is
/// about the board.
/// </summary>
public sealed class LexicalScorer
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly (string Key, string[] Alternatives, double Weight)[] terms;
    private readonly double ideal;
    private readonly double averageLength;

    /// <summary>Prepares to score <paramref name="model"/>'s passages against <paramref name="keys"/>.</summary>
    public LexicalScorer(TermsOfReferenceModel model, IEnumerable<string> keys, IReadOnlySet<string> softKeys)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(softKeys);
        terms = [.. keys.Distinct().Select(k => (k, Lexicon.AlternativesFor(k).ToArray(), Weight(model, k) * (softKeys.Contains(k) ? 0.25 : 1)))];
        ideal = terms.Sum(t => t.Weight);
        UnknownShare = ideal == 0 ? 0 : terms.Where(t => !Known(model, t.Key)).Sum(t => t.Weight) / ideal;
        averageLength = model.Passages.Count == 0 ? 1 : model.Passages.Average(p => (double)p.WordCount);
    }

    /// <summary>Share of the question's weight in words this document never uses: a question about something it doesn't cover.</summary>
    public double UnknownShare { get; }

    /// <summary>True when the question has any word to match.</summary>
    public bool HasTerms => ideal > 0;

    /// <summary>Normalised BM25 of <paramref name="passage"/> (0 when it shares nothing with the question).</summary>
    public double Score(TorPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        if (ideal == 0)
        {
            return 0;
        }

        var saturation = (K1 + 1) / (1 + (K1 * (1 - B + (B * passage.WordCount / averageLength))));
        var found = 0.0;
        foreach (var (key, alternatives, weight) in terms)
        {
            found += weight * Match(passage, key, alternatives);
        }

        // Saturation is relative to an average-length passage, so short passages gain a little and long lists lose.
        return found / ideal * Math.Sqrt(saturation / ((K1 + 1) / (1 + K1)));
    }

    /// <summary>Share of the question's weighted words found in the passage or its headings, ignoring length.</summary>
    public double Coverage(TorPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return ideal == 0 ? 0 : terms.Sum(t => t.Weight * Match(passage, t.Key, t.Alternatives)) / ideal;
    }

    private static double Match(TorPassage passage, string key, string[] alternatives)
    {
        if (passage.Keys.Contains(key))
        {
            return 1;
        }

        if (alternatives.Any(passage.Keys.Contains))
        {
            return 0.8;
        }

        return passage.HeadingKeys.Contains(key) || alternatives.Any(passage.HeadingKeys.Contains) ? 0.6 : 0;
    }

    /// <summary>Rare words count most; a word the document never uses still counts (no passage can cover it).</summary>
    private static double Weight(TermsOfReferenceModel model, string key)
    {
        return Known(model, key) ? model.Idf(key) : model.Idf(key) * 0.6;
    }

    private static bool Known(TermsOfReferenceModel model, string key) =>
        model.Contains(key) || model.HeadingKeys.Contains(key) || Lexicon.AlternativesFor(key).Any(model.Contains);
}
