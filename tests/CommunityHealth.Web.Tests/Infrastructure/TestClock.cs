namespace CommunityHealth.Web.Tests.Infrastructure;

/// <summary>
/// The one date the tests live on: every test app's <see cref="TestApp.Clock"/> starts here (10:00 in China, a Monday), and
/// test data is dated from <see cref="Today"/>, so no test depends on the day it runs.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The China calendar date at <see cref="Start"/>.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);
}
