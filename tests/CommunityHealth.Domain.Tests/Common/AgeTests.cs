using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Tests.Common;

/// <summary>Completed years and months (周岁, 月龄), including month-end births (standards, rule 1).</summary>
public class AgeTests
{
    [Theory]
    [InlineData("1961-11-23", "2026-11-23", 65)]
    [InlineData("1961-11-24", "2026-11-23", 64)]
    [InlineData("2000-02-29", "2026-02-27", 25)] // leap-day birth: the anniversary falls on 28 February,
    [InlineData("2000-02-29", "2026-02-28", 26)] // consistent with the month-end rule for 月龄
    [InlineData("2000-02-29", "2028-02-28", 27)]
    [InlineData("2026-11-23", "2026-11-23", 0)]
    public void Completed_years(string birth, string asOf, int years) =>
        Assert.Equal(years, Age.CompletedYears(DateOnly.Parse(birth), DateOnly.Parse(asOf)));

    [Theory]
    [InlineData("2026-01-31", "2026-02-28", 1)] // month-end birth: one month on the last day of February
    [InlineData("2026-01-31", "2026-02-27", 0)]
    [InlineData("2025-11-23", "2026-11-22", 11)] // "before 12 months" is strictly before the first birthday
    [InlineData("2025-11-23", "2026-11-23", 12)]
    [InlineData("2026-03-15", "2026-04-14", 0)]
    public void Completed_months(string birth, string asOf, int months) =>
        Assert.Equal(months, Age.CompletedMonths(DateOnly.Parse(birth), DateOnly.Parse(asOf)));
}
