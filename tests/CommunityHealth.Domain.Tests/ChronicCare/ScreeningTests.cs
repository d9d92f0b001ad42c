using CommunityHealth.Domain.ChronicCare;

namespace CommunityHealth.Domain.Tests.ChronicCare;

/// <summary>Hypertension screening, high-risk factors (§1.7) and the Chinese Diabetes Risk Score (§7).</summary>
public class ScreeningTests
{
    private static readonly ChronicRuleSet Rules = ChronicRuleSet.Spec2017;
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static BpReading R(string day, int s, int d) => new(DateOnly.Parse(day), s, d);

    [Fact]
    public void No_reading_is_due()
    {
        Assert.Equal(BpScreeningState.Due, BpScreeningRules.Evaluate([], false, Today, Rules).State);
    }

    [Fact]
    public void A_normal_reading_this_year_is_enough_until_next_year_and_high_risk_people_recheck_after_six_months()
    {
        BpReading[] readings = [R("2026-01-15", 128, 80)];
        Assert.Equal(BpScreeningState.Normal, BpScreeningRules.Evaluate(readings, false, Today, Rules).State);
        Assert.Equal(BpScreeningState.Normal, BpScreeningRules.Evaluate(readings, true, new DateOnly(2026, 7, 14), Rules).State);
        Assert.Equal(BpScreeningState.Due, BpScreeningRules.Evaluate(readings, true, new DateOnly(2026, 7, 15), Rules).State);
        Assert.Equal(BpScreeningState.Due, BpScreeningRules.Evaluate([R("2025-12-31", 120, 80)], false, Today, Rules).State);
    }

    [Theory]
    [InlineData(140, 80, BpScreeningState.Confirming)] // ≥ 140 starts the confirmation
    [InlineData(120, 90, BpScreeningState.Confirming)] // and/or ≥ 90
    [InlineData(139, 89, BpScreeningState.Normal)]
    public void A_first_raised_reading_starts_the_confirmation(int s, int d, BpScreeningState expected) =>
        Assert.Equal(expected, BpScreeningRules.Evaluate([R("2026-05-20", s, d)], false, Today, Rules).State);

    [Fact]
    public void Three_raised_days_make_a_suspected_case_but_readings_on_one_day_count_once()
    {
        var sameDay = BpScreeningRules.Evaluate([R("2026-05-20", 150, 95), R("2026-05-20", 152, 96), R("2026-05-20", 148, 92)], false, Today, Rules);
        Assert.Equal((BpScreeningState.Confirming, 1), (sameDay.State, sameDay.RaisedDays));
        var two = BpScreeningRules.Evaluate([R("2026-05-20", 150, 95), R("2026-05-24", 146, 88)], false, Today, Rules);
        Assert.Equal((BpScreeningState.Confirming, 2), (two.State, two.RaisedDays));
        var three = BpScreeningRules.Evaluate([R("2026-05-20", 150, 95), R("2026-05-24", 146, 88), R("2026-05-30", 141, 85)], false, Today, Rules);
        Assert.Equal(BpScreeningState.Suspected, three.State);
    }

    [Fact]
    public void A_normal_day_ends_the_confirmation()
    {
        var s = BpScreeningRules.Evaluate([R("2026-05-20", 150, 95), R("2026-05-24", 130, 82), R("2026-05-30", 142, 85)], false, Today, Rules);
        Assert.Equal((BpScreeningState.Confirming, 1), (s.State, s.RaisedDays));
    }

    [Fact]
    public void High_risk_factors_each_count_alone()
    {
        Assert.Empty(HypertensionRisk.Factors(new RiskInputs(40, true, 125, 80, 22m, 80m, false, false, false, 0m)));
        Assert.Single(HypertensionRisk.Factors(new RiskInputs(40, true, 130, 80)));   // 130–139
        Assert.Single(HypertensionRisk.Factors(new RiskInputs(40, true, 120, 85)));   // or 85–89
        Assert.Empty(HypertensionRisk.Factors(new RiskInputs(40, true, 140, 85)));    // raised is not "high-normal"
        Assert.Single(HypertensionRisk.Factors(new RiskInputs(40, true, Bmi: 24m)));
        Assert.Empty(HypertensionRisk.Factors(new RiskInputs(40, true, Bmi: 23.9m)));
        Assert.Single(HypertensionRisk.Factors(new RiskInputs(40, true, WaistCm: 90m)));
        Assert.Empty(HypertensionRisk.Factors(new RiskInputs(40, true, WaistCm: 89m)));
        Assert.Single(HypertensionRisk.Factors(new RiskInputs(40, false, WaistCm: 85m)));
        Assert.Single(HypertensionRisk.Factors(new RiskInputs(40, true, FamilyHistoryHypertension: true)));
        Assert.Single(HypertensionRisk.Factors(new RiskInputs(40, true, HighSaltDiet: true)));
        Assert.Single(HypertensionRisk.Factors(new RiskInputs(40, true, LiquorMlPerDay: 100m)));
        Assert.Empty(HypertensionRisk.Factors(new RiskInputs(54, true)));
        Assert.Single(HypertensionRisk.Factors(new RiskInputs(55, true)));
    }

