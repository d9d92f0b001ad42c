using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Tests.Common;

/// <summary>Reporting periods: the calendar year, the MCH year (Oct 1 – Sep 30), quarters and months (modules.md §15).</summary>
public class ReportPeriodTests
{
    [Theory]
    [InlineData("2025", PeriodType.CalendarYear, "2025-01-01", "2025-12-31")]
    [InlineData("2025-MCH", PeriodType.MchYear, "2024-10-01", "2025-09-30")]
    [InlineData("2025-mch", PeriodType.MchYear, "2024-10-01", "2025-09-30")]
    [InlineData("2025-Q1", PeriodType.Quarter, "2025-01-01", "2025-03-31")]
    [InlineData("2024-Q4", PeriodType.Quarter, "2024-10-01", "2024-12-31")]
    [InlineData("2024-02", PeriodType.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2025-12", PeriodType.Month, "2025-12-01", "2025-12-31")]
    public void Parses_each_shape_with_inclusive_bounds(string text, PeriodType type, string from, string to)
    {
        var p = ReportPeriod.Parse(text)!.Value;
        Assert.Equal(type, p.Type);
        Assert.Equal(DateOnly.Parse(from), p.From);
        Assert.Equal(DateOnly.Parse(to), p.To);
        Assert.Equal(text.ToUpperInvariant(), p.ToString().ToUpperInvariant());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("25")]
    [InlineData("1999")]
    [InlineData("2025-Q5")]
    [InlineData("2025-Q0")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-7")]
    [InlineData("2025-H1")]
    [InlineData("2025/07")]
    [InlineData("２０２５")]
    public void Refuses_other_shapes(string? text) => Assert.Null(ReportPeriod.Parse(text));

    [Theory]
    [InlineData(PeriodType.MchYear, "2025-09-30", "2025-MCH")] // the boundary: 30 September closes the MCH year
    [InlineData(PeriodType.MchYear, "2025-10-01", "2026-MCH")] // and 1 October opens the next
    [InlineData(PeriodType.CalendarYear, "2025-10-01", "2025")]
    [InlineData(PeriodType.Quarter, "2025-07-01", "2025-Q3")]
    [InlineData(PeriodType.Month, "2025-07-31", "2025-07")]
    public void The_period_containing_a_day(PeriodType type, string day, string expected) =>
        Assert.Equal(expected, ReportPeriod.Containing(type, DateOnly.Parse(day)).ToString());

    [Fact]
    public void Last_periods_step_back_across_years_oldest_first()
    {
        Assert.Equal(["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"], ReportPeriod.Parse("2025-Q2")!.Value.Last(4).Select(p => p.ToString()));
        Assert.Equal(["2024-11", "2024-12", "2025-01"], ReportPeriod.Parse("2025-01")!.Value.Last(3).Select(p => p.ToString()));
        Assert.Equal(12, ReportPeriod.Parse("2026")!.Value.Last(12).Count);
        Assert.Equal(["2000", "2001"], ReportPeriod.Parse("2001")!.Value.Last(12).Select(p => p.ToString())); // nothing before the first year
    }

    [Fact]
    public void A_running_period_ends_today()
    {
        var p = ReportPeriod.Parse("2026")!.Value;
        Assert.Equal(new DateOnly(2026, 12, 3), p.EndOn(new DateOnly(2026, 12, 3)));
        Assert.Equal(new DateOnly(2025, 12, 31), ReportPeriod.Parse("2025")!.Value.EndOn(new DateOnly(2026, 12, 3)));
        Assert.False(ReportPeriod.Parse("2027")!.Value.HasBegun(new DateOnly(2026, 12, 3)));
    }
}
