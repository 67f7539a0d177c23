using PartnershipBot.Features.Boards;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Boards;

/// <summary>One rule for board names typed in chat or on the command line.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public class BoardNamesTests
{
    private static readonly (string Name, IEnumerable<string> Aliases)[] Boards =
    [
        ("Thurrock Community Safety Partnership Strategic Board", ["Thurrock CSP"]),
        ("Richmond Community Safety Partnership Strategy Group", []),
        ("Richmond Health and Wellbeing Board", []),
    ];

    [Theory]
    [InlineData("Thurrock", "Thurrock Community Safety Partnership Strategic Board")]
    [InlineData("the thurrock community", "Thurrock Community Safety Partnership Strategic Board")]
    [InlineData("THURROCK CSP", "Thurrock Community Safety Partnership Strategic Board")]
    [InlineData("Richmond Community", "Richmond Community Safety Partnership Strategy Group")]
    [InlineData("richmond health and wellbeing board", "Richmond Health and Wellbeing Board")]
    public void A_full_name_an_other_name_or_a_unique_prefix_resolves(string typed, string board) =>
        Assert.Equal(board, BoardNames.Resolve(typed, Boards).Board);

    [Fact]
    public void A_prefix_of_several_boards_names_them_and_chooses_none()
    {
        var match = BoardNames.Resolve("Richmond", Boards);

        Assert.Null(match.Board);
        Assert.Equal(["Richmond Community Safety Partnership Strategy Group", "Richmond Health and Wellbeing Board"], match.Candidates);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("Thurr")]
    [InlineData("")]
    public void A_name_matching_no_board_word_for_word_resolves_to_nothing(string typed)
    {
        var match = BoardNames.Resolve(typed, Boards);

        Assert.Null(match.Board);
        Assert.Empty(match.Candidates);
    }
}
