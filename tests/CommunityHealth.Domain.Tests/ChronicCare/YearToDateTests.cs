using CommunityHealth.Domain.ChronicCare;

namespace CommunityHealth.Domain.Tests.ChronicCare;

public class YearToDateTests
{
    private static CountedVisit V(int year, int month, int day, VisitMode mode = VisitMode.Clinic, bool? controlled = true, int enteredMinute = 0) =>
        new(new DateOnly(year, month, day), new DateTime(2026, 1, 1, 8, enteredMinute, 0, DateTimeKind.Utc), mode, controlled);

    [Fact]
    public void One_row_per_month_with_a_visit_carrying_the_year_so_far()
    {
        var rows = YearToDate.Build(2025, [V(2025, 2, 10), V(2025, 5, 3, VisitMode.Phone, false), V(2025, 5, 20, VisitMode.Home, true), V(2025, 11, 2, controlled: false)]);
        Assert.Equal([2, 5, 11], rows.Select(r => r.Month));
        Assert.Equal(new MonthToDate(2, 1, 1, new DateOnly(2025, 2, 10), true), rows[0]);
        Assert.Equal(new MonthToDate(5, 3, 2, new DateOnly(2025, 5, 20), true), rows[1]);
        Assert.Equal(new MonthToDate(11, 4, 3, new DateOnly(2025, 11, 2), false), rows[2]);
    }

    [Fact]
    public void Other_years_are_ignored_and_the_order_of_input_does_not_matter()
    {
        var rows = YearToDate.Build(2025, [V(2026, 1, 5, controlled: false), V(2025, 12, 31), V(2024, 12, 31, controlled: false), V(2025, 1, 1, VisitMode.Phone)]);
        Assert.Equal([1, 12], rows.Select(r => r.Month));
        Assert.Equal(new MonthToDate(12, 2, 1, new DateOnly(2025, 12, 31), true), rows[1]);
    }

    [Theory]
    [InlineData(0, 5, false)] // the visit entered later on the same day is the last one
    [InlineData(5, 0, true)]
    public void Two_visits_on_one_day_the_later_entry_is_the_last(int firstEntered, int secondEntered, bool lastControlled)
    {
        var rows = YearToDate.Build(2025, [V(2025, 3, 3, controlled: true, enteredMinute: firstEntered), V(2025, 3, 3, controlled: false, enteredMinute: secondEntered)]);
        Assert.Equal(lastControlled, Assert.Single(rows).LastControlled);
    }

    [Fact]
    public void No_visits_no_rows() => Assert.Empty(YearToDate.Build(2025, []));
}
