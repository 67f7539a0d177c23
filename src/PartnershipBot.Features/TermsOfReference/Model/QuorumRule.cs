using System.Globalization;
using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// A quorum rule a machine can apply: a share of the membership (optionally "plus one"), or a fixed
/// number of members. "50% of membership, plus one" with 12 members needs 7.
/// </summary>
/// <param name="Fraction">Share of the eligible membership (0.5 for half), or null for a fixed count.</param>
/// <param name="PlusOne">True when the rule adds one to the share.</param>
/// <param name="FixedCount">A fixed number of members, when the rule is a count.</param>
/// <param name="Text">The rule as written.</param>
public sealed partial record QuorumRule(double? Fraction, bool PlusOne, int? FixedCount, string Text)
{
    /// <summary>Members needed for a quorum when <paramref name="eligibleMembers"/> may take part.</summary>
    public int Needed(int eligibleMembers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eligibleMembers);
        if (FixedCount is { } fixedCount)
        {
            return fixedCount;
        }

        var share = Fraction!.Value * eligibleMembers;
        // "half plus one" means more than half: floor then add one; a plain share rounds up.
        return PlusOne ? (int)Math.Floor(share + 1e-9) + 1 : (int)Math.Ceiling(share - 1e-9);
    }

    /// <summary>The rule as written with a worked example, for the answer's lead.</summary>
    public string Describe() => $"{Text.Trim().TrimEnd('.')}. For example, with 12 eligible members that is {Needed(12)}.";

    /// <summary>Reads a quorum rule from ToR wording; null when the wording gives no computable rule.</summary>
    public static QuorumRule? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plusOne = PlusOnePattern().IsMatch(text);
        var percent = Percent().Match(text);
        if (percent.Success)
        {
            return new QuorumRule(double.Parse(percent.Groups[1].Value, CultureInfo.InvariantCulture) / 100, plusOne, null, text);
        }

        var fraction = FractionWords().Match(text);
        if (fraction.Success)
        {
            var value = fraction.Groups[1].Value.ToLowerInvariant() switch
            {
                "half" or "one half" or "a half" => 0.5,
                "one third" or "a third" => 1.0 / 3,
                "two thirds" => 2.0 / 3,
                "one quarter" or "a quarter" => 0.25,
                "three quarters" => 0.75,
                _ => 0.5,
            };
            return new QuorumRule(value, plusOne, null, text);
        }

        var count = FixedMembers().Match(text);
        if (count.Success && NumberWords.Parse(count.Groups[1].Value) is { } members)
        {
            return new QuorumRule(null, false, members, text);
        }

        return null;
    }

    [GeneratedRegex(@"plus\s+one|\+\s*1\b|and\s+one\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlusOnePattern();

    [GeneratedRegex(@"(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();

    [GeneratedRegex(@"\b(one half|a half|half|one third|a third|two thirds|one quarter|a quarter|three quarters)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FractionWords();

    [GeneratedRegex(@"\b(" + NumberWords.Pattern + @")\s+(?:voting\s+|full\s+|core\s+)?(?:members|representatives|partners)", RegexOptions.IgnoreCase)]
    private static partial Regex FixedMembers();
}
