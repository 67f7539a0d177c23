using NodaTime;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Tests.TermsOfReference;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Meetings;

/// <summary>Which cadences Outlook gets as one recurring series and which as single events.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class SeriesPatternTests
{
    private static readonly UkWorkingDays England = UkWorkingDays.For(UkNation.EnglandAndWales);

    [Fact]
    public void Named_quarterly_months_are_a_relative_monthly_series_every_three_months()
    {
        var proposal = ScheduleProposer.Propose(TestBoards.LoadSample("002_0670f6a07b026fcd.txt"), new LocalDate(2026, 11, 23), 4, MeetingPreferences.Default, England);

        var series = SeriesPattern.Fit(proposal.Meetings);

        Assert.Equal(new SeriesPattern(SeriesKind.RelativeMonthly, 3, IsoDayOfWeek.Tuesday, 2, new LocalDate(2026, 12, 8), 4), series);
        Assert.Equal(proposal.Meetings.Select(m => m.Start.Date), series!.Dates());
    }

    [Fact]
    public void Ten_times_a_year_has_gaps_no_recurrence_expresses_so_it_is_single_events()
    {
        var proposal = ScheduleProposer.Propose(TestBoards.LoadSample("001_103149e6a84f5b44.txt"), new LocalDate(2026, 11, 23), 10, MeetingPreferences.Default, England);

        Assert.Equal(10, proposal.Meetings.Count);
        Assert.Null(SeriesPattern.Fit(proposal.Meetings));
    }

    [Fact]
    public void Every_eight_weeks_is_a_weekly_series_with_interval_eight()
    {
        var proposal = ScheduleProposer.Propose(TestBoards.LoadFixture("harbourside-health-wellbeing-board.md"), new LocalDate(2026, 11, 23), 5, MeetingPreferences.Default, England);

        var series = SeriesPattern.Fit(proposal.Meetings);

        // Unless a date had to move off a bank holiday, in which case singles are right.
        var moved = proposal.Meetings.Any(m => m.Start.DayOfWeek != IsoDayOfWeek.Tuesday);
        Assert.Equal(moved, series is null);
        if (series is not null)
        {
            Assert.Equal((SeriesKind.Weekly, 8), (series.Kind, series.Interval));
        }
    }

    [Fact]
    public void A_monthly_meeting_moved_off_a_bank_holiday_breaks_the_pattern()
    {
        // First Mondays: 4 May 2026 is the early May bank holiday, so that meeting moves to Tuesday 5 May.
        var mondays = MeetingPreferences.Default with { Weekday = IsoDayOfWeek.Monday, WeekOfMonth = 1 };
        var board = TestBoards.LoadFixture("harbourside-health-wellbeing-board.md", text => text.Replace("every eight weeks", "monthly", StringComparison.Ordinal));

        var proposal = ScheduleProposer.Propose(board, new LocalDate(2026, 4, 15), 4, mondays, England);

        Assert.Contains(proposal.Meetings, m => m.Start.Date == new LocalDate(2026, 5, 5));
        Assert.Null(SeriesPattern.Fit(proposal.Meetings));
        Assert.NotNull(SeriesPattern.Fit([.. proposal.Meetings.Skip(1)]));
    }

    [Fact]
    public void Transaction_ids_are_stable_per_board_and_start_and_differ_otherwise()
    {
        var start = new LocalDateTime(2026, 12, 8, 10, 0);

        Assert.Equal(TransactionIds.For("Safer Board", start), TransactionIds.For(" safer board ", start));
        Assert.NotEqual(TransactionIds.For("Safer Board", start), TransactionIds.For("Safer Board", start.PlusDays(7)));
        Assert.NotEqual(TransactionIds.For("Safer Board", start), TransactionIds.For("Other Board", start));
        Assert.True(Guid.TryParse(TransactionIds.For("Safer Board", start), out _));
    }
}
