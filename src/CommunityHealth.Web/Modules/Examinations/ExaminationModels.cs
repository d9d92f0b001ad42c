using CommunityHealth.Data.Examinations;
using CommunityHealth.Domain.Examinations;

namespace CommunityHealth.Web.Modules.Examinations;

public sealed record ExaminationDto(
    Guid Id, Guid ResidentId, DateOnly ExamDate, string Doctor, decimal? Bmi, int? SelfCareScore, string? SelfCareBand,
    bool ElderlySection, HealthExam Form);

public sealed record ExaminationSummary(Guid Id, DateOnly ExamDate, string Doctor, int? Systolic, int? Diastolic, decimal? Bmi, decimal? FastingGlucose, bool? Abnormal);

public sealed record EncounterDto(Guid Id, Guid ResidentId, DateOnly Date, string Subjective, string? Objective, string? Assessment, string? Plan, string Doctor);

/// <summary>The module's hand-written mapping: stored examinations and encounters to DTOs.</summary>
public static class ExaminationMapping
{
    public static ExaminationDto ToDto(Examination e, DateOnly birth) => new(
        e.Id, e.ResidentId, e.ExamDate, e.Doctor, e.Bmi, e.SelfCareScore, SelfCare.Band(e.SelfCareScore),
        ExamRules.ShowsElderlySection(birth, e.ExamDate), e.Form);

    public static EncounterDto ToDto(Encounter e) => new(e.Id, e.ResidentId, e.Date, e.Subjective, e.Objective, e.Assessment, e.Plan, e.Doctor);
}
