using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Examinations;

namespace CommunityHealth.Domain.Tests.Examinations;

public class ExamFindingsTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private static readonly HashSet<Programme> None = [];

    private static ExamAssessment Judge(Vitals? vitals = null, LabTests? tests = null, bool male = true, HashSet<Programme>? programmes = null) =>
        ExamFindings.Evaluate(new HealthExam(ExamDate: Day, Doctor: "赵静", Vitals: vitals, Tests: tests), male, programmes ?? None, Day);

    [Fact]
    public void Normal_values_are_no_finding()
    {
        var a = Judge(new Vitals(LeftSystolic: 128, LeftDiastolic: 82, HeightCm: 170, WeightKg: 65, WaistCm: 84),
            new LabTests(FastingGlucose: 5.4m, Hemoglobin: 140, TotalCholesterol: 5.0m, Triglycerides: 1.2m, Alt: 25, Creatinine: 80));
        Assert.False(a.Abnormal);
        Assert.Empty(a.NextSteps);
        Assert.Empty(a.Guidance);
    }

    [Theory]
    [InlineData(139, 89, false)]
    [InlineData(140, 80, true)]   // ≥ 140 or ≥ 90, both sides encoded
    [InlineData(130, 90, true)]
    public void Bp_140_or_90_is_raised(int sbp, int dbp, bool raised)
    {
        var a = Judge(new Vitals(LeftSystolic: sbp, LeftDiastolic: dbp));
        Assert.Equal(raised, a.Findings.Any(f => f.Code == "exam.finding.bp_raised"));
    }

    [Fact]
    public void A_raised_bp_in_a_resident_not_on_the_programme_means_a_recheck_in_a_patient_the_follow_up_and_180_110_a_referral()
    {
        var screening = Judge(new Vitals(LeftSystolic: 150, LeftDiastolic: 95));
        Assert.Equal(["exam.next.bp_recheck"], screening.NextSteps.Select(f => f.Code));
        Assert.Equal(["2"], screening.Guidance);

        var patient = Judge(new Vitals(LeftSystolic: 150, LeftDiastolic: 95), programmes: [Programme.Hypertension]);
        Assert.Equal(["exam.next.bp_follow_up"], patient.NextSteps.Select(f => f.Code));
        Assert.Equal(["1"], patient.Guidance);

        var refer = Judge(new Vitals(LeftSystolic: 150, LeftDiastolic: 110));
        Assert.Equal(["exam.next.bp_refer"], refer.NextSteps.Select(f => f.Code));
        Assert.Equal(["3"], refer.Guidance);
    }

    [Fact]
    public void The_higher_arm_counts_and_an_impossible_value_is_no_finding()
    {
        Assert.True(Judge(new Vitals(LeftSystolic: 132, LeftDiastolic: 80, RightSystolic: 146, RightDiastolic: 84)).Abnormal);
        Assert.False(Judge(new Vitals(LeftSystolic: 400, LeftDiastolic: 80)).Abnormal);
    }

    [Theory]
    [InlineData("6.0", null)]
    [InlineData("6.1", "exam.finding.glucose_impaired")]
    [InlineData("6.9", "exam.finding.glucose_impaired")]
    [InlineData("7.0", "exam.finding.glucose_high")]
    [InlineData("3.8", "exam.finding.glucose_low")]
    [InlineData("3.9", null)]
    public void Fasting_glucose_bands(string glucose, string? finding)
    {
        var a = Judge(tests: new LabTests(FastingGlucose: decimal.Parse(glucose)));
        Assert.Equal(finding, a.Findings.SingleOrDefault()?.Code);
    }

    [Fact]
    public void A_high_glucose_proposes_a_recheck_unless_the_resident_is_a_diabetes_patient()
    {
        Assert.Equal(["exam.next.glucose_recheck"], Judge(tests: new LabTests(FastingGlucose: 8.2m)).NextSteps.Select(f => f.Code));
        Assert.Equal(["exam.next.glucose_follow_up"], Judge(tests: new LabTests(FastingGlucose: 8.2m), programmes: [Programme.Diabetes]).NextSteps.Select(f => f.Code));
        Assert.Equal(["exam.next.glucose_ogtt"], Judge(tests: new LabTests(FastingGlucose: 6.5m)).NextSteps.Select(f => f.Code));
    }

    [Theory]
    [InlineData(170, "53.2", "exam.finding.bmi_under")]      // 18.41 → 18.4 (BMI is kept to one decimal)
    [InlineData(170, "53.4", null)]                           // 18.48 → 18.5
    [InlineData(170, "69.4", "exam.finding.bmi_overweight")] // 24.01
    [InlineData(170, "80.9", "exam.finding.bmi_obese")]      // 27.99 rounds to 28.0
    public void Bmi_bands(int height, string weight, string? finding)
    {
        var a = Judge(new Vitals(HeightCm: height, WeightKg: decimal.Parse(weight)));
        Assert.Equal(finding, a.Findings.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData(true, "90", true)]
    [InlineData(true, "89", false)]
    [InlineData(false, "85", true)]
    [InlineData(false, "84", false)]
    public void Waist_limits_differ_by_sex(bool male, string waist, bool central)
    {
        Assert.Equal(central, Judge(new Vitals(WaistCm: decimal.Parse(waist)), male: male).Findings.Any(f => f.Code == "exam.finding.waist"));
    }

    [Fact]
    public void Lab_values_outside_their_limits_are_findings()
    {
        var a = Judge(tests: new LabTests(Hemoglobin: 105, TotalCholesterol: 6.5m, Triglycerides: 2.5m, Ldl: 4.3m, Hdl: 0.9m, Alt: 60, Ast: 45,
            Creatinine: 150, UrineProtein: "+", UrineGlucose: "±", HbA1c: 6.8m), male: false);
        Assert.Equal(
            ["exam.finding.hba1c_high", "exam.finding.tc_high", "exam.finding.tg_high", "exam.finding.ldl_high", "exam.finding.hdl_low", "exam.finding.hb_low",
             "exam.finding.alt_high", "exam.finding.ast_high", "exam.finding.creatinine_high", "exam.finding.urine_protein"],
            a.Findings.Select(f => f.Code));
        // 110 g/L is the women's limit, 120 the men's
        Assert.DoesNotContain(Judge(tests: new LabTests(Hemoglobin: 112), male: false).Findings, f => f.Code == "exam.finding.hb_low");
        Assert.Contains(Judge(tests: new LabTests(Hemoglobin: 112), male: true).Findings, f => f.Code == "exam.finding.hb_low");
    }
}
