using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>Questions over ToRs written for these tests, in wording the samples do not use.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public class TorAnswererTests
{
    private const string Harbourside = "harbourside-health-wellbeing-board.md";
    private const string Northfield = "northfield-safer-neighbourhoods-forum.txt";

    [Theory]
    [InlineData(Harbourside, "who chairs the board?", "Leader of Harbourside Borough Council")]
    [InlineData(Harbourside, "who's the vice chair", "from among the NHS members")]
    [InlineData(Harbourside, "how often does the board meet?", "every eight weeks")]
    [InlineData(Harbourside, "whats the quorum", "four voting members")]
    [InlineData(Harbourside, "when do papers need to go out?", "five clear days")]
    [InlineData(Harbourside, "when will we get the minutes?", "15 calendar days")]
    [InlineData(Harbourside, "can I send someone in my place?", "named deputy")]
    // "Vote or consensus?" is settled by 6.1 (consensus, else a simple majority); the casting vote is only the tie-break.
    [InlineData(Harbourside, "is there a vote or do we go by consensus?", "simple majority")]
    [InlineData(Harbourside, "what do I do if I have a conflict of interest?", "declare")]
    [InlineData(Harbourside, "who runs the admin for the board?", "Democratic Services")]
    [InlineData(Harbourside, "can members of the public come along?", "held in public")]
    [InlineData(Harbourside, "is the director of public health a member?", "Director of Public Health")]
    [InlineData(Harbourside, "which act is the board set up under?", "Health and Social Care Act 2012")]
    [InlineData(Northfield, "who chairs the forum?", "resident members")]
    [InlineData(Northfield, "who is the vice-chair?", "Neighbourhood Inspector")]
    [InlineData(Northfield, "which months does the forum meet in?", "February, June and October")]
    [InlineData(Northfield, "how many of us need to be there to make a decision?", "one third")]
    [InlineData(Northfield, "are the police on the forum?", "Northshire Police")]
    [InlineData(Northfield, "is the fire service represented?", "Fire and Rescue")]
    [InlineData(Northfield, "does the forum have its own budget?", "no budget")]
    [InlineData(Northfield, "who does the forum report to?", "Community Safety Partnership")]
    public void Answers_quote_the_clause_that_settles_the_question(string tor, string question, string expected)
    {
        var answer = TestBoards.Ask(TestBoards.LoadFixture(tor), question);

        Assert.True(answer.Answered, answer.Answer);
        Assert.Contains(expected, answer.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(answer.Citations, c => c.Text.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(Northfield, "who provides the secretariat?")]
    [InlineData(Northfield, "how far ahead do papers go out?")]
    [InlineData(Northfield, "can I send a substitute?")]
    [InlineData(Northfield, "do we vote on decisions?")]
    [InlineData(Northfield, "what are the rules on declaring interests?")]
    [InlineData(Harbourside, "are the police on the board?")]
    [InlineData(Harbourside, "where are meetings held?")]
    public void Questions_the_ToR_does_not_settle_are_not_answered(string tor, string question)
    {
        var answer = TestBoards.Ask(TestBoards.LoadFixture(tor), question);

        Assert.False(answer.Answered, answer.Answer);
        Assert.Contains("don't settle", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("secretariat", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_is_the_chair_is_not_answered_by_a_clause_that_only_says_how_the_chair_is_elected()
    {
        var board = TestBoards.LoadSample("001_103149e6a84f5b44.txt");

        var who = TestBoards.Ask(board, "who is the vice chair at the moment?");
        var how = TestBoards.Ask(board, "how is the vice chair chosen?");

        Assert.False(who.Answered);
        Assert.Contains("elected annually", who.Answer, StringComparison.Ordinal);
        Assert.True(how.Answered);
        Assert.Contains("elected annually", how.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_left_to_be_confirmed_is_reported_as_not_settled()
    {
        var answer = TestBoards.Ask(TestBoards.LoadSample("000_e0a2c374443756be.txt"), "who is the strategic performance manager?");

        Assert.False(answer.Answered);
        Assert.Contains("to be confirmed", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_do_not_depend_on_the_board_or_place_names()
    {
        var renamed = TestBoards.LoadFixture(Harbourside, t => t.Replace("Harbourside", "Kingsmere", StringComparison.Ordinal));

        var answer = TestBoards.Ask(renamed, "who chairs the board?");

        Assert.True(answer.Answered);
        Assert.Contains("Leader of Kingsmere Borough Council", answer.Answer, StringComparison.Ordinal);
        Assert.Equal("Kingsmere Health and Wellbeing Board", answer.Board);
    }

    [Fact]
    public void Typos_in_governance_words_are_corrected_against_the_document()
    {
        var answer = TestBoards.Ask(TestBoards.LoadSample("001_103149e6a84f5b44.txt"), "how do I register my substitue?");

        Assert.True(answer.Answered);
        Assert.Contains("secretariat", answer.Answer, StringComparison.Ordinal);
    }
}
