using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>
/// Among several clauses on one topic, the question's own subject picks the clause: the words beyond the topic's cue
/// ("how often ... report", "substitutes") name what the member means ("task groups", "make decisions"), so the
/// topic's headline clause does not win just for being on the topic. Members' short forms ("unis") find the ToR's words.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class SpecificSubjectTests
{
    private const string Text = """
        Eastmoor Community Safety Partnership
        Terms of Reference

        1. Membership
        1.1 Members are drawn from the district councils, the police and the fire and rescue service.
        1.2 The two local universities are each invited to nominate an observer.

        2. Substitute members
        2.1 So that every organisation is represented at meetings, substitute members will be permitted.
        2.2 Each member names one substitute to the secretariat before the first meeting of the year.

        3. Decision making
        3.1 Members speak for their organisation. Substitutes are assumed to have that capability delegated to them.

        4. Reporting
        4.1 Key performance indicators from the Partnership Plan will be reported to the Partnership at each meeting when available.

        5. Task groups
        5.1 Task groups will submit performance monitoring information to the Partnership at least three times per year.
        5.2 Each task group will have its own terms of reference.
        """;

    private static readonly TermsOfReferenceModel Model = TermsOfReferenceModel.Build("eastmoor.txt", Text);

    [Theory]
    [InlineData("how often do task groups report performance to the partnership?", "three times per year")]
    [InlineData("can substitutes make decisions for their organisation?", "delegated to them")]
    public void The_member_s_subject_picks_the_clause_among_the_topic_s_clauses(string question, string expected)
    {
        var answer = TestBoards.Ask(Model, question);
        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains(expected, answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Unis_finds_the_universities()
    {
        var answer = TestBoards.Ask(Model, "are the unis on it?");
        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains("universities", answer.Answer, StringComparison.Ordinal);
    }
}
