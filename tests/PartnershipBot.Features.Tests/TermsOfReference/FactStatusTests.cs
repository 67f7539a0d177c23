using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>The model tells "stated", "deferred (to be confirmed)", "mentioned but not settled" and "not stated" apart.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class FactStatusTests
{
    private const string Text = """
        Westbrook Community Safety Partnership
        Terms of Reference

        1. Chair
        1.1 The Chair of the Partnership is to be confirmed.

        2. Meetings
        2.1 The Partnership will decide the frequency of its meetings at its first meeting.
        2.2 The quorum shall be one third of the members.
        """;

    private static readonly TermsOfReferenceModel Model = TermsOfReferenceModel.Build("westbrook.txt", Text);

    [Theory]
    [InlineData(Topic.Quorum, FactStatus.Stated)]
    [InlineData(Topic.Chair, FactStatus.Deferred)]
    [InlineData(Topic.Frequency, FactStatus.Mentioned)]
    [InlineData(Topic.PublicAccess, FactStatus.NotStated)]
    public void Each_topic_gets_the_status_its_wording_supports(Topic topic, FactStatus expected) =>
        Assert.Equal(expected, Model.Facts[topic].Status);

    [Fact]
    public void A_deferred_point_is_said_to_be_awaiting_confirmation_and_a_mentioned_one_only_unsettled()
    {
        var deferred = AnswerText.Unsettled("who chairs?", "Westbrook CSP", "who the chair is", null, FactStatus.Deferred);
        var mentioned = AnswerText.Unsettled("how often?", "Westbrook CSP", "how often the board meets", null, FactStatus.Mentioned);
        Assert.Contains("leave it to be confirmed", deferred.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmed", mentioned.Answer, StringComparison.Ordinal);
        Assert.Contains("don't settle how often the board meets", mentioned.Answer, StringComparison.Ordinal);
    }
}
