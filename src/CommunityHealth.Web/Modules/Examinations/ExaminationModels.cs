using CommunityHealth.Data.Examinations;
using CommunityHealth.Domain.Examinations;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>
/// An examination as stored (<see cref="Form"/>, as the doctor filled it) with what its values show: <see cref="Findings"/>
/// (raised BP, glucose, BMI, lab values), <see cref="NextSteps"/> (recheck, follow-up, referral) and the 健康指导 codes they
/// call for (<see cref="ProposedGuidance"/>), judged when read, so an edit never leaves a stale finding behind.
/// </summary>
public sealed record ExaminationDto(
    Guid Id, Guid ResidentId, DateOnly ExamDate, string Doctor, decimal? Bmi, int? SelfCareScore, string? SelfCareBand,
    bool ElderlySection, HealthExam Form, bool Abnormal, IReadOnlyList<string> Findings, IReadOnlyList<string> NextSteps, IReadOnlyList<string> ProposedGuidance);

public sealed record ExaminationSummary(Guid Id, DateOnly ExamDate, string Doctor, int? Systolic, int? Diastolic, decimal? Bmi, decimal? FastingGlucose, bool? Abnormal);

public sealed record EncounterDto(Guid Id, Guid ResidentId, DateOnly Date, string Subjective, string? Objective, string? Assessment, string? Plan, string Doctor);

/// <summary>The module's hand-written mapping: stored examinations and encounters to DTOs.</summary>
public static class ExaminationMapping
{
    public static ExaminationDto ToDto(Examination e, DateOnly birth, ExamAssessment a) => new(
        e.Id, e.ResidentId, e.ExamDate, e.Doctor, e.Bmi, e.SelfCareScore, SelfCare.Band(e.SelfCareScore),
        ExamRules.ShowsElderlySection(birth, e.ExamDate), e.Form, e.Form.Abnormal == true || a.Abnormal,
        a.Findings.Select(ChronicCare.Findings.Render).ToList(), a.NextSteps.Select(ChronicCare.Findings.Render).ToList(),
        a.Guidance.Union(e.Form.Guidance ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    public static EncounterDto ToDto(Encounter e) => new(e.Id, e.ResidentId, e.Date, e.Subjective, e.Objective, e.Assessment, e.Plan, e.Doctor);
}
