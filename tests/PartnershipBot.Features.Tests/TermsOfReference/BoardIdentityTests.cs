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
}
