using NodaTime;
using PartnershipBot.Features.Calendar;
using PartnershipBot.Testing;

namespace PartnershipBot.Features.Tests.Calendar;

/// <summary>The standing rules, checked against the GOV.UK data for every year it holds without a one-off change.</summary>
[Trait(TestTier.Category, TestTier.Unit)]
public sealed class UkHolidayRulesTests
{
    /// <summary>Years with holidays moved or added by proclamation: VE Day 2020, the Jubilee and State Funeral 2022, the Coronation 2023.</summary>
    private static readonly int[] OneOffYears = [2020, 2022, 2023];

    public static TheoryData<UkNation> Nations => [.. Enum.GetValues<UkNation>()];

    [Theory]
    [MemberData(nameof(Nations))]
    public void The_rules_give_exactly_the_GOV_UK_holidays_in_ordinary_years(UkNation nation)
    {
        var data = UkWorkingDays.For(nation);
        for (var year = data.First.Year + 1; year <= data.Last.Year; year++)
        {
            if (OneOffYears.Contains(year))
            {
                continue;
            }

            var fromData = Enumerable.Range(0, new LocalDate(year, 12, 31).DayOfYear).Select(d => new LocalDate(year, 1, 1).PlusDays(d)).Where(data.IsBankHoliday);
            Assert.True(fromData.Order().SequenceEqual(UkHolidayRules.For(nation, year).Order()), $"{nation} {year}");
        }
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_Sunday(int year, string expected) =>
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(expected).Value, UkHolidayRules.EasterSunday(year));

    [Fact]
    public void Christmas_on_a_Saturday_moves_both_days_to_Monday_and_Tuesday()
    {
        // 25 December 2032 is a Saturday.
        var holidays = UkHolidayRules.For(UkNation.EnglandAndWales, 2032);

        Assert.Contains(new LocalDate(2032, 12, 27), holidays);
        Assert.Contains(new LocalDate(2032, 12, 28), holidays);
    }
}
