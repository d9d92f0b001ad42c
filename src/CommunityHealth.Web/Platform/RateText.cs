using System.Globalization;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// The one way a rate is shown on screen: one decimal and a per-cent sign ("95.5%", "100.0%"), rounded half away from zero,
/// the same in both languages; "—" when there is no denominator. Exports keep the number itself
/// (<see cref="IndicatorMath.Rate"/>, two decimals) so a spreadsheet can compute with it.
/// </summary>
public static class RateText
{
    public const string None = "—";

    /// <summary>A rate already in per cent (0–100).</summary>
    public static string Percent(decimal? rate) =>
        rate is { } r ? Math.Round(r, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%" : None;

    /// <summary>numerator ÷ denominator, as <see cref="Percent(decimal?)"/> shows it.</summary>
    public static string Percent(int numerator, int denominator) => Percent(IndicatorMath.Rate(numerator, denominator));
}
