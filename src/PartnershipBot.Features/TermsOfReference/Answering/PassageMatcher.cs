using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// How well a passage covers a question's words: the share of the question's information (inverse
/// document frequency) found in the passage, counting a synonym a little less than the word itself and
/// a heading above the passage less again. Weights and synonyms are worked out once per question, since
/// a long ToR has thousands of passages to score.
/// </summary>
public sealed class PassageMatcher
{
    private readonly (string Key, string[] Alternatives, double Weight)[] terms;
    private readonly string[] pairs;
    private readonly double total;

    /// <summary>Prepares to score passages of <paramref name="model"/> against <paramref name="keys"/>.</summary>
    /// <param name="model">The board's model (for word rarity).</param>
    /// <param name="keys">The question's keys, in question order.</param>
    /// <param name="softKeys">Keys that count for little (the board's own name words).</param>
    public PassageMatcher(TermsOfReferenceModel model, IReadOnlyList<string> keys, IReadOnlySet<string>? softKeys = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(keys);
        terms = [.. keys.Select(k => (k, Lexicon.AlternativesFor(k).ToArray(), Weight(model, k) * (softKeys?.Contains(k) == true ? 0.3 : 1)))];
        total = terms.Sum(t => t.Weight);
        pairs = [.. keys.Zip(keys.Skip(1), (a, b) => a + " " + b)];
    }

    /// <summary>Coverage in [0, 1] of the question's keys by <paramref name="passage"/>.</summary>
    public double Coverage(TorPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        if (total == 0)
        {
            return 0;
        }

        double found = 0;
        foreach (var (key, alternatives, weight) in terms)
        {
            found += weight * Match(passage, key, alternatives);
        }

        return found / total;
    }

    /// <summary>Share of the question's adjacent word pairs that the passage also has side by side.</summary>
    public double PhraseMatch(TorPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return pairs.Length == 0 ? 0 : (double)pairs.Count(passage.Bigrams.Contains) / pairs.Length;
    }

    /// <summary>Coverage of <paramref name="keys"/> by one passage (convenience for single use).</summary>
    public static double Coverage(TermsOfReferenceModel model, TorPassage passage, IReadOnlyList<string> keys) =>
        new PassageMatcher(model, keys).Coverage(passage);

    /// <summary>1 for the word itself, 0.8 for a synonym, 0.6 for a word only in the headings above.</summary>
    private static double Match(TorPassage passage, string key, string[] alternatives)
    {
        if (passage.Keys.Contains(key))
        {
            return 1;
        }

        foreach (var alternative in alternatives)
        {
            if (passage.Keys.Contains(alternative))
            {
                return 0.8;
            }
        }

        if (passage.HeadingKeys.Contains(key))
        {
            return 0.6;
        }

        foreach (var alternative in alternatives)
        {
            if (passage.HeadingKeys.Contains(alternative))
            {
                return 0.6;
            }
        }

        return 0;
    }

    /// <summary>A word the document never uses still counts (the passage cannot cover it); rare words count most.</summary>
    private static double Weight(TermsOfReferenceModel model, string key)
    {
        var known = model.Contains(key) || Lexicon.AlternativesFor(key).Any(model.Contains);
        return known ? model.Idf(key) : model.Idf(key) * 0.6;
    }
}
