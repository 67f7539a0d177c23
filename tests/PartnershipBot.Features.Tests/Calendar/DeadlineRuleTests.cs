using NodaTime;
using NodaTime.Text;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Features.Deadlines;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Calendar;

/// <summary>Worked examples (England and Wales) from the GOV.UK data, including Easter and Christmas substitutes.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public class DeadlineRuleTests
{
    [Theory]
    [InlineData("2026-06-02", "Papers will be sent out at least three working days before a meeting", "2026-05-28", DeadlineKind.Papers)]
    [InlineData("2026-04-07", "Papers will be sent out at least three working days before a meeting", "2026-03-31", DeadlineKind.Papers)]
    [InlineData("2027-01-05", "papers at least 3 working days before the meeting", "2026-12-30", DeadlineKind.Papers)]
    [InlineData("2028-01-04", "papers at least 3 working days before the meeting", "2027-12-29", DeadlineKind.Papers)]
    [InlineData("2026-12-17", "minutes being sent out within 10 working days", "2027-01-05", DeadlineKind.Minutes)]
    [InlineData("2027-12-16", "minutes being sent out within ten working days", "2028-01-04", DeadlineKind.Minutes)]
    [InlineData("2026-05-21", "minutes being sent out within 10 working days", "2026-06-05", DeadlineKind.Minutes)]
    [InlineData("2026-06-02", "the agenda will be circulated at least one week before the meeting", "2026-05-26", DeadlineKind.Agenda)]
    [InlineData("2026-06-09", "Agendas will be published at least five clear days before each meeting", "2026-06-03", DeadlineKind.Agenda)]
    public void Deadlines_count_uk_working_days_from_the_meeting(string meeting, string rule, string expected, DeadlineKind kind)
    {
        var parsed = DeadlineRule.Parse(rule)!;

        var date = parsed.DeadlineFor(Date(meeting), UkWorkingDays.For(UkNation.EnglandAndWales));

        Assert.Equal(Date(expected), date);
        Assert.Equal(kind, parsed.Kind);
    }

    [Fact]
    public void Scotland_works_on_Easter_Monday_and_England_does_not()
    {
        var rule = DeadlineRule.Parse("papers at least one working day before the meeting")!;

        Assert.Equal(Date("2026-04-03").PlusDays(3), rule.DeadlineFor(Date("2026-04-07"), UkWorkingDays.For(UkNation.Scotland)));
        Assert.Equal(Date("2026-04-02"), rule.DeadlineFor(Date("2026-04-07"), UkWorkingDays.For(UkNation.EnglandAndWales)));
    }

    [Fact]
    public void A_weekly_deadline_that_lands_on_a_bank_holiday_moves_to_the_working_day_before()
    {
        // One week before Tuesday 1 September 2026 is Tuesday 25 August; a week before Monday 7 Sept is Monday 31 August (bank holiday).
        var rule = DeadlineRule.Parse("agenda at least one week before the meeting")!;

        Assert.Equal(Date("2026-08-28"), rule.DeadlineFor(Date("2026-09-07"), UkWorkingDays.For(UkNation.EnglandAndWales)));
    }

    [Fact]
    public void Past_the_bank_holiday_data_the_standing_rules_count_and_say_so()
    {
        var rule = DeadlineRule.Parse("3 working days before")!;
        var told = new List<(UkNation, int)>();
        var calendar = UkWorkingDays.Create(UkNation.EnglandAndWales, (nation, year) => told.Add((nation, year)));

        // Tuesday 3 April 2029 follows Easter Monday (2 April) and Good Friday (30 March): 3 working days back
        // are Thursday 29, Wednesday 28 and Tuesday 27 March.
        Assert.Equal(Date("2029-03-27"), rule.DeadlineFor(Date("2029-04-03"), calendar));
        Assert.Equal(Date("2029-03-27"), rule.DeadlineFor(Date("2029-04-03"), calendar));

        // Told once for the year, however often it is counted.
        Assert.Equal([(UkNation.EnglandAndWales, 2029)], told);
    }

    [Fact]
    public void Host_calendars_log_one_warning_per_year_counted_past_the_data()
    {
        var logger = new WarningsLogger();
        var calendars = new UkCalendars(logger);
        var rule = DeadlineRule.Parse("3 working days before")!;

        rule.DeadlineFor(Date("2029-04-03"), calendars.For(UkNation.Scotland));
        rule.DeadlineFor(Date("2029-05-01"), calendars.For(UkNation.Scotland));
        rule.DeadlineFor(Date("2026-05-05"), calendars.For(UkNation.Scotland));

        var warning = Assert.Single(logger.Warnings);
        Assert.Contains("scotland", warning, StringComparison.Ordinal);
        Assert.Contains("2029", warning, StringComparison.Ordinal);
        Assert.Contains("uk-bank-holidays.json", warning, StringComparison.Ordinal);
    }

    private sealed class WarningsLogger : Microsoft.Extensions.Logging.ILogger<UkCalendars>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }

    [Fact]
    public void Counting_before_the_bank_holiday_data_begins_is_refused()
    {
        var rule = DeadlineRule.Parse("3 working days before")!;

        var error = Assert.Throws<OutsideHolidayDataException>(() => rule.DeadlineFor(Date("2010-03-06"), UkWorkingDays.For(UkNation.EnglandAndWales)));
        Assert.Contains("before the bank-holiday data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_period_has_no_deadline() => Assert.Null(DeadlineRule.Parse("Papers will be circulated in good time."));

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
