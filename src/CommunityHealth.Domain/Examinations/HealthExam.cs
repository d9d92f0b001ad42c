namespace CommunityHealth.Domain.Examinations;

/// <summary>
/// 健康体检表 (国家基本公共卫生服务规范 第三版, standards §1.1). Codes are the form's codes
/// (<see cref="ExamCodes"/>). Optional items (*) on the paper form are nullable here like the rest;
/// the 65+ items are accepted only when the resident is 65 or older on the exam date.
/// </summary>
public sealed record HealthExam(
    DateOnly? ExamDate = null, string? Doctor = null,
    IReadOnlyList<string>? Symptoms = null, string? SymptomOther = null,
    Vitals? Vitals = null, ElderlyAssessment? Elderly = null, Lifestyle? Lifestyle = null,
    OrganFunction? Organs = null, PhysicalExam? Physical = null, LabTests? Tests = null,
    IReadOnlyList<string>? Problems = null, string? ProblemOther = null,
    IReadOnlyList<HospitalStay>? HospitalStays = null, IReadOnlyList<Medication>? Medications = null,
    IReadOnlyList<Vaccination>? Vaccinations = null,
    bool? Abnormal = null, IReadOnlyList<string>? Abnormalities = null,
    IReadOnlyList<string>? Guidance = null, IReadOnlyList<string>? RiskControl = null, decimal? TargetWeightKg = null, string? RiskOther = null);

/// <summary>一般状况. BMI is computed, never typed.</summary>
public sealed record Vitals(
    decimal? TemperatureC = null, int? PulseRate = null, int? RespiratoryRate = null,
    int? LeftSystolic = null, int? LeftDiastolic = null, int? RightSystolic = null, int? RightDiastolic = null,
    decimal? HeightCm = null, decimal? WeightKg = null, decimal? WaistCm = null);

/// <summary>65+ only: self-rated health, the self-care assessment items, cognition and mood screens.</summary>
public sealed record ElderlyAssessment(
    string? HealthSelfRating = null, SelfCareItems? SelfCare = null,
    string? CognitionScreen = null, int? MmseScore = null, string? MoodScreen = null, int? DepressionScore = null);

/// <summary>The five items of 老年人生活自理能力评估表, each a level 1 可自理 … 4 不能自理.</summary>
public sealed record SelfCareItems(int? Eating = null, int? Grooming = null, int? Dressing = null, int? Toileting = null, int? Mobility = null);

public sealed record Lifestyle(
    string? ExerciseFrequency = null, int? ExerciseMinutes = null, int? ExerciseYears = null, string? ExerciseType = null,
    IReadOnlyList<string>? Diet = null,
    string? Smoking = null, int? CigarettesPerDay = null, int? SmokingStartAge = null, int? SmokingQuitAge = null,
    string? Drinking = null, decimal? LiangPerDay = null, string? DrinkingQuit = null, int? DrinkingQuitAge = null, int? DrinkingStartAge = null,
    bool? DrunkLastYear = null, IReadOnlyList<string>? DrinkTypes = null,
    bool? OccupationalExposure = null, string? ExposureDetail = null);

public sealed record OrganFunction(
    string? Lips = null, IReadOnlyList<string>? Dentition = null, string? Pharynx = null,
    decimal? VisionLeft = null, decimal? VisionRight = null, decimal? CorrectedLeft = null, decimal? CorrectedRight = null,
    string? Hearing = null, string? Motor = null);

public sealed record PhysicalExam(
    string? Fundus = null, string? Skin = null, string? Sclera = null, string? LymphNodes = null,
    bool? BarrelChest = null, string? BreathSounds = null, string? Rales = null,
    int? HeartRate = null, string? Rhythm = null, bool? Murmur = null,
    bool? Tenderness = null, bool? Mass = null, bool? Hepatomegaly = null, bool? Splenomegaly = null, bool? ShiftingDullness = null,
    string? LegEdema = null, string? DorsalisPedis = null, string? Dre = null, string? Breast = null, string? Gynaecology = null, string? Other = null);

public sealed record LabTests(
    decimal? Hemoglobin = null, decimal? Wbc = null, decimal? Platelets = null,
    string? UrineProtein = null, string? UrineGlucose = null, string? UrineKetone = null, string? UrineOccultBlood = null,
    decimal? FastingGlucose = null, string? Ecg = null, decimal? UrineMicroalbumin = null, string? FecalOccultBlood = null,
    decimal? HbA1c = null, string? HBsAg = null,
    decimal? Alt = null, decimal? Ast = null, decimal? Albumin = null, decimal? TotalBilirubin = null, decimal? DirectBilirubin = null,
    decimal? Creatinine = null, decimal? Urea = null, decimal? Potassium = null, decimal? Sodium = null,
    decimal? TotalCholesterol = null, decimal? Triglycerides = null, decimal? Ldl = null, decimal? Hdl = null,
    string? ChestXray = null, string? Ultrasound = null, string? CervicalSmear = null, string? Other = null);

public sealed record HospitalStay(string? Kind, DateOnly? From, DateOnly? To, string? Reason, string? Facility);

public sealed record Medication(string? Name, string? Usage, string? Dose, string? Duration, string? Adherence);

public sealed record Vaccination(string? Name, DateOnly? Date, string? Facility);
