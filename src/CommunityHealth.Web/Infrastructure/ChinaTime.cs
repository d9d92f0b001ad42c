namespace CommunityHealth.Web.Infrastructure;

/// <summary>
/// The calendar day in China (UTC+8, no daylight saving): the "today" every clinical rule, form and
/// age is judged by, whatever the server's own time zone. One place for the rule.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Offset);

    public static DateOnly ToChinaDate(DateTime utc) => DateOnly.FromDateTime(utc + Offset);
}
