namespace CommunityHealth.Domain.Immunization;

/// <summary>
/// The cold chain (疫苗储存和运输管理规范 2017): refrigerated vaccines are kept at 2–8 °C; a reading outside that range
/// is an excursion that stays listed until the action taken is recorded. Readings are taken twice a day.
/// </summary>
public static class ColdChain
{
    public const decimal MinCelsius = 2m, MaxCelsius = 8m;

    /// <summary>The range a refrigerator thermometer reading can plausibly take; outside it the entry is a typing error.</summary>
    public const decimal LowestReading = -40m, HighestReading = 50m;

    /// <summary>Judged on the reading as entered (before it is rounded to one decimal for storage).</summary>
    public static bool IsExcursion(decimal celsius) => celsius < MinCelsius || celsius > MaxCelsius;

    public static bool Plausible(decimal celsius) => celsius >= LowestReading && celsius <= HighestReading;
}
