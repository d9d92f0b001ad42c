namespace CommunityHealth.Domain.Immunization;

/// <summary>
/// Reminders to guardians of children due for a dose (预防接种工作规范 2023 年版, 接种通知): who is due within a number of
/// days, and how a failed message is retried (back-off, then given up after five attempts).
/// </summary>
public static class ReminderRules
{
    public const int DefaultDaysAhead = 7, MaxDaysAhead = 60;
    public const int MaxAttempts = 5;

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    public static bool ValidDaysAhead(int days) => days is >= 0 and <= MaxDaysAhead;

    /// <summary>The stored next due dates that make a child due for a reminder: from today through today + days (inclusive).</summary>
    public static (DateOnly From, DateOnly Until) DueWindow(DateOnly today, int daysAhead) => (today, today.AddDays(daysAhead));

    public static bool IsDue(DateOnly? nextDueDate, DateOnly today, int daysAhead) =>
        nextDueDate is { } d && d >= today && d <= today.AddDays(daysAhead);

    /// <summary>When to try again after the <paramref name="attempts"/>-th failed attempt (1, 5, 30 minutes, then every 2 hours).</summary>
    public static DateTime NextAttempt(int attempts, DateTime failedAt) => failedAt + Backoff[Math.Min(attempts - 1, Backoff.Length - 1)];

    public static bool GivesUp(int attempts) => attempts >= MaxAttempts;
}
