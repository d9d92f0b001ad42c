using System.Globalization;

namespace CommunityHealth.Web.Platform.Indicators;

/// <summary>How a target is shown beside a rate (the rate itself: <see cref="RateText"/>).</summary>
public static class Rate
{
    /// <summary>The target as a bound: "≥95%" when higher is better, "≤5%" otherwise; empty without a target.</summary>
    public static string Target(decimal? target, bool higherIsBetter) =>
        target is { } t ? (higherIsBetter ? "≥" : "≤") + t.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "";
}