    [Theory]
    [InlineData(24, 0)]
    [InlineData(25, 4)]
    [InlineData(34, 4)]
    [InlineData(35, 8)]
    [InlineData(39, 8)]
    [InlineData(40, 11)]
    [InlineData(45, 12)]
    [InlineData(50, 13)]
    [InlineData(55, 15)]
    [InlineData(60, 16)]
    [InlineData(64, 16)]
    [InlineData(65, 18)]
    [InlineData(74, 18)]
    public void Cdrs_age_points(int age, int points) => Assert.Equal(points, DiabetesRiskScore.AgePoints(age));

    [Theory]
    [InlineData("21.9", 0)]
    [InlineData("22", 1)]
    [InlineData("23.9", 1)]
    [InlineData("24", 3)]
    [InlineData("29.9", 3)]
    [InlineData("30", 5)]
    public void Cdrs_bmi_points(string bmi, int points) => Assert.Equal(points, DiabetesRiskScore.BmiPoints(decimal.Parse(bmi)));

    [Theory]
    [InlineData("74.9", true, 0)]
    [InlineData("75", true, 3)]
    [InlineData("80", true, 5)]
    [InlineData("85", true, 7)]
    [InlineData("90", true, 8)]
    [InlineData("94.9", true, 8)]
    [InlineData("95", true, 10)]
    [InlineData("69.9", false, 0)]
    [InlineData("70", false, 3)]
    [InlineData("75", false, 5)]
    [InlineData("80", false, 7)]
    [InlineData("85", false, 8)]
    [InlineData("90", false, 10)]
    public void Cdrs_waist_points_by_sex(string waist, bool male, int points) => Assert.Equal(points, DiabetesRiskScore.WaistPoints(decimal.Parse(waist), male));

    [Theory]
    [InlineData(109, 0)]
    [InlineData(110, 1)]
    [InlineData(120, 3)]
    [InlineData(130, 6)]
    [InlineData(140, 7)]
    [InlineData(150, 8)]
    [InlineData(159, 8)]
    [InlineData(160, 10)]
    public void Cdrs_systolic_points(int sbp, int points) => Assert.Equal(points, DiabetesRiskScore.SystolicPoints(sbp));

    [Fact]
    public void Cdrs_totals_and_the_ogtt_threshold()
    {
        // 50-year-old man, BMI 25, waist 88, SBP 135, family history: 13 + 3 + 7 + 6 + 6 + 2 = 37
        Assert.Equal(37, DiabetesRiskScore.Score(new RiskInputs(50, true, 135, 85, 25m, 88m, FamilyHistoryDiabetes: true)));
        // 36-year-old woman, BMI 21, waist 68, SBP 108, no family history: 8
        Assert.Equal(8, DiabetesRiskScore.Score(new RiskInputs(36, false, 108, 70, 21m, 68m, FamilyHistoryDiabetes: false)));
        Assert.True(DiabetesRiskScore.NeedsOgtt(25, Rules));
        Assert.False(DiabetesRiskScore.NeedsOgtt(24, Rules));
    }

    [Fact]
    public void Cdrs_gives_no_score_without_waist_or_systolic_or_outside_20_to_74()
    {
        Assert.Null(DiabetesRiskScore.Score(new RiskInputs(50, true, null, null, 25m, 88m, FamilyHistoryDiabetes: true)));
        Assert.Null(DiabetesRiskScore.Score(new RiskInputs(50, true, 135, 85, 25m, null, FamilyHistoryDiabetes: true)));
        Assert.Null(DiabetesRiskScore.Score(new RiskInputs(75, true, 135, 85, 25m, 88m, FamilyHistoryDiabetes: true)));
        Assert.Null(DiabetesRiskScore.Score(new RiskInputs(19, true, 135, 85, 25m, 88m, FamilyHistoryDiabetes: true)));
    }
}
