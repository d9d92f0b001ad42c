using System.Globalization;

namespace CommunityHealth.Web.Platform.Indicators;

/// <summary>How a rate is shown on screen: one decimal and a per-cent sign ("95.5%"); "—" with no value. Excel keeps the number.</summary>
public static class Rate
{
    public static string Text(decimal? value, string? note = null) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>The target as a bound: "≥95%" when higher is better, "≤5%" otherwise; empty without a target.</summary>
    public static string Target(decimal? target, bool higherIsBetter) =>
        target is { } t ? (higherIsBetter ? "≥" : "≤") + t.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "";
}
