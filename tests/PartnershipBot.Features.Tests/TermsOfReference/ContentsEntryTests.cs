using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Features.TermsOfReference.Text;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>A contents entry names a topic without settling it, so it is neither the fact nor the quote.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class ContentsEntryTests
{
    private const string Text = """
        Northgate Independent Advisory Group
        Terms of Reference

        A. Member Role Description
        B. Code of Conduct & Declaration of Interests

        1. Role
        1.1 The group gives independent advice to the police on policies and incidents.
        """;

    private static readonly TermsOfReferenceModel Model = TermsOfReferenceModel.Build("northgate.txt", Text);

    [Theory]
    [InlineData("Code of Conduct & Declaration of Interests", true)]
    [InlineData("Substitute Members permitted: YES", false)]
    [InlineData("Members Declare Interests", true)]
    [InlineData("Members Will Declare Interests", false)]
    [InlineData("Regularity of meetings and venue", false)]
    public void A_title_is_a_short_verbless_title_case_line(string line, bool expected) =>
        Assert.Equal(expected, LineShape.IsTitle(line, 12));

    [Fact]
    public void A_contents_entry_does_not_settle_its_topic_or_get_quoted()
    {
        Assert.NotEqual(FactStatus.Stated, Model.Facts[Topic.ConflictsOfInterest].Status);
        var answer = TestBoards.Ask(Model, "how do I declare an interest?");
        Assert.False(answer.Answered, answer.Answer);
        Assert.DoesNotContain("Code of Conduct", answer.Answer, StringComparison.Ordinal);
    }
}
