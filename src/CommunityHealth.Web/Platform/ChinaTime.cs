namespace CommunityHealth.Web.Platform;

/// <summary>
/// The calendar day in China (UTC+8, no daylight saving): the "today" every clinical rule, form and
/// age is judged by, whatever the server's own time zone. One place for the rule.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Offset);

    public static DateOnly ToChinaDate(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    public static DateOnly DateOf(DateTime utc) => ToChinaDate(utc);

    /// <summary>
    /// A time from a request as UTC: with an offset or "Z" it is exact; without one it is read as China time
    /// (what a clinic's user means by "10:30").
    /// </summary>
    public static DateTime ToUtc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t - Offset, DateTimeKind.Utc),
    };

    /// <summary>A stored UTC time as China wall-clock time, for display.</summary>
    public static DateTime ToChina(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);
}
