namespace CommunityHealth.Domain.ChronicCare;

/// <summary>A drug on the follow-up form: name, times a day, amount per time with its unit.</summary>
public sealed record VisitMedication(string? Name, int? TimesPerDay, decimal? DosePerTime, string? Unit);

/// <summary>
/// The rest of the 高血压/2型糖尿病患者随访服务记录表 (standards §1.7, §1.8): everything a visit records beside the
/// values the rules and indicators read (kept as columns). One form serves a patient on both programmes: the
/// shared parts are typed once; the hypertension-only and diabetes-only parts are filled as they apply.
/// </summary>
public sealed record ChronicVisitForm(
    IReadOnlyList<string>? HypertensionSymptoms = null, IReadOnlyList<string>? DiabetesSymptoms = null, string? SymptomOther = null,
    decimal? HeightCm = null, decimal? WeightKg = null, decimal? TargetWeightKg = null, int? HeartRate = null, decimal? TemperatureC = null,
    string? OtherSigns = null, string? FootPulse = null,
    int? CigarettesPerDay = null, int? TargetCigarettesPerDay = null, decimal? LiangPerDay = null, decimal? TargetLiangPerDay = null,
    int? ExerciseTimesPerWeek = null, int? ExerciseMinutes = null, int? TargetExerciseTimesPerWeek = null, int? TargetExerciseMinutes = null,
    string? Salt = null, string? TargetSalt = null, int? StapleFoodGrams = null, int? TargetStapleFoodGrams = null,
    string? Mood = null, string? Compliance = null,
    string? Tests = null, decimal? HbA1c = null, DateOnly? HbA1cDate = null,
    string? Adherence = null, bool AdverseReaction = false, string? AdverseReactionNote = null, string? Hypoglycaemia = null,
    bool NewOrWorseComplication = false, string? ComplicationNote = null,
    IReadOnlyList<VisitMedication>? Medications = null, string? Insulin = null, string? MedicationAdvice = null,
    IReadOnlyList<string>? UrgentSigns = null, string? UrgentOther = null);
