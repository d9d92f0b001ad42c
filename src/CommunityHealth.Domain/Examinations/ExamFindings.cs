using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Examinations;

/// <summary>
/// The reference limits an examination's values are judged against. The national 健康体检表 has a 健康评价 box (体检无异常 /
/// 有异常) but no table of limits: these are the usual adult limits of Chinese practice (BP from the hypertension guideline
/// 140/90 and 180/110 as in the chronic rules; fasting glucose 6.1/7.0 mmol/L; BMI 18.5/24/28 and waist 90/85 cm from the
/// adult weight standard WS/T 428; lipids from the 2023 lipid guideline; Hb 120/110 g/L; ALT/AST 40 U/L; creatinine 133
/// µmol/L) — **(local)**: configurable, effective-dated data, to be confirmed against the centers' laboratory ranges.
/// </summary>
public sealed record ExamLimits(
    DateOnly EffectiveFrom, int RaisedSystolic, int RaisedDiastolic, int ReferSystolic, int ReferDiastolic,
    decimal ImpairedGlucose, decimal DiabeticGlucose, decimal LowGlucose, decimal HbA1cHigh,
    decimal UnderweightBmi, decimal OverweightBmi, decimal ObeseBmi, decimal WaistMen, decimal WaistWomen,
    decimal TotalCholesterolHigh, decimal TriglyceridesHigh, decimal LdlHigh, decimal HdlLow,
    decimal HemoglobinLowMen, decimal HemoglobinLowWomen, decimal AltHigh, decimal AstHigh, decimal CreatinineHigh)
{
    public static readonly ExamLimits Adult2026 = new(
        new DateOnly(2017, 1, 1), 140, 90, 180, 110, 6.1m, 7.0m, 3.9m, 6.5m, 18.5m, 24m, 28m, 90m, 85m,
        6.2m, 2.3m, 4.1m, 1.0m, 120m, 110m, 40m, 40m, 133m);

    private static readonly ExamLimits[] All = [Adult2026];

    /// <summary>The limits in force on the exam day.</summary>
    public static ExamLimits For(DateOnly day) => All.Where(l => l.EffectiveFrom <= day).MaxBy(l => l.EffectiveFrom) ?? All[0];
}

/// <summary>What the values of an examination show, and what to do next: the findings (each a text key with its value) and the 健康指导 codes they call for.</summary>
public sealed record ExamAssessment(IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> NextSteps, IReadOnlyList<string> Guidance)
{
    public bool Abnormal => Findings.Count > 0;
}

