using PartnershipBot.Features.TermsOfReference.Answering;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

[Trait(TestTier.Category, TestTier.Unit)]
public class TorLibraryTests
{
    private static TorLibrary TwoBoards() => new(
    [
        TestBoards.LoadFixture("harbourside-health-wellbeing-board.md"),
        TestBoards.LoadFixture("northfield-safer-neighbourhoods-forum.txt"),
    ]);

    [Fact]
    public void The_board_named_in_the_question_is_used()
    {
        var answer = TwoBoards().Ask("who chairs the Northfield forum?");

        Assert.Equal("Northfield Safer Neighbourhoods Forum", answer.Board);
        Assert.True(answer.Answered);
    }

    [Fact]
    public void Without_a_named_board_the_conversation_board_is_used()
    {
        var answer = TwoBoards().Ask("what's the quorum?", conversationBoard: "Harbourside Health and Wellbeing Board");

        Assert.Equal("Harbourside Health and Wellbeing Board", answer.Board);
        Assert.Contains("four voting members", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_named_or_linked_board_the_bot_asks_which_board()
    {
        var answer = TwoBoards().Ask("what's the quorum?");

        Assert.False(answer.Answered);
        Assert.StartsWith("Which board do you mean?", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("Northfield Safer Neighbourhoods Forum", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Which_boards_questions_are_answered_across_every_board()
    {
        var answer = TwoBoards().Ask("which boards hold their meetings in public?");

        Assert.True(answer.Answered);
        Assert.Contains("2 of the 2 boards", answer.Answer, StringComparison.Ordinal);
        Assert.Equal(2, answer.Citations.Count);
    }

    [Fact]
    public void Which_boards_with_a_rate_keeps_only_the_boards_that_match_it()
    {
        var answer = TwoBoards().Ask("which boards meet three times a year?");

        Assert.Contains("Northfield", answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbourside Health", answer.Answer, StringComparison.Ordinal);
    }
}
