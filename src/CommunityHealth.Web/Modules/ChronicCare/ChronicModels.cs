using CommunityHealth.Domain.ChronicCare;

namespace CommunityHealth.Web.Modules.ChronicCare;

public sealed record RegistrationDto(
    Guid Id, Guid ResidentId, Programme Programme, string ProgrammeName, DateOnly DiagnosedOn, string DiagnosedAt, string Source, Guid? DoctorId,
    string DoctorName, Guid? TeamId, Guid OrganizationId, DateOnly RegisteredOn, RegistrationStatus Status, DateOnly? DeregisteredOn,
    string? DeregisterReason, string? DeregisterNote, DateOnly? LastVisitOn, VisitClass? LastClass, bool? LastControlled, DateOnly? NextVisitOn,
    int ConsecutiveUnsatisfactory, int FaceToFaceThisYear, DateOnly? LastExamOn);

/// <summary>The computed outcome for one programme at a visit, every decision explained in words.</summary>
public sealed record VisitOutcomeDto(
    Programme Programme, VisitClass Class, string ClassName, VisitClass Computed, bool Overridden, bool? Controlled, bool Urgent,
    IReadOnlyList<string> UrgentReasons, bool ReferralAdvised, DateOnly ProposedNextVisit, IReadOnlyList<string> Reasons);

public sealed record ChronicVisitDto(
    Guid Id, Guid ResidentId, DateOnly VisitDate, VisitMode Mode, int AgeYears, int? Systolic, int? Diastolic, int? HeartRate, decimal? WeightKg,
    decimal? Bmi, decimal? TargetBmi, decimal? FastingGlucose, decimal? HbA1c, bool Urgent, IReadOnlyList<string> UrgentReasons, bool ReferralAdvised,
    DateOnly? ProposedNextVisit, DateOnly? NextVisitOn, string? OverrideReason, string Doctor, IReadOnlyList<VisitOutcomeDto> Outcomes,
    ChronicVisitForm Form, Guid? ReferralId);

public sealed record ReferralDto(
    Guid Id, Guid ResidentId, Guid? VisitId, bool Urgent, string Reason, string ToFacility, string? ToDepartment, string? Note, DateTime IssuedAt,
    string IssuedBy, DateOnly FollowUpBy, ReferralStatus Status, DateOnly? ResultOn, string? ResultNote);

public sealed record MeasurementDto(Guid Id, MeasurementKind Kind, DateOnly On, int? Systolic, int? Diastolic, decimal? Value, string Source);

/// <summary>Screening and risk as the profile shows it.</summary>
public sealed record ScreeningDto(
    int AgeYears, bool Eligible, BpScreeningState BpState, IReadOnlyList<string> BpReasons, DateOnly? LastBpOn, DateOnly? NextBpBy,
    IReadOnlyList<string> HighRiskFactors, int? Cdrs, bool NeedsOgtt, DateOnly? LastGlucoseOn, IReadOnlyList<Programme> KnownNotRegistered);

/// <summary>The resident's chronic-care page: registrations, visits (newest first), referrals, trends, screening.</summary>
public sealed record ChronicPatientDto(
    Guid ResidentId, string Name, string Sex, DateOnly BirthDate, IReadOnlyList<RegistrationDto> Registrations, IReadOnlyList<ChronicVisitDto> Visits,
    IReadOnlyList<ReferralDto> Referrals, IReadOnlyList<MeasurementDto> Measurements, ScreeningDto Screening);
