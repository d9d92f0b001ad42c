using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record RegisterVaccinee(
    Guid? ResidentId, string? CertificateNumber, DateOnly? CertificateIssuedOn, string? GuardianName, string? GuardianRelation, string? GuardianPhone,
    HBsAgStatus? MotherHBsAg, int? BirthWeightGrams, bool? Immunodeficient);

/// <summary>Facts the forecaster uses that can change after registration.</summary>
public sealed record UpdateVaccineeFacts(
    string? GuardianName, string? GuardianRelation, string? GuardianPhone, HBsAgStatus? MotherHBsAg, int? BirthWeightGrams, bool? Immunodeficient,
    PpdResult? Ppd, DateOnly? PpdDate, List<DateOnly>? ImmunoglobulinDates);

/// <summary>
/// One dose given at a visit. <see cref="LotId"/> names a lot of this clinic's stock (decremented); a dose given
/// elsewhere (copied from the certificate) has no lot id and may carry the lot number as text.
/// </summary>
public sealed record DoseInput(
    string? Vaccine, int? DoseNumber, DateTime? GivenAt, Guid? LotId, string? LotNumber, string? Manufacturer, DateOnly? Expiry,
    string? Site, string? Route, string? Nurse, string? OverrideReason);

public sealed record RecordVisit(List<DoseInput>? Doses);

public sealed record RecordObservation(DateTime? ObservedUntil, string? Note);

public sealed record RecordContraindication(string? Vaccine, ContraindicationKind? Kind, DateOnly? From, DateOnly? Until, string? Reason);

public sealed record RecordAdverseEvent(Guid? DoseId, DateTime? OnsetAt, string? Symptoms, bool? Serious, string? Outcome, string? Note);

public sealed record RecordContact(DateOnly? On, string? Method, string? Result, string? Note);

public sealed record ChangeVaccineeStatus(VaccineeStatus? Status, DateOnly? Date);

public sealed record DoseDto(
    Guid Id, string Vaccine, string VaccineName, string Series, int DoseNumber, DateTime GivenAt, DateOnly GivenOn, string LotNumber, string Manufacturer,
    DateOnly? Expiry, string Site, string Route, string Nurse, bool Valid, string ValidityReason, bool Timely, string? OverrideReason,
    DateTime? ObservedUntil, string? ObservationNote, Guid OrganizationId);

public sealed record NextDoseDto(int DoseNumber, string Vaccine, string VaccineName, DateOnly Earliest, DateOnly Recommended, DateOnly OverdueFrom, DateOnly? LastDay);

public sealed record SeriesDto(string Series, string Name, string Status, bool Complete, int ValidDoses, NextDoseDto? Next, string Reason);

public sealed record ForecastDto(DateOnly AsOf, string Schedule, IReadOnlyList<SeriesDto> Series, DateOnly? NextDueDate);

public sealed record ContraindicationDto(Guid Id, string Vaccine, string VaccineName, ContraindicationKind Kind, DateOnly From, DateOnly? Until, string Reason, string RecordedBy);

public sealed record AdverseEventDto(Guid Id, Guid? DoseId, DateTime OnsetAt, string Symptoms, bool Serious, string Outcome, string? Note, string RecordedBy);

public sealed record ContactDto(Guid Id, DateOnly On, string Method, string Result, string? Note, string By);

public sealed record VaccineeDto(
    Guid Id, Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string CertificateNumber, DateOnly CertificateIssuedOn,
    string GuardianName, string GuardianRelation, string GuardianPhone, HBsAgStatus MotherHBsAg, int? BirthWeightGrams, bool Immunodeficient,
    PpdResult? Ppd, DateOnly? PpdDate, IReadOnlyList<DateOnly> ImmunoglobulinDates, VaccineeStatus Status, Guid OrganizationId, string OrganizationName,
    DateOnly? NextDueDate, DateOnly? NextOverdueDate, string? NextDueDoses,
    ForecastDto Forecast, IReadOnlyList<DoseDto> Doses, IReadOnlyList<ContraindicationDto> Contraindications,
    IReadOnlyList<AdverseEventDto> AdverseEvents, IReadOnlyList<ContactDto> Contacts);

/// <summary>What recording a visit answers: the saved doses and the new forecast.</summary>
public sealed record VisitResult(IReadOnlyList<DoseDto> Doses, ForecastDto Forecast);

public static class ImmunizationMapping
{
    public static DoseDto ToDto(VaccinationDose d) => new(
        d.Id, d.Vaccine, Vaccines.Find(d.Vaccine)?.Zh ?? d.Vaccine, d.Series, d.DoseNumber, d.GivenAt, d.GivenOn, d.LotNumber, d.Manufacturer, d.Expiry,
        d.Site, d.Route, d.Nurse, d.Valid, d.ValidityReason, d.Timely, d.OverrideReason, d.ObservedUntil, d.ObservationNote, d.OrganizationId);

    public static ForecastDto ToDto(Forecast f) => new(f.AsOf, f.Schedule.Name,
        f.Series.Select(s => new SeriesDto(s.Series.ToString(), Vaccines.SeriesZh(s.Series), Status(s.Status), s.Complete, s.ValidDoses,
            s.Next is { } n ? new NextDoseDto(n.DoseNumber, n.Vaccine, Vaccines.Find(n.Vaccine)!.Zh, n.Earliest, n.Recommended, n.OverdueFrom, n.LastDay) : null,
            s.Reason)).ToList(),
        f.NextDueDate);

    /// <summary>The FHIR forecastStatus codes this project uses.</summary>
    public static string Status(ForecastStatus s) => s switch
    {
        ForecastStatus.Due => "due",
        ForecastStatus.Overdue => "overdue",
        ForecastStatus.NotDue => "not-due",
        ForecastStatus.Complete => "complete",
        ForecastStatus.AgedOut => "aged-out",
        _ => "contraindicated",
    };

    public static string StatusZh(string status) => status switch
    {
        "due" => "到期",
        "overdue" => "逾期",
        "not-due" => "未到期",
        "complete" => "已完成",
        "aged-out" => "超龄不补",
        _ => "禁忌",
    };

    public static ChildFacts Facts(Vaccinee v, IEnumerable<VaccineeContraindication> contraindications) => new(v.BirthDate)
    {
        MotherHBsAg = v.MotherHBsAg,
        BirthWeightGrams = v.BirthWeightGrams,
        Immunodeficient = v.Immunodeficient,
        Ppd = v.Ppd,
        PpdDate = v.PpdDate,
        ImmunoglobulinDates = v.ImmunoglobulinDates,
        Contraindications = contraindications.Select(c => new VaccineContraindication(c.Vaccine, c.From, c.Until,
            (c.Kind == ContraindicationKind.Exemption ? "免种：" : "") + c.Reason)).ToList(),
    };
}
