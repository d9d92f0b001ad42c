using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record DoseDto(
    Guid Id, string Vaccine, string VaccineName, string Series, int DoseNumber, DateTime GivenAt, DateOnly GivenOn, string LotNumber, string Manufacturer,
    DateOnly? Expiry, string Site, string Route, string Nurse, bool Valid, string ValidityReason, bool Timely, string? OverrideReason,
    DateTime? ObservedUntil, string? ObservationNote, Guid OrganizationId);

public sealed record NextDoseDto(int DoseNumber, string Vaccine, string VaccineName, DateOnly Earliest, DateOnly Recommended, DateOnly OverdueFrom, DateOnly? LastDay);

public sealed record SeriesDto(string Series, string Name, string Status, bool Complete, int ValidDoses, NextDoseDto? Next, string Reason);

public sealed record ForecastDto(DateOnly AsOf, string Schedule, IReadOnlyList<SeriesDto> Series, DateOnly? NextDueDate);

public sealed record ContraindicationDto(Guid Id, string Vaccine, string VaccineName, ContraindicationKind Kind, DateOnly From, DateOnly? Until, string Reason, string RecordedBy);

public sealed record AdverseEventDto(Guid Id, Guid? DoseId, DateTime OnsetAt, string Symptoms, bool Serious, string Outcome, string? Note, string RecordedBy,
    DateOnly? ReportedOn = null, DateTime? VisitedAt = null, IReadOnlyList<string>? Reactions = null, string? Diagnosis = null, bool? Hospitalized = null,
    string? Classification = null, string? OutcomeCode = null, string? Reporter = null);

public sealed record ContactDto(Guid Id, DateOnly On, string Method, string Result, string? Note, string By);

public sealed record VaccineeDto(
    Guid Id, Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string CertificateNumber, DateOnly CertificateIssuedOn,
    string GuardianName, string GuardianRelation, string GuardianPhone, HBsAgStatus MotherHBsAg, int? BirthWeightGrams, bool Immunodeficient,
    PpdResult? Ppd, DateOnly? PpdDate, IReadOnlyList<DateOnly> ImmunoglobulinDates, VaccineeStatus Status, Guid OrganizationId, string OrganizationName,
    DateOnly? NextDueDate, DateOnly? NextOverdueDate, string? NextDueDoses,
    ForecastDto Forecast, IReadOnlyList<DoseDto> Doses, IReadOnlyList<ContraindicationDto> Contraindications,
    IReadOnlyList<AdverseEventDto> AdverseEvents, IReadOnlyList<ContactDto> Contacts);

public sealed record LotDto(Guid Id, Guid OrganizationId, string Vaccine, string VaccineName, string Manufacturer, string LotNumber, DateOnly Expiry,
    int DosesOnHand, bool Expired, bool ExpiresSoon);

/// <summary>A refrigerator with its last reading, its open alerts and today's readings (twice daily is the rule).</summary>
public sealed record RefrigeratorDto(Guid Id, Guid OrganizationId, string Name, string? Location, DateTime? LastReadAt, decimal? LastCelsius, int PendingAlerts, int ReadingsToday = 0);

public sealed record ReadingDto(Guid Id, Guid RefrigeratorId, string RefrigeratorName, DateTime ReadAt, decimal Celsius, bool OutOfRange, string? Action, string? ActionBy, DateTime? ActionAt, string By);

/// <summary>The module's hand-written mapping between stored rows, domain results and the API's DTOs.</summary>
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

    public static AdverseEventDto ToDto(AdverseEvent a) => new(a.Id, a.DoseId, a.OnsetAt, a.Symptoms, a.Serious, a.Outcome, a.Note, a.RecordedBy,
        a.ReportedOn, a.VisitedAt, a.Reactions, a.Diagnosis, a.Hospitalized, a.Classification, a.OutcomeCode, a.Reporter);

    public static ContactDto ToDto(ContactAttempt c) => new(c.Id, c.On, c.Method, c.Result, c.Note, c.By);

    public static ContraindicationDto ToDto(VaccineeContraindication c) =>
        new(c.Id, c.Vaccine, Vaccines.Find(c.Vaccine)?.Zh ?? c.Vaccine, c.Kind, c.From, c.Until, c.Reason, c.RecordedBy);

    public static LotDto ToDto(VaccineLot l, DateOnly today) => new(l.Id, l.OrganizationId, l.Vaccine, Vaccines.Find(l.Vaccine)?.Zh ?? l.Vaccine, l.Manufacturer,
        l.LotNumber, l.Expiry, l.DosesOnHand, VaccineLotRules.Expired(l.Expiry, today), VaccineLotRules.ExpiresSoon(l.Expiry, today));

    public static ReadingDto ToDto(TemperatureReading t, string refrigeratorName) =>
        new(t.Id, t.RefrigeratorId, refrigeratorName, t.ReadAt, t.Celsius, t.OutOfRange, t.Action, t.ActionBy, t.ActionAt, t.By);

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

    public static GivenDose Given(VaccinationDose d) => new(d.Vaccine, d.GivenOn, d.Id);

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
