using System.Globalization;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Domain.Tests.Immunization;

/// <summary>Stock and cold-chain rules (疫苗储存和运输管理规范 2017): lots for a dose, expiry, adjustments, the 2–8 °C range.</summary>
public class StockAndColdChainTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("MMR", "2026-12-31", 10, "MMR", "2026-06-01", 1, LotProblem.None)]
    [InlineData("MMR", "2026-12-31", 10, "JE-L", "2026-06-01", 1, LotProblem.OtherVaccine)]
    [InlineData("MMR", "2026-12-31", 10, null, "2026-06-01", 1, LotProblem.None)]            // vaccine unknown: not compared (reported on its own field)
    [InlineData("MMR", "2026-06-01", 10, "MMR", "2026-06-01", 1, LotProblem.None)]          // usable on its expiry day
    [InlineData("MMR", "2026-05-31", 10, "MMR", "2026-06-01", 1, LotProblem.Expired)]
    [InlineData("MMR", "2026-05-31", 0, "JE-L", "2026-06-01", 1, LotProblem.OtherVaccine)]  // checked in order: vaccine, expiry, stock
    [InlineData("MMR", "2026-05-31", 0, "MMR", "2026-06-01", 1, LotProblem.Expired)]
    [InlineData("MMR", "2026-12-31", 2, "MMR", "2026-06-01", 2, LotProblem.None)]           // two doses of the visit from one lot
    [InlineData("MMR", "2026-12-31", 1, "MMR", "2026-06-01", 2, LotProblem.Empty)]
    [InlineData("MMR", "2026-12-31", 0, "MMR", "2026-06-01", 1, LotProblem.Empty)]
    public void ForDose_checks_vaccine_then_expiry_on_the_day_given_then_stock(string lotVaccine, string expiry, int onHand, string? vaccine, string givenOn,
        int fromLot, LotProblem expected) =>
        Assert.Equal(expected, VaccineLotRules.ForDose(lotVaccine, D(expiry), onHand, vaccine, D(givenOn), fromLot));

    [Theory]
    [InlineData("IPV", "2026-12-31", 5, "IPV", true)]
    [InlineData("IPV", "2026-12-31", 0, "IPV", false)]  // empty
    [InlineData("IPV", "2026-05-31", 5, "IPV", false)]  // expired
    [InlineData("IPV", "2026-06-01", 5, "IPV", true)]   // the last day of its validity
    [InlineData("IPV", "2026-12-31", 5, "DTaP", false)]
    [InlineData("IPV", "2026-12-31", 5, null, false)]   // no vaccine chosen: no lot proposed
    public void Usable_for_one_dose_today(string lotVaccine, string expiry, int onHand, string? vaccine, bool expected) =>
        Assert.Equal(expected, VaccineLotRules.Usable(lotVaccine, D(expiry), onHand, vaccine, D("2026-06-01")));

    [Theory]
    [InlineData("2026-05-31", "2026-06-01", true, false)]
    [InlineData("2026-06-01", "2026-06-01", false, true)]
    [InlineData("2026-07-01", "2026-06-01", false, true)]   // 30 days ahead: warned
    [InlineData("2026-07-02", "2026-06-01", false, false)]
    public void Expiry_is_flagged_when_past_or_within_30_days(string expiry, string today, bool expired, bool soon)
    {
        Assert.Equal(expired, VaccineLotRules.Expired(D(expiry), D(today)));
        Assert.Equal(soon, VaccineLotRules.ExpiresSoon(D(expiry), D(today)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    [InlineData(100_000, true)]
    [InlineData(100_001, false)]
    public void ValidReceipt_takes_1_to_100000_doses(int? doses, bool expected) => Assert.Equal(expected, VaccineLotRules.ValidReceipt(doses));

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(-100_000, true)]
    [InlineData(100_000, true)]
    [InlineData(-100_001, false)]
    [InlineData(5, true)]
    public void ValidAdjustment_is_non_zero_up_to_100000_either_way(int? quantity, bool expected) =>
        Assert.Equal(expected, VaccineLotRules.ValidAdjustment(quantity));

    [Theory]
    [InlineData(3, -3, true)]
    [InlineData(3, -4, false)]
    [InlineData(0, 5, true)]
    public void KeepsStock_never_below_zero(int onHand, int quantity, bool expected) => Assert.Equal(expected, VaccineLotRules.KeepsStock(onHand, quantity));

    [Theory]
    [InlineData("2.0", false)]
    [InlineData("8.0", false)]
    [InlineData("5.5", false)]
    [InlineData("1.9", true)]
    [InlineData("8.1", true)]
    [InlineData("8.04", true)]    // judged as entered, before rounding to 8.0 for storage
    [InlineData("-15", true)]
    public void IsExcursion_outside_2_to_8_degrees(string celsius, bool expected) =>
        Assert.Equal(expected, ColdChain.IsExcursion(decimal.Parse(celsius, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("-40", true)]
    [InlineData("50", true)]
    [InlineData("-40.1", false)]
    [InlineData("50.1", false)]
    public void Plausible_readings_are_minus_40_to_50(string celsius, bool expected) =>
        Assert.Equal(expected, ColdChain.Plausible(decimal.Parse(celsius, CultureInfo.InvariantCulture)));
}
