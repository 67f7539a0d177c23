using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>
/// A ToR written as one long paragraph can settle a point in two of its sentences; when the second comes nearly as
/// close as the first, both are quoted, so the member sees the rule itself and not only a passing mention of it.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class RunnerUpSentenceTests
{
    [Fact]
    public void Both_sentences_of_one_paragraph_that_settle_the_point_are_quoted()
    {
        // Titchfield's forum ToR is one paragraph: "must meet officially at least 4 times a year" and, later, team
        // leaders "report back to the main quarterly forum meetings".
        const string file = "08_titchfield-neighbourhood-plan-forum.txt";
        var model = TermsOfReferenceModel.Build(file, File.ReadAllText(RepositoryPaths.Combine("samples", "eval", "extra", "tor", file)));

        var answer = TestBoards.Ask(model, "how often does the forum meet?");

        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains("at least 4 times a year", answer.Answer, StringComparison.Ordinal);
    }
}
