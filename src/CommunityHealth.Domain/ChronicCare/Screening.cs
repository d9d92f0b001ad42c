namespace CommunityHealth.Domain.ChronicCare;

public sealed record BpReading(DateOnly On, int Systolic, int Diastolic);

public enum BpScreeningState
{
    /// <summary>No reading in the screening period.</summary>
    Due = 0,
    /// <summary>The last reading is normal and recent enough.</summary>
    Normal = 1,
    /// <summary>A raised reading started the three-readings-on-different-days confirmation.</summary>
    Confirming = 2,
    /// <summary>Raised on three different days: refer for diagnosis.</summary>
    Suspected = 3,
    /// <summary>On the hypertension programme: screening has ended, the follow-ups take over.</summary>
    Managed = 4,
}

/// <summary>The hypertension screening state of a resident, with the counts that explain it.</summary>
public sealed record BpScreening(BpScreeningState State, int RaisedDays, DateOnly? LastReading, DateOnly? NextReadingBy, IReadOnlyList<Finding> Reasons);

/// <summary>
/// Hypertension screening for residents aged 35+ (standards §1.7): one reading a year (every 6 months for high-risk
/// people); a first reading ≥ 140 and/or ≥ 90 starts the confirmation — readings on three different days, all
/// raised, make the case suspected (refer for diagnosis); a normal reading on a later day ends the confirmation.
/// Several readings on one day count as one day (its last reading).
/// </summary>
public static class BpScreeningRules
{
    public static BpScreening Evaluate(IEnumerable<BpReading> readings, bool highRisk, DateOnly today, ChronicRuleSet rules)
    {
        var byDay = readings.Where(r => r.On <= today).GroupBy(r => r.On).OrderBy(g => g.Key).Select(g => g.Last()).ToList();
        var reasons = new List<Finding>();
        if (byDay.Count == 0)
        {
            reasons.Add(new Finding("chronic.screen.never"));
            return new BpScreening(BpScreeningState.Due, 0, null, today, reasons);
        }
        // walk the days: a raised day opens (or continues) a run; a normal day closes it
        var run = 0;
        foreach (var day in byDay)
        {
            if (rules.Raised(day.Systolic, day.Diastolic)) run = run >= rules.ConfirmationReadings ? run : run + 1;
            else run = 0;
        }
        var last = byDay[^1];
        if (run >= rules.ConfirmationReadings)
        {
            reasons.Add(new Finding("chronic.screen.suspected", rules.ConfirmationReadings));
            return new BpScreening(BpScreeningState.Suspected, run, last.On, null, reasons);
        }
        if (run > 0)
        {
            reasons.Add(new Finding("chronic.screen.confirming", run, rules.ConfirmationReadings, last.Systolic, last.Diastolic));
            return new BpScreening(BpScreeningState.Confirming, run, last.On, today < last.On.AddDays(1) ? last.On.AddDays(1) : today, reasons);
        }
        // normal: the next reading is due in the next calendar year, or 6 months on for high-risk people
        var nextBy = highRisk ? last.On.AddMonths(rules.HighRiskRecheckMonths) : new DateOnly(last.On.Year + 1, 1, 1);
        if (nextBy <= today)
        {
            reasons.Add(new Finding(highRisk ? "chronic.screen.high_risk_due" : "chronic.screen.year_due", last.On.ToString("yyyy-MM-dd")));
            return new BpScreening(BpScreeningState.Due, 0, last.On, today, reasons);
        }
        reasons.Add(new Finding("chronic.screen.normal", last.Systolic, last.Diastolic));
        return new BpScreening(BpScreeningState.Normal, 0, last.On, nextBy, reasons);
    }
}

/// <summary>What the record knows of a resident for the risk rules; any input may be missing.</summary>
public sealed record RiskInputs(
    int AgeYears, bool Male, int? Systolic = null, int? Diastolic = null, decimal? Bmi = null, decimal? WaistCm = null,
    bool? FamilyHistoryHypertension = null, bool? FamilyHistoryDiabetes = null, bool? HighSaltDiet = null, decimal? LiquorMlPerDay = null);

/// <summary>高血压高危人群 (standards §1.7): any one factor makes a resident high-risk (BP every 6 months).</summary>
public static class HypertensionRisk
{
    public static IReadOnlyList<Finding> Factors(RiskInputs r)
    {
        var f = new List<Finding>();
        if (r is { Systolic: { } s, Diastolic: { } d } && (s is >= 130 and <= 139 || d is >= 85 and <= 89) && s < 140 && d < 90)
            f.Add(new Finding("chronic.risk.high_normal_bp", s, d));
        if (r.Bmi is { } bmi && bmi >= 24m) f.Add(new Finding("chronic.risk.bmi", bmi));
        if (r.WaistCm is { } w && w >= (r.Male ? 90m : 85m)) f.Add(new Finding("chronic.risk.waist", w, r.Male ? 90 : 85));
        if (r.FamilyHistoryHypertension == true) f.Add(new Finding("chronic.risk.family"));
        if (r.HighSaltDiet == true) f.Add(new Finding("chronic.risk.salt"));
        if (r.LiquorMlPerDay is { } ml && ml >= 100m) f.Add(new Finding("chronic.risk.liquor", ml));
        if (r.AgeYears >= 55) f.Add(new Finding("chronic.risk.age", r.AgeYears));
        return f;
    }
}

/// <summary>
/// 中国糖尿病风险评分 (CDRS, standards §7) for ages 20–74: points for age, BMI, waist (by sex), systolic BP, family
/// history of diabetes and male sex; ≥ 25 is high risk (OGTT). No score when an input is missing.
/// </summary>
public static class DiabetesRiskScore
{
    public static int? Score(RiskInputs r)
    {
        if (r.AgeYears is < 20 or > 74 || r.Bmi is not { } bmi || r.WaistCm is not { } waist || r.Systolic is not { } sbp || r.FamilyHistoryDiabetes is not { } family)
            return null;
        return AgePoints(r.AgeYears) + BmiPoints(bmi) + WaistPoints(waist, r.Male) + SystolicPoints(sbp) + (family ? 6 : 0) + (r.Male ? 2 : 0);
    }

    public static int AgePoints(int age) => age switch
    {
        < 25 => 0,
        < 35 => 4,
        < 40 => 8,
        < 45 => 11,
        < 50 => 12,
        < 55 => 13,
        < 60 => 15,
        < 65 => 16,
        _ => 18,
    };

    public static int BmiPoints(decimal bmi) => bmi switch { < 22m => 0, < 24m => 1, < 30m => 3, _ => 5 };

    public static int WaistPoints(decimal waist, bool male)
    {
        var start = male ? 75m : 70m; // bands of 5 cm from 75 (men) or 70 (women)
        if (waist < start) return 0;
        var band = (int)Math.Floor((waist - start) / 5m);
        return band switch { 0 => 3, 1 => 5, 2 => 7, 3 => 8, _ => 10 };
    }

    public static int SystolicPoints(int sbp) => sbp switch
    {
        < 110 => 0,
        < 120 => 1,
        < 130 => 3,
        < 140 => 6,
        < 150 => 7,
        < 160 => 8,
        _ => 10,
    };

    public static bool NeedsOgtt(int score, ChronicRuleSet rules) => score >= rules.CdrsOgttThreshold;
}
