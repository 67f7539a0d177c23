using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Evaluation;

/// <summary>How one answer scored against its gold item.</summary>
/// <param name="Item">The gold item.</param>
/// <param name="Answer">The bot's answer.</param>
/// <param name="Right">True when it scores as right.</param>
public sealed record ScoredAnswer(GoldQuestion Item, TorAnswer Answer, bool Right)
{
    /// <summary>Answered, but not right: the failure that misleads members.</summary>
    public bool ConfidentWrong => Answer.Answered && !Right;
}

/// <summary>
/// The evaluation's scoring rule: an answerable item is right when the bot answered and every required
/// string appears in the answer (case, spacing and number words normalised); an unanswerable item is
/// right when the bot said the ToR does not settle it.
/// </summary>
public static partial class EvaluationScore
{
    /// <summary>Scores one answer.</summary>
    public static ScoredAnswer Score(GoldQuestion item, TorAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answer);
        var right = item.Answerable
            ? answer.Answered && item.MustContain.All(s => Normalise(answer.Answer).Contains(Normalise(s), StringComparison.Ordinal))
            : !answer.Answered;
        return new ScoredAnswer(item, answer, right);
    }

    /// <summary>Lower case, number words as digits, single spaces.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spaced = Whitespace().Replace(text.ToLowerInvariant().Replace('-', ' '), " ").Trim();
        return NumberWords.ToDigits(spaced);
    }

    /// <summary>Summary line: accuracy, answerable right, honest unknowns, confident-wrong.</summary>
    public static string Summarise(IReadOnlyList<ScoredAnswer> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var answerable = results.Count(r => r.Item.Answerable);
        var answerableRight = results.Count(r => r.Item.Answerable && r.Right);
        var unanswerable = results.Count - answerable;
        var honest = results.Count(r => !r.Item.Answerable && r.Right);
        var right = results.Count(r => r.Right);
        var accuracy = results.Count == 0 ? 0 : 100.0 * right / results.Count;
        return $"accuracy: {right}/{results.Count} ({accuracy:F1}%)  answerable right: {answerableRight}/{answerable}  honest unknowns: {honest}/{unanswerable}  confident-wrong: {results.Count(r => r.ConfidentWrong)}";
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Whitespace();
}
