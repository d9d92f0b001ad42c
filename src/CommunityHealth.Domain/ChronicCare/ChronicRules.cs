namespace CommunityHealth.Domain.ChronicCare;

/// <summary>The two programmes (专案) of 国家基本公共卫生服务规范 第三版: 高血压 and 2型糖尿病 patients' health management.</summary>
public enum Programme { Hypertension = 1, Diabetes = 2 }

/// <summary>此次随访分类 on both forms: 1 控制满意, 2 控制不满意, 3 不良反应, 4 并发症.</summary>
public enum VisitClass { Satisfactory = 1, Unsatisfactory = 2, AdverseReaction = 3, Complication = 4 }

/// <summary>随访方式: 门诊, 家庭, 电话. Only the first two are face-to-face.</summary>
public enum VisitMode { Clinic = 1, Home = 2, Phone = 3 }

/// <summary>
/// The thresholds and intervals of the hypertension and diabetes services (standards §1.7, §1.8, §1.12), as an
/// effective-dated rule set: a later edition of the specification is a new instance, chosen by the visit date.
/// The values are those of the 3rd edition (2017); the "规范管理" definition (4 face-to-face visits and one health
/// examination in the year) follows §1.7's follow-up requirement — the assessment wording of each year's notice
/// is not in the standards file (unverified), hence data, not code.
/// </summary>
public sealed record ChronicRuleSet(
    DateOnly EffectiveFrom,
    int ControlledSystolic, int ControlledSystolicElderly, int ElderlyAge, int ControlledDiastolic,
    int UrgentSystolic, int UrgentDiastolic,
    decimal ControlledFastingGlucose, decimal UrgentGlucoseHigh, decimal UrgentGlucoseLow,
    int UrgentHeartRate, decimal UrgentTemperature,
    int RecheckDays, int RoutineMonths, int MinFaceToFaceVisits, bool StandardNeedsExam, int LostAfterMonths,
    int ScreeningAge, int HighRiskRecheckMonths, int ConfirmationReadings, int CdrsOgttThreshold)
{
    public static readonly ChronicRuleSet Spec2017 = new(
        new DateOnly(2017, 1, 1),
        ControlledSystolic: 140, ControlledSystolicElderly: 150, ElderlyAge: 65, ControlledDiastolic: 90,
        UrgentSystolic: 180, UrgentDiastolic: 110,
        ControlledFastingGlucose: 7.0m, UrgentGlucoseHigh: 16.7m, UrgentGlucoseLow: 3.9m,
        UrgentHeartRate: 100, UrgentTemperature: 39m,
        RecheckDays: 14, RoutineMonths: 3, MinFaceToFaceVisits: 4, StandardNeedsExam: true, LostAfterMonths: 3,
        ScreeningAge: 35, HighRiskRecheckMonths: 6, ConfirmationReadings: 3, CdrsOgttThreshold: 25);

    private static readonly ChronicRuleSet[] All = [Spec2017];

    /// <summary>The rule set in force on a date (the earliest one for dates before it).</summary>
    public static ChronicRuleSet For(DateOnly date) => All.LastOrDefault(r => r.EffectiveFrom <= date) ?? All[0];

    /// <summary>BP control: both values under the target; from <see cref="ElderlyAge"/> the systolic target is higher.</summary>
    public bool BpControlled(int systolic, int diastolic, int ageYears) =>
        systolic < (ageYears >= ElderlyAge ? ControlledSystolicElderly : ControlledSystolic) && diastolic < ControlledDiastolic;

    /// <summary>Glucose control: fasting glucose strictly under the target (mmol/L).</summary>
    public bool GlucoseControlled(decimal fastingGlucose) => fastingGlucose < ControlledFastingGlucose;

    /// <summary>Raised on screening: ≥ 140 and/or ≥ 90.</summary>
    public bool Raised(int systolic, int diastolic) => systolic >= ControlledSystolic || diastolic >= ControlledDiastolic;
}

/// <summary>A decision's explanation: a text key (Chinese and English in the web host) and its arguments.</summary>
public sealed record Finding(string Code, params object[] Args)
{
    public override string ToString() => Args.Length == 0 ? Code : $"{Code}({string.Join(',', Args)})";
}