/// <summary>
/// Judges an examination's measured values (BP, fasting glucose, HbA1c, BMI, waist, lipids, Hb, liver and kidney values,
/// urine dipstick) against <see cref="ExamLimits"/> and proposes the next step: a raised BP or glucose in a resident who is
/// not on that programme → a recheck on another day (screening), then registration if confirmed (健康指导 2 建议复查); in a
/// patient on the programme → the follow-up takes it up (1 纳入慢性病患者健康管理); BP ≥ 180/110 → referral (3 建议转诊). Pure.
/// </summary>
public static class ExamFindings
{
    public static ExamAssessment Evaluate(HealthExam exam, bool male, IReadOnlySet<Programme> activeProgrammes, DateOnly day)
    {
        var l = ExamLimits.For(day);
        var findings = new List<Finding>();
        var next = new List<Finding>();
        var guidance = new SortedSet<string>(StringComparer.Ordinal);
        var v = exam.Vitals;
        var t = exam.Tests;

        // the higher of the two arms, as the hypertension guideline reads a two-arm measurement
        var (sbp, dbp) = (Max(v?.LeftSystolic, v?.RightSystolic), Max(v?.LeftDiastolic, v?.RightDiastolic));
        if (sbp is { } s && !VitalRanges.PlausibleSystolic(s)) sbp = null;
        if (dbp is { } d && !VitalRanges.PlausibleDiastolic(d)) dbp = null;
        if (sbp >= l.RaisedSystolic || dbp >= l.RaisedDiastolic)
        {
            findings.Add(new("exam.finding.bp_raised", sbp?.ToString() ?? "—", dbp?.ToString() ?? "—"));
            if (sbp >= l.ReferSystolic || dbp >= l.ReferDiastolic)
            {
                next.Add(new("exam.next.bp_refer", l.ReferSystolic, l.ReferDiastolic));
                guidance.Add("3");
            }
            else if (activeProgrammes.Contains(Programme.Hypertension))
            {
                next.Add(new("exam.next.bp_follow_up"));
                guidance.Add("1");
            }
            else
            {
                next.Add(new("exam.next.bp_recheck"));
                guidance.Add("2");
            }
        }

        if (t?.FastingGlucose is { } g and >= 1.0m and <= 50m)
        {
            if (g >= l.DiabeticGlucose)
            {
                findings.Add(new("exam.finding.glucose_high", g, l.DiabeticGlucose));
                if (activeProgrammes.Contains(Programme.Diabetes)) { next.Add(new("exam.next.glucose_follow_up")); guidance.Add("1"); }
                else { next.Add(new("exam.next.glucose_recheck")); guidance.Add("2"); }
            }
            else if (g >= l.ImpairedGlucose)
            {
                findings.Add(new("exam.finding.glucose_impaired", g, l.ImpairedGlucose, l.DiabeticGlucose));
                if (!activeProgrammes.Contains(Programme.Diabetes)) { next.Add(new("exam.next.glucose_ogtt")); guidance.Add("2"); }
            }
            else if (g < l.LowGlucose) findings.Add(new("exam.finding.glucose_low", g, l.LowGlucose));
        }
        if (t?.HbA1c >= l.HbA1cHigh) findings.Add(new("exam.finding.hba1c_high", t.HbA1c!.Value, l.HbA1cHigh));

        if (Bmi.Compute(v?.HeightCm, v?.WeightKg) is { } bmi)
        {
            if (bmi >= l.ObeseBmi) findings.Add(new("exam.finding.bmi_obese", bmi, l.ObeseBmi));
            else if (bmi >= l.OverweightBmi) findings.Add(new("exam.finding.bmi_overweight", bmi, l.OverweightBmi, l.ObeseBmi));
            else if (bmi < l.UnderweightBmi) findings.Add(new("exam.finding.bmi_under", bmi, l.UnderweightBmi));
        }
        var waistLimit = male ? l.WaistMen : l.WaistWomen;
        if (v?.WaistCm >= waistLimit) findings.Add(new("exam.finding.waist", v.WaistCm!.Value, waistLimit));

        if (t?.TotalCholesterol >= l.TotalCholesterolHigh) findings.Add(new("exam.finding.tc_high", t.TotalCholesterol!.Value, l.TotalCholesterolHigh));
        if (t?.Triglycerides >= l.TriglyceridesHigh) findings.Add(new("exam.finding.tg_high", t.Triglycerides!.Value, l.TriglyceridesHigh));
        if (t?.Ldl >= l.LdlHigh) findings.Add(new("exam.finding.ldl_high", t.Ldl!.Value, l.LdlHigh));
        if (t?.Hdl is { } hdl && hdl < l.HdlLow) findings.Add(new("exam.finding.hdl_low", hdl, l.HdlLow));
        var hbLow = male ? l.HemoglobinLowMen : l.HemoglobinLowWomen;
        if (t?.Hemoglobin is { } hb && hb < hbLow) findings.Add(new("exam.finding.hb_low", hb, hbLow));
        if (t?.Alt > l.AltHigh) findings.Add(new("exam.finding.alt_high", t.Alt!.Value, l.AltHigh));
        if (t?.Ast > l.AstHigh) findings.Add(new("exam.finding.ast_high", t.Ast!.Value, l.AstHigh));
        if (t?.Creatinine > l.CreatinineHigh) findings.Add(new("exam.finding.creatinine_high", t.Creatinine!.Value, l.CreatinineHigh));
        if (Positive(t?.UrineProtein)) findings.Add(new("exam.finding.urine_protein", t!.UrineProtein!));
        if (Positive(t?.UrineGlucose)) findings.Add(new("exam.finding.urine_glucose", t!.UrineGlucose!));

        return new ExamAssessment(findings, next, [.. guidance]);
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>A dipstick result of "+" or more (trace "±" is not called positive).</summary>
    private static bool Positive(string? dipstick) => dipstick is { Length: > 0 } x && x.StartsWith('+');
}
