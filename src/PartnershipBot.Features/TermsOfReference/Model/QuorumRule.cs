using System.Globalization;
using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference.Text;

namespace PartnershipBot.Features.TermsOfReference.Model;

/// <summary>
/// A quorum rule a machine can apply: a share of the membership (optionally "plus one"), a majority, or a fixed
/// number of members, with an optional floor ("a third of members and not less than two") and a condition it
/// cannot check from numbers alone ("including one councillor"). "50% of membership, plus one" with 12 members
/// needs 7; with 5 members, 50% is 2.5, plus one is 3.5, rounded up to 4.
/// </summary>
/// <param name="Fraction">Share of the eligible membership (0.5 for half), or null for a fixed count.</param>
/// <param name="PlusOne">True when the rule adds one to the share.</param>
/// <param name="FixedCount">A fixed number of members, when the rule is a count.</param>
/// <param name="Text">The rule as written.</param>
public sealed partial record QuorumRule(double? Fraction, bool PlusOne, int? FixedCount, string Text)
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>"Not less than two members" alongside a share: the quorum is never below this.</summary>
    public int? Minimum { get; init; }

    /// <summary>True for "a majority of members": more than half.</summary>
    public bool Majority { get; init; }

    /// <summary>A condition the count must also meet ("including one councillor"), which the bot cannot check.</summary>
    public string? Condition { get; init; }

    /// <summary>Members needed for a quorum when <paramref name="eligibleMembers"/> may take part.</summary>
    public int Needed(int eligibleMembers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eligibleMembers);
        int needed;
        if (FixedCount is { } fixedCount)
        {
            needed = fixedCount;
        }
        else if (Majority)
        {
            needed = (eligibleMembers / 2) + 1;
        }
        else
        {
            // A share is rounded up (you cannot have part of a member); "plus one" is added before rounding.
            var share = (Fraction!.Value * eligibleMembers) + (PlusOne ? 1 : 0);
            needed = (int)Math.Ceiling(share - 1e-9);
        }

        return Math.Max(needed, Minimum ?? 0);
    }

    /// <summary>The working for <paramref name="members"/>: "50% of 5 is 2.5, plus one is 3.5, rounded up to 4".</summary>
    public string Working(int members)
    {
        var invariant = CultureInfo.InvariantCulture;
        var needed = Needed(members);
        string working;
        if (FixedCount is { } fixedCount)
        {
            working = $"the rule is a fixed {fixedCount} whatever the membership";
        }
        else if (Majority)
        {
            working = $"a majority of {members} is more than half, so {needed}";
        }
        else
        {
            var share = Fraction!.Value * members;
            var shareText = share.ToString("0.##", invariant);
            working = PlusOne
                ? $"{Describe(Fraction.Value)} of {members} is {shareText}, plus one is {(share + 1).ToString("0.##", invariant)}"
                : $"{Describe(Fraction.Value)} of {members} is {shareText}";
            working += Math.Abs(share + (PlusOne ? 1 : 0) - Math.Round(share + (PlusOne ? 1 : 0))) > 1e-9 ? ", rounded up" : string.Empty;
        }

        if (Minimum is { } minimum && needed == minimum && FixedCount is null)
        {
            working += $", but never fewer than {minimum}";
        }

        return $"with {members} members that is {needed} ({working})" + (Condition is null ? string.Empty : $"; it must also be met {Condition}, which I can't check from the numbers");
    }

    /// <summary>The rule as written with a worked example, for the answer's lead.</summary>
    public string Describe() => $"{Text.Trim().TrimEnd('.')}. For example, {Working(12)}.";

    private static string Describe(double fraction) => fraction switch
    {
        0.5 => "half",
        0.25 => "a quarter",
        0.75 => "three quarters",
        _ when Math.Abs(fraction - (1.0 / 3)) < 1e-6 => "a third",
        _ when Math.Abs(fraction - (2.0 / 3)) < 1e-6 => "two thirds",
        _ => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
    };

    /// <summary>Reads a quorum rule from ToR wording; null when the wording gives no computable rule.</summary>
    public static QuorumRule? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // "two-thirds", "one-third" and "two thirds" read the same.
        var plain = Whitespace().Replace(text.Replace('-', ' ').Replace('‑', ' '), " ");
        var plusOne = PlusOnePattern().IsMatch(plain);
        var condition = ConditionPattern().Match(plain) is { Success: true } c ? c.Value.Trim().TrimEnd('.', ';', ',') : null;
        var minimum = MinimumPattern().Match(plain) is { Success: true } m ? NumberWords.Parse(m.Groups["n"].Value) : null;

        var percent = Percent().Match(plain);
        if (percent.Success)
        {
            return new QuorumRule(double.Parse(percent.Groups[1].Value, CultureInfo.InvariantCulture) / 100, plusOne, null, text) { Minimum = minimum, Condition = condition };
        }

        var slash = Slash().Match(plain);
        if (slash.Success && int.Parse(slash.Groups[2].Value, CultureInfo.InvariantCulture) is > 0 and var denominator)
        {
            return new QuorumRule((double)int.Parse(slash.Groups[1].Value, CultureInfo.InvariantCulture) / denominator, plusOne, null, text) { Minimum = minimum, Condition = condition };
        }

        var fraction = FractionWords().Match(plain);
        if (fraction.Success)
        {
            var value = fraction.Groups[1].Value.ToLowerInvariant() switch
            {
                "one third" or "a third" => 1.0 / 3,
                "two thirds" => 2.0 / 3,
                "one quarter" or "a quarter" => 0.25,
                "three quarters" => 0.75,
                _ => 0.5,
            };
            return new QuorumRule(value, plusOne, null, text) { Minimum = minimum, Condition = condition };
        }

        if (MajorityPattern().IsMatch(plain))
        {
            return new QuorumRule(0.5, false, null, text) { Majority = true, Minimum = minimum, Condition = condition };
        }

        var count = FixedMembers().Match(plain);
        if (count.Success && NumberWords.Parse(count.Groups[1].Value) is { } members)
        {
            return new QuorumRule(null, false, members, text) { Condition = condition };
        }

        return minimum is { } floor && QuorumWord().IsMatch(plain) ? new QuorumRule(null, false, floor, text) { Condition = condition } : null;
    }

    [GeneratedRegex(@"plus\s+one|\+\s*1\b|and\s+one\b|one more than", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex PlusOnePattern();

    [GeneratedRegex(@"(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Percent();

    [GeneratedRegex(@"\b([1-9])\s*/\s*([1-9])\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Slash();

    [GeneratedRegex(@"\b(one half|a half|half|one third|a third|two thirds|one quarter|a quarter|three quarters)\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex FractionWords();

    [GeneratedRegex(@"\b(?:a |simple |an overall )?majority of (?:the )?(?:voting |full |core )?(?:members|membership|representatives)", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex MajorityPattern();

    [GeneratedRegex(@"\b(?:not less than|no fewer than|no less than|at least|a minimum of|minimum of)\s+(?<n>" + NumberWords.Pattern + @")\b", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex MinimumPattern();

    [GeneratedRegex(@"\b(" + NumberWords.Pattern + @")\s+(?:voting\s+|full\s+|core\s+)?(?:members|representatives|partners|councillors|partnership members|of the \w+)", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex FixedMembers();

    [GeneratedRegex(@"\b(?:including|of whom|at least one of whom|with at least)\b[^.;]{3,80}", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex ConditionPattern();

    [GeneratedRegex(@"\bquor", Options, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex QuorumWord();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: TorRegex.TimeoutMilliseconds)]
    private static partial Regex Whitespace();
}
