using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.ChronicCare;

/// <summary>
/// Validates the rest of a 高血压/2型糖尿病患者随访服务记录表 (standards §1.7, §1.8) beside the measured values
/// (<see cref="FollowUpRules.Validate"/>): codes in force on the visit date, possible ranges, note lengths, at most 20
/// drugs; each error is reported at its field under "form.".
/// </summary>
public static class VisitFormRules
{
    public static void Validate(Validation v, ChronicVisitForm f, DateOnly date)
    {
        const string p = "form.";
        void Codes(string field, IReadOnlyList<string>? codes, CodeList list)
        {
            if ((codes ?? []).Any(c => !list.IsValid(c, date))) v.Add(p + field, "error.code_unknown");
        }
        void Code(string field, string? code, CodeList list)
        {
            if (code is { Length: > 0 } && !list.IsValid(code, date)) v.Add(p + field, "error.code_unknown");
        }
        void Range(string field, decimal? value, decimal min, decimal max)
        {
            if (value is { } x && (x < min || x > max)) v.Add(p + field, "error.chronic.range", min, max);
        }
        Codes("hypertensionSymptoms", f.HypertensionSymptoms, ChronicCodes.HypertensionSymptom);
        Codes("diabetesSymptoms", f.DiabetesSymptoms, ChronicCodes.DiabetesSymptom);
        Codes("urgentSigns", f.UrgentSigns, ChronicCodes.UrgentSign);
        Code("salt", f.Salt, ChronicCodes.Salt);
        Code("targetSalt", f.TargetSalt, ChronicCodes.Salt);
        Code("mood", f.Mood, ChronicCodes.Compliance);
        Code("compliance", f.Compliance, ChronicCodes.Compliance);
        Code("adherence", f.Adherence, ChronicCodes.Adherence);
        Code("footPulse", f.FootPulse, ChronicCodes.FootPulse);
        Code("hypoglycaemia", f.Hypoglycaemia, ChronicCodes.Hypoglycaemia);
        Range("heightCm", f.HeightCm, 100, 250);
        Range("weightKg", f.WeightKg, 20, 300);
        Range("targetWeightKg", f.TargetWeightKg, 20, 300);
        Range("cigarettesPerDay", f.CigarettesPerDay, 0, 100);
        Range("targetCigarettesPerDay", f.TargetCigarettesPerDay, 0, 100);
        Range("liangPerDay", f.LiangPerDay, 0, 40);
        Range("targetLiangPerDay", f.TargetLiangPerDay, 0, 40);
        Range("exerciseTimesPerWeek", f.ExerciseTimesPerWeek, 0, 21);
        Range("exerciseMinutes", f.ExerciseMinutes, 0, 600);
        Range("targetExerciseTimesPerWeek", f.TargetExerciseTimesPerWeek, 0, 21);
        Range("targetExerciseMinutes", f.TargetExerciseMinutes, 0, 600);
        Range("stapleFoodGrams", f.StapleFoodGrams, 0, 2000);
        Range("targetStapleFoodGrams", f.TargetStapleFoodGrams, 0, 2000);
        Range("hbA1c", f.HbA1c, 3, 20);
        if (f.HbA1cDate is { } hd && hd > date) v.Add(p + "hbA1cDate", "error.chronic.after_visit");
        v.OptionalText(p + "symptomOther", f.SymptomOther, 200).OptionalText(p + "otherSigns", f.OtherSigns, 200).OptionalText(p + "tests", f.Tests, 500)
            .OptionalText(p + "adverseReactionNote", f.AdverseReactionNote, 200).OptionalText(p + "complicationNote", f.ComplicationNote, 200)
            .OptionalText(p + "insulin", f.Insulin, 200).OptionalText(p + "medicationAdvice", f.MedicationAdvice, 500).OptionalText(p + "urgentOther", f.UrgentOther, 200);
        if (f.AdverseReaction && string.IsNullOrWhiteSpace(f.AdverseReactionNote)) v.Add(p + "adverseReactionNote", "error.required");
        foreach (var (m, i) in (f.Medications ?? []).Select((m, i) => (m, i)))
        {
            v.RequireText($"{p}medications[{i}].name", m.Name, 100).OptionalText($"{p}medications[{i}].unit", m.Unit, 10);
            if (m.TimesPerDay is { } t && (t < 1 || t > 12)) v.Add($"{p}medications[{i}].timesPerDay", "error.chronic.range", 1, 12);
            if (m.DosePerTime is { } d && (d <= 0 || d > 10000)) v.Add($"{p}medications[{i}].dosePerTime", "error.chronic.range", 0, 10000);
        }
        if ((f.Medications?.Count ?? 0) > 20) v.Add(p + "medications", "error.chronic.range", 0, 20);
    }
}
