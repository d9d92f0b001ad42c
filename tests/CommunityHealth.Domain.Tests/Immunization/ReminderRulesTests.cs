using System.Globalization;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Domain.Tests.Immunization;

/// <summary>Who gets a reminder and how a failed one is retried.</summary>
public class ReminderRulesTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-06-01", "2026-06-01", 7, true)]    // due today
    [InlineData("2026-06-08", "2026-06-01", 7, true)]    // the last day of the window
    [InlineData("2026-06-09", "2026-06-01", 7, false)]
    [InlineData("2026-05-31", "2026-06-01", 7, false)]   // already past: the overdue list, not a reminder
    [InlineData("2026-06-01", "2026-06-01", 0, true)]
    [InlineData(null, "2026-06-01", 7, false)]           // nothing open
    public void IsDue_from_today_through_the_days_ahead(string? nextDue, string today, int days, bool expected)
    {
        Assert.Equal(expected, ReminderRules.IsDue(nextDue is null ? null : D(nextDue), D(today), days));
        var (from, until) = ReminderRules.DueWindow(D(today), days);
        Assert.Equal(expected, nextDue is not null && D(nextDue) >= from && D(nextDue) <= until);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void ValidDaysAhead_is_0_to_60(int days, bool expected) => Assert.Equal(expected, ReminderRules.ValidDaysAhead(days));

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(2, 5, false)]
    [InlineData(3, 30, false)]
    [InlineData(4, 120, false)]
    [InlineData(5, 120, true)]     // the fifth failure gives up
    [InlineData(9, 120, true)]
    public void Failed_messages_back_off_then_give_up_after_five(int attempts, int minutes, bool givesUp)
    {
        var failedAt = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal(failedAt.AddMinutes(minutes), ReminderRules.NextAttempt(attempts, failedAt));
        Assert.Equal(givesUp, ReminderRules.GivesUp(attempts));
    }
}
