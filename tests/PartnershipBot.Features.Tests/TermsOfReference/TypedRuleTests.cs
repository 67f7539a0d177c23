using PartnershipBot.Features.TermsOfReference.Model;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.TermsOfReference;

[Trait(TestTier.Category, TestTier.Unit)]
public class TypedRuleTests
{
    [Theory]
    [InlineData("Quorum for decision making will be set at 50% of membership, plus one.", 12, 7)]
    [InlineData("Quorum for decision making will be set at 50% of membership, plus one.", 11, 7)]
    [InlineData("Quorum for decision making will be set at 50% of membership, plus one.", 5, 4)]
    [InlineData("The quorum is two-thirds of the voting members.", 9, 6)]
    [InlineData("Quorum: half plus one of the members.", 10, 6)]
    [InlineData("A quorum shall be 51% of members.", 10, 6)]
    [InlineData("A quorum is a majority of the members.", 10, 6)]
    [InlineData("a third of members and not less than two members of the group constituting a quorum", 4, 2)]
    [InlineData("As a minimum four of the six districts must be in attendance.", 6, 4)]
    [InlineData("A meeting is quorate when one third of members are present.", 12, 4)]
    [InlineData("A meeting is quorate when one third of members are present.", 10, 4)]
    [InlineData("The quorum shall be four voting members.", 20, 4)]
    [InlineData("Quorum is half the membership.", 9, 5)]
    public void Quorum_rules_compute_the_members_needed(string wording, int members, int needed)
    {
        var rule = QuorumRule.Parse(wording);

        Assert.NotNull(rule);
        Assert.Equal(needed, rule.Needed(members));
    }

    [Fact]
    public void A_condition_the_numbers_cannot_check_is_kept_and_said()
    {
        var rule = QuorumRule.Parse("The quorum is four members including one elected councillor.");

        Assert.NotNull(rule);
        Assert.Equal(4, rule.Needed(10));
        Assert.Contains("including one elected councillor", rule.Working(10), StringComparison.Ordinal);
        Assert.Contains("can't check", rule.Working(10), StringComparison.Ordinal);
    }

    [Fact]
    public void The_working_says_how_a_share_was_rounded() =>
        Assert.Equal("with 5 members that is 4 (half of 5 is 2.5, plus one is 3.5, rounded up)", QuorumRule.Parse("50% of members plus one")!.Working(5));

    [Fact]
    public void Wording_without_a_computable_quorum_gives_no_rule() =>
        Assert.Null(QuorumRule.Parse("The Board will agree its quorum at the first meeting."));

    [Theory]
    [InlineData("Papers will be sent out at least three working days before a meeting", 3, DurationUnit.WorkingDays)]
    [InlineData("circulated at least one week before the meeting", 1, DurationUnit.Weeks)]
    [InlineData("published at least five clear days before each meeting", 5, DurationUnit.ClearDays)]
    [InlineData("within 15 calendar days of the meeting", 15, DurationUnit.CalendarDays)]
    [InlineData("within ten (10) working days", 10, DurationUnit.WorkingDays)]
    [InlineData("not less than five clear working days before the meeting", 5, DurationUnit.ClearWorkingDays)]
    [InlineData("at least one calendar month before the meeting", 1, DurationUnit.Months)]
    [InlineData("papers go out a week before", 1, DurationUnit.Weeks)]
    [InlineData("no later than a fortnight before the meeting", 2, DurationUnit.Weeks)]
    public void Notice_periods_are_typed(string wording, int amount, DurationUnit unit)
    {
        var period = NoticePeriod.Parse(wording, beforeMeeting: true);

        Assert.NotNull(period);
        Assert.Equal((amount, unit), (period.Amount, period.Unit));
    }

    [Theory]
    [InlineData("The Board will meet monthly for no longer than one and half hours", 12.0)]
    [InlineData("The Strategy Group will meet 10 times per year.", 10.0)]
    [InlineData("The Board will meet 4 times a year (June, September, December, March).", 4.0)]
    [InlineData("Meetings will be held quarterly.", 4.0)]
    [InlineData("The Board will meet every eight weeks.", 6.5)]
    public void Meeting_frequency_is_read_as_meetings_a_year(string wording, double perYear) =>
        Assert.Equal(perYear, MeetingFrequency.Parse(wording)?.PerYear);

    [Fact]
    public void Named_months_are_kept_in_order() =>
        Assert.Equal([6, 9, 12, 3], MeetingFrequency.Parse("The Board will meet 4 times a year (June, September, December, March).")!.Months);
}
