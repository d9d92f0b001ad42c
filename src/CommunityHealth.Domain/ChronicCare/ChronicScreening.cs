using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Domain.ChronicCare;

/// <summary>What the latest health examination contributes to the risk rules: its BP and BMI columns and the form.</summary>
public sealed record ExamRiskFacts(int? Systolic, int? Diastolic, decimal? Bmi, HealthExam Form);

/// <summary>A resident's screening state and risk on a date, as the chronic-care page shows it.</summary>
public sealed record ScreeningAssessment(
    int AgeYears, bool Eligible, BpScreening Bp, IReadOnlyList<Finding> HighRiskFactors, int? Cdrs, bool NeedsOgtt, IReadOnlyList<Programme> KnownNotRegistered);

/// <summary>
/// Screening and risk from the record (standards §1.7 screening of residents 35+, 高血压高危人群, CDRS §7): the BP readings,
/// the latest examination (BP, BMI, waist, diet, drinking), family history and past history. Pure: the date is passed in.
/// </summary>
public static class ChronicScreening
{
    public static ScreeningAssessment Assess(DateOnly birthDate, string sex, FamilyHistory? family, IReadOnlyList<BpReading> bpReadings, ExamRiskFacts? exam,
        IReadOnlyCollection<string> pastHistoryCodes, IReadOnlySet<Programme> activeProgrammes, DateOnly today)
    {
        var rules = ChronicRuleSet.For(today);
        var age = Age.CompletedYears(birthDate, today);
        var inputs = RiskInputs(age, sex, family, bpReadings.Count > 0 ? bpReadings[^1] : null, exam);
        var factors = HypertensionRisk.Factors(inputs);
        var bp = activeProgrammes.Contains(Programme.Hypertension)
            ? new BpScreening(BpScreeningState.Managed, 0, bpReadings.Count > 0 ? bpReadings[^1].On : null, null, [new Finding("chronic.screen.managed")])
            : BpScreeningRules.Evaluate(bpReadings, factors.Count > 0, today, rules);
        var cdrs = DiabetesRiskScore.Score(inputs);
        return new ScreeningAssessment(age, age >= rules.ScreeningAge, bp, factors, cdrs, cdrs is { } score && DiabetesRiskScore.NeedsOgtt(score, rules),
            KnownNotRegistered(pastHistoryCodes, activeProgrammes));
    }

    /// <summary>
    /// The risk rules' inputs: the latest BP reading (the examination's BP when there is none), the examination's BMI,
    /// waist, high-salt diet (diet code 4 嗜盐) and liquor (1 两 = 50 ml), and family history of hypertension (code 2) and
    /// diabetes (code 3) in any first-degree relative (unknown when no family history was recorded).
    /// </summary>
    public static RiskInputs RiskInputs(int ageYears, string sex, FamilyHistory? family, BpReading? lastReading, ExamRiskFacts? exam)
    {
        bool? FamilyHas(string code) => family is null ? null
            : new[] { family.Father, family.Mother, family.Siblings, family.Children }.Any(l => l?.Contains(code) == true);
        var lifestyle = exam?.Form.Lifestyle;
        return new RiskInputs(ageYears, sex == "1", lastReading?.Systolic ?? exam?.Systolic, lastReading?.Diastolic ?? exam?.Diastolic, exam?.Bmi,
            exam?.Form.Vitals?.WaistCm, FamilyHas("2"), FamilyHas("3"), lifestyle?.Diet is null ? null : lifestyle.Diet.Contains("4"),
            lifestyle?.LiangPerDay is { } liang ? liang * 50m : null);
    }

    /// <summary>Residents born on or before this date are of screening age (35) on <paramref name="today"/>.</summary>
    public static DateOnly ScreeningAgeBornBy(DateOnly today, ChronicRuleSet rules) => today.AddYears(-rules.ScreeningAge);

    /// <summary>
    /// The confirming list looks at raised readings since this date: 90 days, the work list's window for readings on
    /// different days (the national text sets no window — unverified, chosen for the list).
    /// </summary>
    public static DateOnly ConfirmingSince(DateOnly today) => today.AddDays(-90);

    /// <summary>Hypertension (past-history code 2) or diabetes (code 3) known from the record but not on an active programme.</summary>
    public static IReadOnlyList<Programme> KnownNotRegistered(IReadOnlyCollection<string> pastHistoryCodes, IReadOnlySet<Programme> activeProgrammes)
    {
        var known = new List<Programme>();
        if (pastHistoryCodes.Contains("2") && !activeProgrammes.Contains(Programme.Hypertension)) known.Add(Programme.Hypertension);
        if (pastHistoryCodes.Contains("3") && !activeProgrammes.Contains(Programme.Diabetes)) known.Add(Programme.Diabetes);
        return known;
    }
}
