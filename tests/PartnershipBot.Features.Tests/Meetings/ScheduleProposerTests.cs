using NodaTime;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Tests.TermsOfReference;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Meetings;

[Trait(TestTier.Category, TestTier.Unit)]
public class ScheduleProposerTests
{
    private static readonly UkWorkingDays England = UkWorkingDays.For(UkNation.EnglandAndWales);

    [Fact]
    public void Named_months_give_one_meeting_in_each_of_them_in_order()
    {
        var proposal = ScheduleProposer.Propose(TestBoards.LoadSample("002_0670f6a07b026fcd.txt"), new LocalDate(2026, 11, 23), 4, MeetingPreferences.Default, England);

        Assert.Null(proposal.Refusal);
        Assert.Equal([12, 3, 6, 9], proposal.Meetings.Select(m => m.Start.Month));
        Assert.All(proposal.Meetings, m => Assert.Equal(IsoDayOfWeek.Tuesday, m.Start.DayOfWeek));
        Assert.Contains("June, September, December, March", proposal.Meetings[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ToR_cap_on_length_and_British_Summer_Time_are_respected()
    {
        var proposal = ScheduleProposer.Propose(TestBoards.LoadSample("000_e0a2c374443756be.txt"), new LocalDate(2027, 3, 1), 2, MeetingPreferences.Default, England);

        Assert.Equal(Duration.FromMinutes(90), proposal.Meetings[0].End.ToInstant() - proposal.Meetings[0].Start.ToInstant());
        Assert.Equal(Offset.Zero, proposal.Meetings[0].Start.Offset);
        Assert.Equal(Offset.FromHours(1), proposal.Meetings[1].Start.Offset);
    }

    [Fact]
    public void A_meeting_that_would_fall_on_a_bank_holiday_moves_to_the_next_working_day()
    {
        var mondays = MeetingPreferences.Default with { Weekday = IsoDayOfWeek.Monday, WeekOfMonth = 4 };

        // The fourth Monday of May 2026 is the Spring bank holiday (25 May).
        var proposal = ScheduleProposer.Propose(TestBoards.LoadSample("000_e0a2c374443756be.txt"), new LocalDate(2026, 5, 1), 1, mondays, England);

        Assert.Equal(new LocalDate(2026, 5, 26), proposal.Meetings[0].Start.Date);
    }

    [Fact]
    public void A_ToR_that_leaves_the_cadence_to_the_group_gets_a_refusal_quoting_it()
    {
        var proposal = ScheduleProposer.Propose(TestBoards.LoadSample("003_3d3fcb1119e0e830.txt"), new LocalDate(2026, 11, 23), 3, MeetingPreferences.Default, England);

        Assert.Empty(proposal.Meetings);
        Assert.Contains("decide the nature and frequency of its meetings", proposal.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_in_weeks_is_kept()
    {
        var proposal = ScheduleProposer.Propose(TestBoards.LoadFixture("harbourside-health-wellbeing-board.md"), new LocalDate(2026, 11, 23), 3, MeetingPreferences.Default, England);

        Assert.Equal([new LocalDate(2026, 11, 24), new LocalDate(2027, 1, 19), new LocalDate(2027, 3, 16)], proposal.Meetings.Select(m => m.Start.Date));
    }
}
