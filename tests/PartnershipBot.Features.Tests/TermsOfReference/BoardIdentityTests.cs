using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>The board's name comes from its title, not from a sentence about the document or a numbered section heading.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class BoardIdentityTests
{
    [Theory]
    [InlineData("These terms of reference should be read with the Standing Orders of Westcombe Town Council.\n\nWestcombe Town Council Planning Committee\n\n1. The committee meets monthly.\n", "Westcombe Town Council Planning Committee")]
    [InlineData("Terms of reference\nFinance Committee\nThe Committee's terms of reference may be amended at any time by the Board.\n1. Membership\n1.1 The Committee has five members.\n", "Finance Committee")]
    [InlineData("Contents\n\n1. Role of the Northgate Independent Advisory Group\n2. Membership\n\n1.1 The Northgate Independent Advisory Group gives independent advice to the police. The Northgate Independent Advisory Group meets quarterly.\n", "Northgate Independent Advisory Group")]
    public void The_title_is_the_body_s_name(string text, string expected) =>
        Assert.Equal(expected, TermsOfReferenceModel.Build("some-file.txt", text).Identity.Name);

    [Theory]
    // The words before "Council" that name a kind of council or meeting are not a place.
    [InlineData("Planning Committee\n\nMembership will be agreed at the Annual Council Meeting.\nTwo members of the Youth Council attend.\n", null)]
    [InlineData("Community Safety Partnership\n\nMembers include Rogiet Community Council and the police.\n", "Rogiet")]
    public void The_place_is_a_place(string text, string? expected) =>
        Assert.Equal(expected, TermsOfReferenceModel.Build("some-file.txt", text).Identity.Locality);

    [Fact]
    public void A_post_is_not_the_body_s_name() =>
        Assert.Equal("Safer Streets Quartet Group", TermsOfReferenceModel.Build("some-file.txt",
            "Decisions\n\nThe Safer Streets Quartet Group is set up with these members:\n- Chief Executive – Chair\n- Director of Place\n\nThe Chief Executive reports to the Chief Executive.\n").Identity.Name);
}
