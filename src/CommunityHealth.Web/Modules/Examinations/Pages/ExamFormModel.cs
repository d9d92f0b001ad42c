using CommunityHealth.Domain.Examinations;

namespace CommunityHealth.Web.Modules.Examinations.Pages;

/// <summary>Mutable form state for the 健康体检表 page; converts to and from the domain record.</summary>
public sealed class ExamFormModel
{
    public sealed class Stay { public string? Kind { get; set; } = "1"; public DateOnly? From { get; set; } public DateOnly? To { get; set; } public string? Reason { get; set; } public string? Facility { get; set; } }
    public sealed class Drug { public string? Name { get; set; } public string? Usage { get; set; } public string? Dose { get; set; } public string? Duration { get; set; } public string? Adherence { get; set; } }
    public sealed class Vaccine { public string? Name { get; set; } public DateOnly? Date { get; set; } public string? Facility { get; set; } }

    public DateOnly? ExamDate { get; set; }
    public string? Doctor { get; set; }
    public HashSet<string> Symptoms { get; set; } = [];
    public string? SymptomOther { get; set; }
    // 一般状况
    public decimal? TemperatureC { get; set; }
    public decimal? PulseRate { get; set; }
    public decimal? RespiratoryRate { get; set; }
    public decimal? LeftSystolic { get; set; }
    public decimal? LeftDiastolic { get; set; }
    public decimal? RightSystolic { get; set; }
    public decimal? RightDiastolic { get; set; }
    public decimal? HeightCm { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? WaistCm { get; set; }
    // 65+
    public string? HealthSelfRating { get; set; }
    public decimal? Eating { get; set; }
    public decimal? Grooming { get; set; }
    public decimal? Dressing { get; set; }
    public decimal? Toileting { get; set; }
    public decimal? Mobility { get; set; }
    public string? CognitionScreen { get; set; }
    public decimal? MmseScore { get; set; }
    public string? MoodScreen { get; set; }
    public decimal? DepressionScore { get; set; }
    // 生活方式
    public string? ExerciseFrequency { get; set; }
    public decimal? ExerciseMinutes { get; set; }
    public decimal? ExerciseYears { get; set; }
    public string? ExerciseType { get; set; }
    public HashSet<string> Diet { get; set; } = [];
    public string? Smoking { get; set; }
    public decimal? CigarettesPerDay { get; set; }
    public decimal? SmokingStartAge { get; set; }
    public decimal? SmokingQuitAge { get; set; }
    public string? Drinking { get; set; }
    public decimal? LiangPerDay { get; set; }
    public string? DrinkingQuit { get; set; }
    public decimal? DrinkingQuitAge { get; set; }
    public decimal? DrinkingStartAge { get; set; }
    public HashSet<string> DrinkTypes { get; set; } = [];
    public string? ExposureDetail { get; set; }
    // 脏器功能
    public string? Lips { get; set; }
    public HashSet<string> Dentition { get; set; } = [];
    public string? Pharynx { get; set; }
    public decimal? VisionLeft { get; set; }
    public decimal? VisionRight { get; set; }
    public decimal? CorrectedLeft { get; set; }
    public decimal? CorrectedRight { get; set; }
    public string? Hearing { get; set; }
    public string? Motor { get; set; }
    // 查体
    public string? Fundus { get; set; }
    public string? Skin { get; set; }
    public string? Sclera { get; set; }
    public string? LymphNodes { get; set; }
    public bool BarrelChest { get; set; }
    public string? BreathSounds { get; set; }
    public string? Rales { get; set; }
    public decimal? HeartRate { get; set; }
    public string? Rhythm { get; set; }
    public bool Murmur { get; set; }
    public bool Tenderness { get; set; }
    public bool Mass { get; set; }
    public bool Hepatomegaly { get; set; }
    public bool Splenomegaly { get; set; }
    public bool ShiftingDullness { get; set; }
    public string? LegEdema { get; set; }
    public string? DorsalisPedis { get; set; }
    public string? Dre { get; set; }
    public string? Breast { get; set; }
    public string? Gynaecology { get; set; }
    public string? PhysicalOther { get; set; }
    // 辅助检查
    public decimal? Hemoglobin { get; set; }
    public decimal? Wbc { get; set; }
    public decimal? Platelets { get; set; }
    public string? UrineProtein { get; set; }
    public string? UrineGlucose { get; set; }
    public string? UrineKetone { get; set; }
    public string? UrineOccultBlood { get; set; }
    public decimal? FastingGlucose { get; set; }
    public string? Ecg { get; set; }
    public decimal? UrineMicroalbumin { get; set; }
    public string? FecalOccultBlood { get; set; }
    public decimal? HbA1c { get; set; }
    public string? HBsAg { get; set; }
    public decimal? Alt { get; set; }
    public decimal? Ast { get; set; }
    public decimal? Albumin { get; set; }
    public decimal? TotalBilirubin { get; set; }
    public decimal? DirectBilirubin { get; set; }
    public decimal? Creatinine { get; set; }
    public decimal? Urea { get; set; }
    public decimal? Potassium { get; set; }
    public decimal? Sodium { get; set; }
    public decimal? TotalCholesterol { get; set; }
    public decimal? Triglycerides { get; set; }
    public decimal? Ldl { get; set; }
    public decimal? Hdl { get; set; }
    public string? ChestXray { get; set; }
    public string? Ultrasound { get; set; }
    public string? CervicalSmear { get; set; }
    public string? TestsOther { get; set; }
    // 问题、用药、评价
    public HashSet<string> Problems { get; set; } = [];
    public string? ProblemOther { get; set; }
    public List<Stay> Stays { get; set; } = [];
    public List<Drug> Drugs { get; set; } = [];
    public List<Vaccine> Vaccines { get; set; } = [];
    public bool Abnormal { get; set; }
    public string? Abnormalities { get; set; }
    public HashSet<string> Guidance { get; set; } = [];
    public HashSet<string> RiskControl { get; set; } = [];
    public decimal? TargetWeightKg { get; set; }
    public string? RiskOther { get; set; }

    public HealthExam ToExam(bool elderly) => new(
        ExamDate, Doctor, [.. Symptoms.Order()], N(SymptomOther),
        new Vitals(TemperatureC, I(PulseRate), I(RespiratoryRate), I(LeftSystolic), I(LeftDiastolic), I(RightSystolic), I(RightDiastolic), HeightCm, WeightKg, WaistCm),
        elderly ? new ElderlyAssessment(N(HealthSelfRating), new SelfCareItems(I(Eating), I(Grooming), I(Dressing), I(Toileting), I(Mobility)),
            N(CognitionScreen), I(MmseScore), N(MoodScreen), I(DepressionScore)) : null,
        new Lifestyle(N(ExerciseFrequency), I(ExerciseMinutes), I(ExerciseYears), N(ExerciseType), [.. Diet.Order()], N(Smoking), I(CigarettesPerDay),
            I(SmokingStartAge), I(SmokingQuitAge), N(Drinking), LiangPerDay, N(DrinkingQuit), I(DrinkingQuitAge), I(DrinkingStartAge), null, [.. DrinkTypes.Order()],
            !string.IsNullOrWhiteSpace(ExposureDetail), N(ExposureDetail)),
        new OrganFunction(N(Lips), [.. Dentition.Order()], N(Pharynx), VisionLeft, VisionRight, CorrectedLeft, CorrectedRight, N(Hearing), N(Motor)),
        new PhysicalExam(N(Fundus), N(Skin), N(Sclera), N(LymphNodes), BarrelChest, N(BreathSounds), N(Rales), I(HeartRate), N(Rhythm), Murmur,
            Tenderness, Mass, Hepatomegaly, Splenomegaly, ShiftingDullness, N(LegEdema), N(DorsalisPedis), N(Dre), N(Breast), N(Gynaecology), N(PhysicalOther)),
        new LabTests(Hemoglobin, Wbc, Platelets, N(UrineProtein), N(UrineGlucose), N(UrineKetone), N(UrineOccultBlood), FastingGlucose, N(Ecg),
            UrineMicroalbumin, N(FecalOccultBlood), HbA1c, N(HBsAg), Alt, Ast, Albumin, TotalBilirubin, DirectBilirubin, Creatinine, Urea, Potassium, Sodium,
            TotalCholesterol, Triglycerides, Ldl, Hdl, N(ChestXray), N(Ultrasound), N(CervicalSmear), N(TestsOther)),
        [.. Problems.Order()], N(ProblemOther),
        Stays.Select(s => new HospitalStay(s.Kind, s.From, s.To, s.Reason, s.Facility)).ToList(),
        Drugs.Select(d => new Medication(d.Name, d.Usage, d.Dose, d.Duration, N(d.Adherence))).ToList(),
        Vaccines.Select(v => new Vaccination(v.Name, v.Date, v.Facility)).ToList(),
        Abnormal, Abnormal ? (Abnormalities ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
        [.. Guidance.Order()], [.. RiskControl.Order()], TargetWeightKg, N(RiskOther));

    public static ExamFormModel From(HealthExam e)
    {
        var m = new ExamFormModel
        {
            ExamDate = e.ExamDate, Doctor = e.Doctor, Symptoms = [.. e.Symptoms ?? []], SymptomOther = e.SymptomOther,
            Problems = [.. e.Problems ?? []], ProblemOther = e.ProblemOther, Abnormal = e.Abnormal == true,
            Abnormalities = string.Join('\n', e.Abnormalities ?? []), Guidance = [.. e.Guidance ?? []], RiskControl = [.. e.RiskControl ?? []],
            TargetWeightKg = e.TargetWeightKg, RiskOther = e.RiskOther,
            Stays = (e.HospitalStays ?? []).Select(s => new Stay { Kind = s.Kind, From = s.From, To = s.To, Reason = s.Reason, Facility = s.Facility }).ToList(),
            Drugs = (e.Medications ?? []).Select(d => new Drug { Name = d.Name, Usage = d.Usage, Dose = d.Dose, Duration = d.Duration, Adherence = d.Adherence }).ToList(),
            Vaccines = (e.Vaccinations ?? []).Select(v => new Vaccine { Name = v.Name, Date = v.Date, Facility = v.Facility }).ToList(),
        };
        if (e.Vitals is { } v)
            (m.TemperatureC, m.PulseRate, m.RespiratoryRate, m.LeftSystolic, m.LeftDiastolic, m.RightSystolic, m.RightDiastolic, m.HeightCm, m.WeightKg, m.WaistCm) =
                (v.TemperatureC, v.PulseRate, v.RespiratoryRate, v.LeftSystolic, v.LeftDiastolic, v.RightSystolic, v.RightDiastolic, v.HeightCm, v.WeightKg, v.WaistCm);
        if (e.Elderly is { } el)
        {
            (m.HealthSelfRating, m.CognitionScreen, m.MmseScore, m.MoodScreen, m.DepressionScore) = (el.HealthSelfRating, el.CognitionScreen, el.MmseScore, el.MoodScreen, el.DepressionScore);
            if (el.SelfCare is { } sc) (m.Eating, m.Grooming, m.Dressing, m.Toileting, m.Mobility) = (sc.Eating, sc.Grooming, sc.Dressing, sc.Toileting, sc.Mobility);
        }
        if (e.Lifestyle is { } l)
        {
            (m.ExerciseFrequency, m.ExerciseMinutes, m.ExerciseYears, m.ExerciseType, m.Smoking, m.CigarettesPerDay, m.SmokingStartAge, m.SmokingQuitAge) =
                (l.ExerciseFrequency, l.ExerciseMinutes, l.ExerciseYears, l.ExerciseType, l.Smoking, l.CigarettesPerDay, l.SmokingStartAge, l.SmokingQuitAge);
            (m.Drinking, m.LiangPerDay, m.DrinkingQuit, m.DrinkingQuitAge, m.DrinkingStartAge, m.ExposureDetail) =
                (l.Drinking, l.LiangPerDay, l.DrinkingQuit, l.DrinkingQuitAge, l.DrinkingStartAge, l.ExposureDetail);
            m.Diet = [.. l.Diet ?? []];
            m.DrinkTypes = [.. l.DrinkTypes ?? []];
        }
        if (e.Organs is { } o)
        {
            (m.Lips, m.Pharynx, m.VisionLeft, m.VisionRight, m.CorrectedLeft, m.CorrectedRight, m.Hearing, m.Motor) =
                (o.Lips, o.Pharynx, o.VisionLeft, o.VisionRight, o.CorrectedLeft, o.CorrectedRight, o.Hearing, o.Motor);
            m.Dentition = [.. o.Dentition ?? []];
        }
        if (e.Physical is { } p)
        {
            (m.Fundus, m.Skin, m.Sclera, m.LymphNodes, m.BarrelChest, m.BreathSounds, m.Rales, m.HeartRate, m.Rhythm, m.Murmur) =
                (p.Fundus, p.Skin, p.Sclera, p.LymphNodes, p.BarrelChest == true, p.BreathSounds, p.Rales, p.HeartRate, p.Rhythm, p.Murmur == true);
            (m.Tenderness, m.Mass, m.Hepatomegaly, m.Splenomegaly, m.ShiftingDullness, m.LegEdema, m.DorsalisPedis, m.Dre, m.Breast, m.Gynaecology, m.PhysicalOther) =
                (p.Tenderness == true, p.Mass == true, p.Hepatomegaly == true, p.Splenomegaly == true, p.ShiftingDullness == true, p.LegEdema, p.DorsalisPedis, p.Dre, p.Breast, p.Gynaecology, p.Other);
        }
        if (e.Tests is { } t)
        {
            (m.Hemoglobin, m.Wbc, m.Platelets, m.UrineProtein, m.UrineGlucose, m.UrineKetone, m.UrineOccultBlood, m.FastingGlucose, m.Ecg, m.UrineMicroalbumin) =
                (t.Hemoglobin, t.Wbc, t.Platelets, t.UrineProtein, t.UrineGlucose, t.UrineKetone, t.UrineOccultBlood, t.FastingGlucose, t.Ecg, t.UrineMicroalbumin);
            (m.FecalOccultBlood, m.HbA1c, m.HBsAg, m.Alt, m.Ast, m.Albumin, m.TotalBilirubin, m.DirectBilirubin, m.Creatinine, m.Urea, m.Potassium, m.Sodium) =
                (t.FecalOccultBlood, t.HbA1c, t.HBsAg, t.Alt, t.Ast, t.Albumin, t.TotalBilirubin, t.DirectBilirubin, t.Creatinine, t.Urea, t.Potassium, t.Sodium);
            (m.TotalCholesterol, m.Triglycerides, m.Ldl, m.Hdl, m.ChestXray, m.Ultrasound, m.CervicalSmear, m.TestsOther) =
                (t.TotalCholesterol, t.Triglycerides, t.Ldl, t.Hdl, t.ChestXray, t.Ultrasound, t.CervicalSmear, t.Other);
        }
        return m;
    }

    private static string? N(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static int? I(decimal? d) => d is { } x ? (int)Math.Round(x) : null;
}
