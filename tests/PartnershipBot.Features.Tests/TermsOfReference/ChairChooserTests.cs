using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>
/// A ToR that names no chair answers "who chairs?" with who picks them ("appointed by the LSP Board"), but not
/// "who is the chair at the moment?", which asks for a person.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public class ChairChooserTests
{
    private const string Tor = "Sandmoor Youth Forum Terms of Reference\n\n1. Chairing\n\nThe Chair and Vice-Chair will be elected annually by the members at the first meeting after April.\n\n2. Meetings\n\nThe Forum meets every two months.\n";

    [Theory]
    [InlineData("who chairs the youth forum?")]
    [InlineData("who's the chair")]
    [InlineData("who is the vice chair?")]
    public void Who_chairs_is_answered_by_the_clause_saying_who_elects_them(string question)
    {
        var answer = TestBoards.Ask(TermsOfReferenceModel.Build("sandmoor.txt", Tor), question);

        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains("elected annually by the members", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_is_the_chair_now_still_needs_a_person()
    {
        var answer = TestBoards.Ask(TermsOfReferenceModel.Build("sandmoor.txt", Tor), "who is the current chair?");

        Assert.False(answer.Answered, answer.Answer);
    }

    [Theory]
    [InlineData("The Chair will be appointed by the LEP Board.", true)]
    [InlineData("The Chair of the Partnership shall be elected annually by its members.", true)]
    [InlineData("The Vice-Chair will be appointed by the Chair.", false)]
    [InlineData("The Chair will decide the agenda.", false)]
    [InlineData("Council may appoint a new chair at any time.", false)]
    public void A_chooser_is_a_passive_choice_of_the_chair_with_its_agent(string text, bool expected) =>
        Assert.Equal(expected, TopicCues.NamesChooser(Topic.Chair, text));
}
