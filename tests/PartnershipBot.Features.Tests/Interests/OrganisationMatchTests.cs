using PartnershipBot.Features.Interests;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Interests;

/// <summary>
/// The rule that puts a member's standing interest in front of the chair: whole words, any case, "Ltd"/"Limited"
/// dropped, "&amp;" read as "and", apostrophes dropped, other punctuation a word break; and what must not match.
/// </summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class OrganisationMatchTests
{
    public static TheoryData<string, string> ShouldMatch => new()
    {
        { "Grant to Thurrock CVS for the youth hub", "Thurrock CVS" },
        { "Grant to THURROCK cvs", "thurrock CVS" },
        { "Contract with Grays Community Trust", "Grays Community Trust Ltd" },
        { "Contract with Grays Community Trust Limited", "Grays Community Trust Ltd" },
        { "Contract with Grays Community Trust Ltd.", "Grays Community Trust" },
        { "Funding for Mind & Body Essex", "Mind and Body Essex" },
        { "Funding for Mind and Body Essex", "Mind & Body Essex" },
        { "St John's Ambulance first-aid cover", "St Johns Ambulance" },
        { "Award to Age UK (Essex) for outreach", "Age UK Essex" },
        { "Allocate the Safer Communities Fund, round 2", "Safer Communities Fund" },
        { "Café Nova lease", "Cafe Nova" },
        { "Renewal: C2C Rail, station CCTV", "c2c rail" },
    };

    public static TheoryData<string, string> ShouldNotMatch => new()
    {
        { "Grant to Thurrock CVS", "Thurrock Council" },
        { "Contract with the Council of Essex Churches", "Essex Council" },
        { "Mindful Communities bid", "Mind" },
        { "Support for Ageing Well", "Age UK" },
        { "The Safer Communities Board", "Safer Communities Fund" },
        { "Grays Community Trust", "Grays Trust" },
        { "Thurrock", "Thurrock CVS" },
        { "Anything at all", "Ltd" },
        { "Anything at all", "&" },
        { "", "Thurrock CVS" },
    };

    [Theory]
    [MemberData(nameof(ShouldMatch))]
    public void Names_matches_an_organisation_the_text_names(string text, string organisation) =>
        Assert.True(OrganisationMatch.Names(text, organisation), $"“{text}” should name “{organisation}”");

    [Theory]
    [MemberData(nameof(ShouldNotMatch))]
    public void Names_does_not_match_a_different_or_partial_organisation(string text, string organisation) =>
        Assert.False(OrganisationMatch.Names(text, organisation), $"“{text}” should not name “{organisation}”");

    [Fact]
    public void A_long_hostile_text_is_compared_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat("a a a a a a a a ", 2_000)) + "b";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(OrganisationMatch.Names(text, string.Join(' ', Enumerable.Repeat("a", 50)) + " c"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Relevant_interests_name_each_member_and_organisation_that_matches_once_per_line()
    {
        var at = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
        StandingRecord Record(long sequence, string person, params StandingInterest[] interests) =>
            new(sequence, 1, new StandingDeclaration("Board", person, $"Name {person}", false, interests, person, at), "", $"h{sequence}");
        var declarations = new[]
        {
            Record(1, "p1", new StandingInterest(InterestSection.Directorships, "Thurrock CVS Ltd", "trustee"), new StandingInterest(InterestSection.Employment, "Essex Police", null)),
            Record(2, "p2", new StandingInterest(InterestSection.Grants, "Basildon Council", null)),
        };

        var relevant = RelevantInterests.ForText(["Grant to Thurrock CVS for the youth hub", "Essex Police"], declarations);

        Assert.Equal(["Name p1: Thurrock CVS Ltd (directorships and trusteeships)", "Name p1: Essex Police (employment)"], relevant.Select(r => r.ToString()));
    }
}

/// <summary>The review interval is bound and checked at start-up, naming the key.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class InterestOptionsValidatorTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(12, true)]
    [InlineData(36, true)]
    [InlineData(37, false)]
    public void Review_months_must_be_from_1_to_36(int months, bool valid)
    {
        var result = new InterestOptionsValidator().Validate(null, new InterestOptions { ReviewMonths = months });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Interests:ReviewMonths", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
