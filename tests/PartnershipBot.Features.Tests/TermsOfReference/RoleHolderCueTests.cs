using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

/// <summary>Membership lists name a post's holder with the post in brackets after the name; the cues must read it as the holder.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class RoleHolderCueTests
{
    [Theory]
    [InlineData("Cllr Ann Marsh (Committee Chairman)")]
    [InlineData("Sam Patel, Director of Housing (Board Chair)")]
    [InlineData("Leader of the Council (Chair)")]
    public void A_name_followed_by_the_chair_in_brackets_names_the_chair(string text)
    {
        Assert.True(TopicCues.NamesHolder(Topic.Chair, text));
        Assert.False(TopicCues.NamesHolder(Topic.ViceChair, text));
    }

    [Theory]
    [InlineData("Priya Shah, Head of Skills, Example College (Deputy Chair)")]
    [InlineData("Tom Reed (Vice-Chair)")]
    public void A_name_followed_by_the_deputy_in_brackets_names_the_vice_chair_not_the_chair(string text)
    {
        Assert.True(TopicCues.NamesHolder(Topic.ViceChair, text));
        Assert.False(TopicCues.NamesHolder(Topic.Chair, text));
    }
}
