using CommunityHealth.Domain.ChronicCare;

namespace CommunityHealth.Data.ChronicCare;


/// <summary>
/// 专案: a resident registered on the hypertension or the diabetes programme (one row per programme; a resident can
/// be on both). The latest visit's outcome and the next visit date are stored here and kept current on every
/// visit, so work lists are index ranges; deregistration keeps the row and its history.
/// </summary>
public sealed class ChronicRegistration : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? TeamId { get; set; }
    public Guid ResidentId { get; set; }
    public Programme Programme { get; set; }
    public DateOnly BirthDate { get; set; }
    public DateOnly DiagnosedOn { get; set; }
    public string DiagnosedAt { get; set; } = "";
    public string Source { get; set; } = "";
    public Guid? DoctorId { get; set; }
    public string DoctorName { get; set; } = "";
    public DateOnly RegisteredOn { get; set; }
    public RegistrationStatus Status { get; set; } = RegistrationStatus.Active;
    public DateOnly? DeregisteredOn { get; set; }
    public string? DeregisterReason { get; set; }
    public string? DeregisterNote { get; set; }
    public DateOnly? LastVisitOn { get; set; }
    public VisitClass? LastClass { get; set; }
    /// <summary>Whether the values of the last visit met the target (null before the first visit or without the value).</summary>
    public bool? LastControlled { get; set; }
    /// <summary>The next follow-up date: proposed by the rules at the last visit (or 2 weeks after registration).</summary>
    public DateOnly? NextVisitOn { get; set; }
    public int ConsecutiveUnsatisfactory { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// One follow-up visit (随访) for one or both programmes. The values the rules, work lists and indicators read are
/// columns; the rest of the form is JSON. The computed classification is kept beside the final one (a clinician may
/// override it with a reason).
/// </summary>
public sealed class ChronicVisit : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResidentId { get; set; }
    public DateOnly VisitDate { get; set; }
    public VisitMode Mode { get; set; }
    public int AgeYears { get; set; }
    public bool ForHypertension { get; set; }
    public bool ForDiabetes { get; set; }
    public int? Systolic { get; set; }
    public int? Diastolic { get; set; }
    public int? HeartRate { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? Bmi { get; set; }
    public decimal? TargetBmi { get; set; }
    public decimal? FastingGlucose { get; set; }
    public decimal? HbA1c { get; set; }
    public VisitClass? HypertensionComputed { get; set; }
    public VisitClass? HypertensionClass { get; set; }
    public VisitClass? DiabetesComputed { get; set; }
    public VisitClass? DiabetesClass { get; set; }
    public bool? BpControlled { get; set; }
    public bool? GlucoseControlled { get; set; }
    public bool Urgent { get; set; }
    /// <summary>The urgent-referral reasons as finding codes, e.g. "chronic.urgent.systolic(185,180)".</summary>
    public string UrgentReasons { get; set; } = "";
    /// <summary>Each programme's decision reasons as finding codes (class, chain, next visit), shown with the visit.</summary>
    public string HypertensionReasons { get; set; } = "";
    public string DiabetesReasons { get; set; } = "";
    public bool ReferralAdvised { get; set; }
    public DateOnly? ProposedNextVisit { get; set; }
    public DateOnly? NextVisitOn { get; set; }
    public string? OverrideReason { get; set; }
    public string Doctor { get; set; } = "";
    public ChronicVisitForm Form { get; set; } = new();
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A patient's programme year to the end of a month (one row per month with a visit), kept current by every visit, so
/// the district's indicators for a year, the year so far or a month-end trend read one row per patient instead of the
/// year's visits. Derived data: rebuilt from the visits whenever they move (a merge).
/// </summary>
public sealed class ChronicMonthStat : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResidentId { get; set; }
    public Programme Programme { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    /// <summary>Visits in the year up to the end of the month.</summary>
    public int Visits { get; set; }
    public int FaceToFace { get; set; }
    public DateOnly LastVisitOn { get; set; }
    public bool? LastControlled { get; set; }
    /// <summary>
    /// The month of the patient's next row in the year (13 when this is the year's latest): at a month end M the row with
    /// Month ≤ M &lt; NextMonth is the one that holds, so a period from 1 January to any month end reads one row per patient.
    /// </summary>
    public int NextMonth { get; set; }
    /// <summary>The programme registration's dates, copied so the yearly indicators count their numerators without a join.</summary>
    public DateOnly RegisteredOn { get; set; }
    public DateOnly? DeregisteredOn { get; set; }
    public DateTime UpdatedAt { get; set; }
}


/// <summary>
/// 转诊单 (上转): who, why, where to, how urgent; the follow-up within 2 weeks and the result (到位/不到位). The two-way
/// referral module later adds receipt and back-referral on the same row.
/// </summary>
public sealed class Referral : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid? VisitId { get; set; }
    public bool Urgent { get; set; }
    public string Reason { get; set; } = "";
    public string ToFacility { get; set; } = "";
    public string? ToDepartment { get; set; }
    public string? Note { get; set; }
    public DateTime IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
    public Guid? IssuedById { get; set; }
    public DateOnly FollowUpBy { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Issued;
    public DateOnly? ResultOn { get; set; }
    public string? ResultNote { get; set; }
}


/// <summary>
/// Every blood pressure and fasting glucose taken, whatever recorded it (screening, a follow-up, a health exam), so
/// screening status, trends and FHIR Observations read one indexed table.
/// </summary>
public sealed class Measurement : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResidentId { get; set; }
    public MeasurementKind Kind { get; set; }
    public DateOnly On { get; set; }
    public int? Systolic { get; set; }
    public int? Diastolic { get; set; }
    public decimal? Value { get; set; }
    /// <summary>"screening", "followup" or "exam".</summary>
    public string Source { get; set; } = "";
    public Guid? SourceId { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
