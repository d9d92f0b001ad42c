using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Domain.Tests.ChronicCare;

/// <summary>What the record gives the screening and risk rules (§1.7 screening and 高危人群, CDRS §7).</summary>
public class ChronicScreeningTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly ExamRiskFacts Exam = new(128, 86, 25.1m,
        new HealthExam(Vitals: new Vitals(WaistCm: 92), Lifestyle: new Lifestyle(Diet: ["1", "4"], LiangPerDay: 3)));

    [Fact]
    public void The_latest_reading_beats_the_examinations_bp_and_the_exam_gives_bmi_waist_salt_and_liquor()
    {
        var inputs = ChronicScreening.RiskInputs(50, "1", null, new BpReading(Today, 136, 84), Exam);
        Assert.Equal(new RiskInputs(50, true, 136, 84, 25.1m, 92, null, null, true, 150m), inputs);
        var fromExam = ChronicScreening.RiskInputs(50, "2", null, null, Exam);
        Assert.Equal((128, 86, false), (fromExam.Systolic!.Value, fromExam.Diastolic!.Value, fromExam.Male));
    }

    [Theory]
    [InlineData(null, null, null)]             // no family history recorded: unknown
    [InlineData(new string[0], false, false)]   // recorded, nothing listed
    [InlineData(new[] { "2" }, true, false)]
    [InlineData(new[] { "3", "2" }, true, true)]
    public void Family_history_counts_any_first_degree_relative(string[]? mother, bool? hypertension, bool? diabetes)
    {
        var family = mother is null ? null : new FamilyHistory(Mother: mother);
        var inputs = ChronicScreening.RiskInputs(50, "1", family, null, null);
        Assert.Equal((hypertension, diabetes), (inputs.FamilyHistoryHypertension, inputs.FamilyHistoryDiabetes));
    }

    [Fact]
    public void Without_an_examination_the_diet_and_liquor_are_unknown()
    {
        var inputs = ChronicScreening.RiskInputs(50, "1", null, null, null);
        Assert.Equal((null, null, null, null), (inputs.Bmi, inputs.WaistCm, inputs.HighSaltDiet, inputs.LiquorMlPerDay));
    }

    [Theory]
    [InlineData(new[] { "2", "3" }, new Programme[0], new[] { Programme.Hypertension, Programme.Diabetes })]
    [InlineData(new[] { "2", "3" }, new[] { Programme.Hypertension }, new[] { Programme.Diabetes })]
    [InlineData(new[] { "5" }, new Programme[0], new Programme[0])]
    public void Known_disease_without_an_active_programme_is_flagged(string[] past, Programme[] active, Programme[] expected) =>
        Assert.Equal(expected, ChronicScreening.KnownNotRegistered(past, active.ToHashSet()));

    [Theory]
    [InlineData("1991-06-01", 35, true)]  // 35 on the day
    [InlineData("1991-06-02", 34, false)]
    public void Screening_starts_at_35(string birth, int age, bool eligible)
    {
        var s = ChronicScreening.Assess(DateOnly.Parse(birth), "1", null, [], null, [], new HashSet<Programme>(), Today);
        Assert.Equal((age, eligible, BpScreeningState.Due), (s.AgeYears, s.Eligible, s.Bp.State));
    }

    [Fact]
    public void A_registered_hypertension_patient_is_managed_not_confirming()
    {
        // raised readings on two days would be "confirming" for a resident who is not on the programme
        BpReading[] raised = [new(Today.AddDays(-10), 150, 95), new(Today.AddDays(-3), 152, 96)];
        var screened = ChronicScreening.Assess(new DateOnly(1960, 1, 1), "1", null, raised, null, [], new HashSet<Programme>(), Today);
        Assert.Equal(BpScreeningState.Confirming, screened.Bp.State);
        var managed = ChronicScreening.Assess(new DateOnly(1960, 1, 1), "1", null, raised, null, [], new HashSet<Programme> { Programme.Hypertension }, Today);
        Assert.Equal((BpScreeningState.Managed, Today.AddDays(-3)), (managed.Bp.State, managed.Bp.LastReading));
        Assert.Null(managed.Bp.NextReadingBy);
        // a diabetes patient is still screened for hypertension
        var diabetic = ChronicScreening.Assess(new DateOnly(1960, 1, 1), "1", null, raised, null, [], new HashSet<Programme> { Programme.Diabetes }, Today);
        Assert.Equal(BpScreeningState.Confirming, diabetic.Bp.State);
    }

    [Fact]
    public void A_risk_factor_shortens_the_screening_interval_and_a_full_record_gives_a_cdrs()
    {
        // 60 years old (a risk factor), normal reading seven months ago: a high-risk person is due after six
        var s = ChronicScreening.Assess(new DateOnly(1966, 1, 1), "1", new FamilyHistory(Father: ["3"]), [new BpReading(Today.AddMonths(-7), 128, 80)], Exam,
            ["1"], new HashSet<Programme>(), Today);
        Assert.NotEmpty(s.HighRiskFactors);
        Assert.Equal(BpScreeningState.Due, s.Bp.State);
        Assert.NotNull(s.Cdrs);
        Assert.Equal(s.Cdrs >= ChronicRuleSet.Spec2017.CdrsOgttThreshold, s.NeedsOgtt);
    }

    [Theory]
    [InlineData("2026-06-01", "1991-06-01", "2026-03-03")]
    [InlineData("2024-02-29", "1989-02-28", "2023-12-01")] // a leap day: 35 years back is 28 February
    public void Screening_age_and_the_confirming_window_count_back_from_today(string today, string bornBy, string since)
    {
        var day = DateOnly.Parse(today);
        Assert.Equal(DateOnly.Parse(bornBy), ChronicScreening.ScreeningAgeBornBy(day, ChronicRuleSet.Spec2017));
        Assert.Equal(DateOnly.Parse(since), ChronicScreening.ConfirmingSince(day));
    }
}
