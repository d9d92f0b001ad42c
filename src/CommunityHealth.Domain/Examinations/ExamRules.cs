using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Examinations;

/// <summary>
/// Validates a 健康体检表: the date, codes in force, physiologically possible values (a mistyped
/// 400 mmHg or a fasting glucose of 80 mmol/L is refused at its field), and the 65+ section only for
/// residents aged 65 or more on the exam date.
/// </summary>
public static class ExamRules
{
    public const int ElderlyAge = 65;

    public static bool ShowsElderlySection(DateOnly birthDate, DateOnly examDate) => Age.CompletedYears(birthDate, examDate) >= ElderlyAge;

    public static Outcome<HealthExam> Validate(HealthExam e, DateOnly birthDate, DateOnly today)
    {
        var v = new Validation();
        if (e.ExamDate is not { } date) v.Add("examDate", "error.required");
        else if (date > today) v.Add("examDate", "error.date_future");
        else if (date < birthDate) v.Add("examDate", "error.date_before_birth");
        v.RequireText("doctor", e.Doctor, 50).OptionalText("symptomOther", e.SymptomOther, 100).OptionalText("problemOther", e.ProblemOther, 200)
            .OptionalText("riskOther", e.RiskOther, 100);
        var asOf = e.ExamDate ?? today;
        Codes(v, "symptoms", ExamCodes.Symptom, e.Symptoms, asOf, noneCode: "1");

        if (e.Vitals is { } vt)
        {
            Range(v, "vitals.temperatureC", vt.TemperatureC, 34, 43);
            Range(v, "vitals.pulseRate", vt.PulseRate, 20, 250);
            Range(v, "vitals.respiratoryRate", vt.RespiratoryRate, 4, 80);
            BloodPressure(v, "vitals.left", vt.LeftSystolic, vt.LeftDiastolic);
            BloodPressure(v, "vitals.right", vt.RightSystolic, vt.RightDiastolic);
            Range(v, "vitals.heightCm", vt.HeightCm, 30, 250);
            Range(v, "vitals.weightKg", vt.WeightKg, 1, 300);
            Range(v, "vitals.waistCm", vt.WaistCm, 20, 250);
        }

        if (e.Elderly is { } el)
        {
            if (e.ExamDate is { } d && !ShowsElderlySection(birthDate, d)) v.Add("elderly", "error.exam.elderly_only");
            Code(v, "elderly.healthSelfRating", ExamCodes.HealthSelfRating, el.HealthSelfRating, asOf);
            if (el.SelfCare is { } sc)
                foreach (var (level, name) in new[] { (sc.Eating, "eating"), (sc.Grooming, "grooming"), (sc.Dressing, "dressing"), (sc.Toileting, "toileting"), (sc.Mobility, "mobility") })
                    Range(v, $"elderly.selfCare.{name}", level, 1, 4);
            Code(v, "elderly.cognitionScreen", ExamCodes.Screen, el.CognitionScreen, asOf);
            Code(v, "elderly.moodScreen", ExamCodes.Screen, el.MoodScreen, asOf);
            Range(v, "elderly.mmseScore", el.MmseScore, 0, 30);
            Range(v, "elderly.depressionScore", el.DepressionScore, 0, 30);
            if (el.CognitionScreen == "2" && el.MmseScore is null) v.Add("elderly.mmseScore", "error.exam.score_required");
            if (el.MoodScreen == "2" && el.DepressionScore is null) v.Add("elderly.depressionScore", "error.exam.score_required");
        }

        var ageAtExam = Age.CompletedYears(birthDate, asOf);
        if (e.Lifestyle is { } ls)
        {
            Code(v, "lifestyle.exerciseFrequency", ExamCodes.ExerciseFrequency, ls.ExerciseFrequency, asOf);
            Range(v, "lifestyle.exerciseMinutes", ls.ExerciseMinutes, 0, 1440);
            Range(v, "lifestyle.exerciseYears", ls.ExerciseYears, 0, ageAtExam);
            Codes(v, "lifestyle.diet", ExamCodes.Diet, ls.Diet, asOf, noneCode: null);
            Code(v, "lifestyle.smoking", ExamCodes.Smoking, ls.Smoking, asOf);
            Range(v, "lifestyle.cigarettesPerDay", ls.CigarettesPerDay, 0, 200);
            Range(v, "lifestyle.smokingStartAge", ls.SmokingStartAge, 0, ageAtExam);
            Range(v, "lifestyle.smokingQuitAge", ls.SmokingQuitAge, ls.SmokingStartAge ?? 0, ageAtExam);
            Code(v, "lifestyle.drinking", ExamCodes.Drinking, ls.Drinking, asOf);
            Range(v, "lifestyle.liangPerDay", ls.LiangPerDay, 0, 100);
            Code(v, "lifestyle.drinkingQuit", ExamCodes.DrinkingQuit, ls.DrinkingQuit, asOf);
            Range(v, "lifestyle.drinkingStartAge", ls.DrinkingStartAge, 0, ageAtExam);
            Range(v, "lifestyle.drinkingQuitAge", ls.DrinkingQuitAge, ls.DrinkingStartAge ?? 0, ageAtExam);
            Codes(v, "lifestyle.drinkTypes", ExamCodes.DrinkType, ls.DrinkTypes, asOf, noneCode: null);
            v.OptionalText("lifestyle.exerciseType", ls.ExerciseType, 50).OptionalText("lifestyle.exposureDetail", ls.ExposureDetail, 200);
        }

        if (e.Organs is { } o)
        {
            Code(v, "organs.lips", ExamCodes.Lips, o.Lips, asOf);
            Codes(v, "organs.dentition", ExamCodes.Dentition, o.Dentition, asOf, noneCode: "1");
            Code(v, "organs.pharynx", ExamCodes.Pharynx, o.Pharynx, asOf);
            foreach (var (value, name) in new[] { (o.VisionLeft, "visionLeft"), (o.VisionRight, "visionRight"), (o.CorrectedLeft, "correctedLeft"), (o.CorrectedRight, "correctedRight") })
                Range(v, $"organs.{name}", value, 0, 5.3m);
            Code(v, "organs.hearing", ExamCodes.Hearing, o.Hearing, asOf);
            Code(v, "organs.motor", ExamCodes.Motor, o.Motor, asOf);
        }

        if (e.Physical is { } p)
        {
            Code(v, "physical.fundus", ExamCodes.NormalAbnormal, p.Fundus, asOf);
            Code(v, "physical.skin", ExamCodes.Skin, p.Skin, asOf);
            Code(v, "physical.sclera", ExamCodes.Sclera, p.Sclera, asOf);
            Code(v, "physical.lymphNodes", ExamCodes.LymphNodes, p.LymphNodes, asOf);
            Code(v, "physical.breathSounds", ExamCodes.NormalAbnormal, p.BreathSounds, asOf);
            Code(v, "physical.rales", ExamCodes.Rales, p.Rales, asOf);
            Range(v, "physical.heartRate", p.HeartRate, 20, 250);
            Code(v, "physical.rhythm", ExamCodes.Rhythm, p.Rhythm, asOf);
            Code(v, "physical.legEdema", ExamCodes.LegEdema, p.LegEdema, asOf);
            Code(v, "physical.dorsalisPedis", ExamCodes.DorsalisPedis, p.DorsalisPedis, asOf);
            foreach (var (value, name) in new[] { (p.Dre, "dre"), (p.Breast, "breast"), (p.Gynaecology, "gynaecology"), (p.Other, "other") })
                v.OptionalText($"physical.{name}", value, 200);
        }

        if (e.Tests is { } t)
        {
            Range(v, "tests.hemoglobin", t.Hemoglobin, 10, 250);
            Range(v, "tests.wbc", t.Wbc, 0.1m, 200);
            Range(v, "tests.platelets", t.Platelets, 1, 2000);
            foreach (var (value, name) in new[] { (t.UrineProtein, "urineProtein"), (t.UrineGlucose, "urineGlucose"), (t.UrineKetone, "urineKetone"), (t.UrineOccultBlood, "urineOccultBlood") })
                Code(v, $"tests.{name}", ExamCodes.UrineDipstick, value, asOf);
            Range(v, "tests.fastingGlucose", t.FastingGlucose, 0.5m, 50);
            Code(v, "tests.ecg", ExamCodes.NormalAbnormal, t.Ecg, asOf);
            Range(v, "tests.urineMicroalbumin", t.UrineMicroalbumin, 0, 3000);
            Code(v, "tests.fecalOccultBlood", ExamCodes.PositiveNegative, t.FecalOccultBlood, asOf);
            Range(v, "tests.hbA1c", t.HbA1c, 2, 20);
            Code(v, "tests.hBsAg", ExamCodes.PositiveNegative, t.HBsAg, asOf);
            Range(v, "tests.alt", t.Alt, 0, 5000);
            Range(v, "tests.ast", t.Ast, 0, 5000);
            Range(v, "tests.albumin", t.Albumin, 5, 80);
            Range(v, "tests.totalBilirubin", t.TotalBilirubin, 0, 1000);
            Range(v, "tests.directBilirubin", t.DirectBilirubin, 0, t.TotalBilirubin ?? 1000);
            Range(v, "tests.creatinine", t.Creatinine, 5, 3000);
            Range(v, "tests.urea", t.Urea, 0.1m, 100);
            Range(v, "tests.potassium", t.Potassium, 1, 10);
            Range(v, "tests.sodium", t.Sodium, 100, 200);
            Range(v, "tests.totalCholesterol", t.TotalCholesterol, 0.5m, 30);
            Range(v, "tests.triglycerides", t.Triglycerides, 0.1m, 50);
            Range(v, "tests.ldl", t.Ldl, 0.1m, 20);
            Range(v, "tests.hdl", t.Hdl, 0.1m, 10);
            foreach (var (value, name) in new[] { (t.ChestXray, "chestXray"), (t.Ultrasound, "ultrasound"), (t.CervicalSmear, "cervicalSmear") })
                Code(v, $"tests.{name}", ExamCodes.NormalAbnormal, value, asOf);
            v.OptionalText("tests.other", t.Other, 200);
        }

        Codes(v, "problems", ExamCodes.Problem, e.Problems, asOf, noneCode: null);
        foreach (var (s, i) in (e.HospitalStays ?? []).Select((x, i) => (x, i)))
        {
            Code(v, $"hospitalStays[{i}].kind", ExamCodes.StayKind, s.Kind, asOf);
            if (string.IsNullOrEmpty(s.Kind)) v.Add($"hospitalStays[{i}].kind", "error.required");
            Dated(v, $"hospitalStays[{i}].from", s.From, birthDate, asOf);
            Dated(v, $"hospitalStays[{i}].to", s.To, s.From ?? birthDate, asOf);
            v.RequireText($"hospitalStays[{i}].reason", s.Reason, 100).OptionalText($"hospitalStays[{i}].facility", s.Facility, 100);
        }
        foreach (var (m, i) in (e.Medications ?? []).Select((x, i) => (x, i)))
        {
            v.RequireText($"medications[{i}].name", m.Name, 50).OptionalText($"medications[{i}].usage", m.Usage, 50)
                .OptionalText($"medications[{i}].dose", m.Dose, 50).OptionalText($"medications[{i}].duration", m.Duration, 50);
            Code(v, $"medications[{i}].adherence", ExamCodes.Adherence, m.Adherence, asOf);
        }
        foreach (var (x, i) in (e.Vaccinations ?? []).Select((x, i) => (x, i)))
        {
            v.RequireText($"vaccinations[{i}].name", x.Name, 50).OptionalText($"vaccinations[{i}].facility", x.Facility, 100);
            Dated(v, $"vaccinations[{i}].date", x.Date, birthDate, asOf);
        }
        if (e.Abnormal == true && (e.Abnormalities ?? []).Count == 0) v.Add("abnormalities", "error.exam.abnormality_required");
        foreach (var (a, i) in (e.Abnormalities ?? []).Select((x, i) => (x, i))) v.RequireText($"abnormalities[{i}]", a, 100);
        Codes(v, "guidance", ExamCodes.Guidance, e.Guidance, asOf, noneCode: null);
        Codes(v, "riskControl", ExamCodes.RiskControl, e.RiskControl, asOf, noneCode: null);
        Range(v, "targetWeightKg", e.TargetWeightKg, 10, 300);

        return v.ToError() is { } invalid ? invalid : e with { Doctor = e.Doctor!.Trim() };
    }

