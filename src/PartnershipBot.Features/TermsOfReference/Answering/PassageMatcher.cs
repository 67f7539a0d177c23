using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Answering;

/// <summary>
/// How well a passage covers a question's words: the share of the question's information (inverse
/// document frequency) found in the passage, counting a synonym a little less than the word itself and
/// a heading above the passage less again.
/// </summary>
public static class PassageMatcher
{
    /// <summary>Coverage in [0, 1] of <paramref name="keys"/> by <paramref name="passage"/>.</summary>
    public static double Coverage(TermsOfReferenceModel model, TorPassage passage, IReadOnlyList<string> keys, IReadOnlySet<string>? softKeys = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return 0;
        }

        double total = 0, found = 0;
        foreach (var key in keys)
        {
            // Words that only name the board ("Stronger Communities PAG") count for little.
            var weight = Weight(model, key) * (softKeys?.Contains(key) == true ? 0.3 : 1);
            total += weight;
            found += weight * Match(passage, key);
        }

        return total == 0 ? 0 : found / total;
    }

    /// <summary>Share of the question's adjacent word pairs that the passage also has side by side.</summary>
    public static double PhraseMatch(TorPassage passage, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count < 2)
        {
            return 0;
        }

        var pairs = keys.Zip(keys.Skip(1), (a, b) => a + " " + b).ToList();
        return (double)pairs.Count(passage.Bigrams.Contains) / pairs.Count;
    }

    /// <summary>1 for the word itself, 0.8 for a synonym, 0.5 for a word only in the headings above.</summary>
    public static double Match(TorPassage passage, string key)
    {
        ArgumentNullException.ThrowIfNull(passage);
        if (passage.Keys.Contains(key))
        {
            return 1;
        }

        var alternatives = Lexicon.AlternativesFor(key);
        if (alternatives.Any(passage.Keys.Contains))
        {
            return 0.8;
        }

        return passage.HeadingKeys.Contains(key) || alternatives.Any(passage.HeadingKeys.Contains) ? 0.5 : 0;
    }

    /// <summary>A word the document never uses still counts (the passage cannot cover it); rare words count most.</summary>
    private static double Weight(TermsOfReferenceModel model, string key)
    {
        var known = model.Contains(key) || Lexicon.AlternativesFor(key).Any(model.Contains);
        return known ? model.Idf(key) : model.Idf(key) * 0.6;
    }
}
