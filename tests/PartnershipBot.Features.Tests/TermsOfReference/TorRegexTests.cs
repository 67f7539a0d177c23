using System.Text.RegularExpressions;
using PartnershipBot.Features.TermsOfReference;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

[Trait(TestTier.Category, TestTier.Unit)]
public sealed class TorRegexTests
{
    [Fact]
    public void A_plain_pattern_runs_on_the_non_backtracking_engine()
    {
        var regex = TorRegex.Create(@"\bquorum\b[^.]{0,80}\b\d", RegexOptions.IgnoreCase);

        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Matches(regex, "The Quorum shall be 4 members.");
    }

    [Fact]
    public void A_pattern_with_a_lookahead_falls_back_to_a_timed_regex()
    {
        var regex = TorRegex.Create(@"\bchair(?! of)\b", RegexOptions.IgnoreCase);

        Assert.False(regex.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(TorRegex.Timeout, regex.MatchTimeout);
        Assert.DoesNotMatch(regex, "the chair of the board");
    }

    [Fact]
    public void A_nested_quantifier_on_a_long_input_finishes_on_the_non_backtracking_engine()
    {
        // (a+)+b over 30,000 a's is the textbook catastrophic-backtracking case; linear time here.
        var regex = TorRegex.Create("(a+)+b", RegexOptions.None);

        Assert.DoesNotMatch(regex, new string('a', 30_000) + "c");
    }
}
