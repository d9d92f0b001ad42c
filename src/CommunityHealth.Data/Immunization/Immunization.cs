using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Data.Immunization;


/// <summary>
/// A child registered at a vaccination clinic (接种门诊) with a vaccination certificate (预防接种证), linked to the
/// resident record (migrant children have one too). The clinic is the owning organisation. The forecast's
/// earliest next due date is stored here and kept current on every change, so work lists are an index range.
/// </summary>
public sealed class Vaccinee : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? TeamId { get; set; }
    public Guid ResidentId { get; set; }
    public string CertificateNumber { get; set; } = "";
    public DateOnly CertificateIssuedOn { get; set; }
    public DateOnly BirthDate { get; set; }
    public string GuardianName { get; set; } = "";
    public string GuardianRelation { get; set; } = "";
    public string GuardianPhone { get; set; } = "";
    public HBsAgStatus MotherHBsAg { get; set; }
    public int? BirthWeightGrams { get; set; }
    public bool Immunodeficient { get; set; }
    public PpdResult? Ppd { get; set; }
    public DateOnly? PpdDate { get; set; }
    /// <summary>Days immunoglobulin (e.g. HBIG) was given: live vaccines wait 3 months, JE-I 1 month.</summary>
    public List<DateOnly> ImmunoglobulinDates { get; set; } = [];
    public VaccineeStatus Status { get; set; }
    public DateOnly? StatusDate { get; set; }
    /// <summary>Earliest recommended date of any open series (null when nothing more is due).</summary>
    public DateOnly? NextDueDate { get; set; }
    /// <summary>From this day the earliest open dose is overdue.</summary>
    public DateOnly? NextOverdueDate { get; set; }
    /// <summary>The doses due at <see cref="NextDueDate"/>, e.g. "MMR-1,JE-L-1".</summary>
    public string? NextDueDoses { get; set; }
    public DateOnly? LastContactOn { get; set; }
    /// <summary>
    /// The first day the forecast can change with time alone (an open dose reaching its last age, e.g. MPSV-A at
    /// 24 months): the daily job re-evaluates only children whose review day has come.
    /// </summary>
    public DateOnly? ReviewOn { get; set; }
    /// <summary>Set once a contraindication or exemption is recorded: most children have none, and then none is read.</summary>
    public bool HasContraindications { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A dose given (接种记录): what, when, which lot, where on the body, by whom, and whether it counts.</summary>
public sealed class VaccinationDose : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid VaccineeId { get; set; }
    public Guid ResidentId { get; set; }
    /// <summary>The child's birth date (kept in step with the record), so coverage reads one birth cohort's doses as an index range.</summary>
    public DateOnly BirthDate { get; set; }
    public string Vaccine { get; set; } = "";
    /// <summary>The NIP series (Polio for IPV and bOPV …), so coverage queries filter one column.</summary>
    public string Series { get; set; } = "";
    public int DoseNumber { get; set; }
    public DateTime GivenAt { get; set; }
    public DateOnly GivenOn { get; set; }
    public Guid? LotId { get; set; }
    public string LotNumber { get; set; } = "";
    public string Manufacturer { get; set; } = "";
    public DateOnly? Expiry { get; set; }
    public string Site { get; set; } = "";
    public string Route { get; set; } = "";
    public string Nurse { get; set; } = "";
    /// <summary>Whether the forecaster counts the dose, and why (recomputed whenever the child's history changes).</summary>
    public bool Valid { get; set; }
    public string ValidityReason { get; set; } = "";
    /// <summary>The nurse's reason for giving a dose the system warned would not count.</summary>
    public string? OverrideReason { get; set; }
    public bool Timely { get; set; }
    public DateTime? ObservedUntil { get; set; }
    public string? ObservationNote { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}


/// <summary>A contraindication (禁忌) or exemption (免种) for one vaccine, from a date until a date (open = permanent).</summary>
public sealed class VaccineeContraindication : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid VaccineeId { get; set; }
    public string Vaccine { get; set; } = "";
    public ContraindicationKind Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }
    public string Reason { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// 疑似预防接种异常反应 (AEFI): onset, symptoms, outcome, linked to the dose when known; and the coded items of the
/// case-report card (报告日期, 就诊时间, 主要临床经过, 临床诊断, 是否住院, 病例分类, 转归, 报告人; codes of AefiCard).
/// </summary>
public sealed class AdverseEvent : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid VaccineeId { get; set; }
    public Guid? DoseId { get; set; }
    public DateTime OnsetAt { get; set; }
    public string Symptoms { get; set; } = "";
    public bool Serious { get; set; }
    public string Outcome { get; set; } = "";
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateOnly? ReportedOn { get; set; }
    /// <summary>就诊时间 (UTC), when the child was seen for the reaction.</summary>
    public DateTime? VisitedAt { get; set; }
    public List<string> Reactions { get; set; } = [];
    public string? Diagnosis { get; set; }
    public bool? Hospitalized { get; set; }
    public string? Classification { get; set; }
    public string? OutcomeCode { get; set; }
    public string? Reporter { get; set; }
}

/// <summary>A call or message to the guardian about due doses (work-list follow-up).</summary>
public sealed class ContactAttempt : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid VaccineeId { get; set; }
    public DateOnly On { get; set; }
    public string Method { get; set; } = "";
    public string Result { get; set; } = "";
    public string? Note { get; set; }
    public string By { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A vaccine lot held by a clinic: doses on hand change only through <see cref="StockMovement"/> rows.</summary>
public sealed class VaccineLot : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public string Vaccine { get; set; } = "";
    public string Manufacturer { get; set; } = "";
    public string LotNumber { get; set; } = "";
    public DateOnly Expiry { get; set; }
    public int DosesOnHand { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}


public sealed class StockMovement : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid LotId { get; set; }
    public StockMovementKind Kind { get; set; }
    public int Quantity { get; set; }
    public int BalanceAfter { get; set; }
    public string? Reason { get; set; }
    public Guid? DoseId { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A vaccine refrigerator (冷链设备) of a clinic.</summary>
public sealed class Refrigerator : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string? Location { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

/// <summary>A temperature reading (twice daily); out of 2–8 °C it stays listed until an action is recorded.</summary>
public sealed class TemperatureReading : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid RefrigeratorId { get; set; }
    public DateTime ReadAt { get; set; }
    public decimal Celsius { get; set; }
    public bool OutOfRange { get; set; }
    public string? Action { get; set; }
    public string? ActionBy { get; set; }
    public DateTime? ActionAt { get; set; }
    public string By { get; set; } = "";
}


/// <summary>
/// The reminder outbox: one message per resident, programme, source and due date (<see cref="DedupKey"/> is unique, so a
/// message is never generated or sent twice); senders pick pending rows, retrying with back-off. Every programme's
/// reminders come from its work items; a vaccination reminder also names the child's record.
/// </summary>
public sealed class ReminderMessage : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? VaccineeId { get; set; }
    public Guid? ResidentId { get; set; }
    /// <summary>The work list's programme key (immunization, hypertension …).</summary>
    public string Programme { get; set; } = "";
    public string DedupKey { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string Text { get; set; } = "";
    public ReminderStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? Sender { get; set; }
    public DateTime CreatedAt { get; set; }
}