    private static void BloodPressure(Validation v, string prefix, int? systolic, int? diastolic)
    {
        Range(v, prefix + "Systolic", systolic, VitalRanges.SystolicMin, VitalRanges.SystolicMax);
        Range(v, prefix + "Diastolic", diastolic, VitalRanges.DiastolicMin, VitalRanges.DiastolicMax);
        if (systolic is { } s && diastolic is { } d && d >= s) v.Add(prefix + "Diastolic", "error.exam.diastolic_above_systolic");
        if ((systolic is null) != (diastolic is null)) v.Add(prefix + (systolic is null ? "Systolic" : "Diastolic"), "error.exam.bp_pair");
    }

    private static void Range(Validation v, string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } x && (x < min || x > max)) v.Add(field, "error.range", min, max);
    }

    private static void Range(Validation v, string field, int? value, int min, int max) => Range(v, field, (decimal?)value, min, max);

    private static void Code(Validation v, string field, CodeList list, string? code, DateOnly asOf)
    {
        if (!string.IsNullOrEmpty(code) && !list.IsValid(code, asOf)) v.Add(field, "error.code_unknown");
    }

    private static void Codes(Validation v, string field, CodeList list, IReadOnlyList<string>? codes, DateOnly asOf, string? noneCode)
    {
        if (codes is null || codes.Count == 0) return;
        if (codes.Any(c => !list.IsValid(c, asOf))) v.Add(field, "error.code_unknown");
        else if (codes.Distinct().Count() != codes.Count) v.Add(field, "error.code_duplicate");
        else if (noneCode is not null && codes.Count > 1 && codes.Contains(noneCode)) v.Add(field, "error.none_exclusive");
    }

    private static void Dated(Validation v, string field, DateOnly? date, DateOnly notBefore, DateOnly notAfter)
    {
        if (date is not { } d) return;
        if (d > notAfter) v.Add(field, "error.date_future");
        else if (d < notBefore) v.Add(field, "error.date_before_birth");
    }
}
