using System.Globalization;
using CommunityHealth.Data;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Domain.ChronicCare;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>The module's hand-written mapping: stored rows to DTOs, programme and class names in the UI language.</summary>
public static class ChronicMapping
{
    public static string ProgrammeName(Programme p) => Text.Get(p == Programme.Hypertension ? "chronic.programme.hypertension" : "chronic.programme.diabetes");

    public static string ClassName(VisitClass c) => Text.Get($"chronic.class.{(int)c}");

    /// <summary>A visit with each programme's outcome explained (urgent signs judged again by the rules of the visit's date).</summary>
    public static ChronicVisitDto ToDto(ChronicVisit x, Guid? referralId)
    {
        var rules = ChronicRuleSet.For(x.VisitDate);
        var measures = new VisitMeasures(x.Systolic, x.Diastolic, x.FastingGlucose, x.HeartRate, x.Form.TemperatureC);
        var observations = new VisitObservations(x.Form.AdverseReaction, x.Form.NewOrWorseComplication, x.Form.UrgentSigns);
        var outcomes = new List<VisitOutcomeDto>();
        void Add(Programme p, VisitClass? cls, VisitClass? computed, string stored)
        {
            if (cls is null || computed is null) return;
            var urgent = FollowUpRules.UrgentReasons(p, measures, observations, rules);
            var reasons = Findings.Parse(stored);
            outcomes.Add(new VisitOutcomeDto(p, cls.Value, ClassName(cls.Value), computed.Value, cls != computed,
                p == Programme.Hypertension ? x.BpControlled : x.GlucoseControlled, urgent.Count > 0, urgent.Select(Findings.Render).ToList(),
                FollowUpVisit.AdvisesReferral(reasons), x.ProposedNextVisit ?? x.VisitDate, reasons.Select(Findings.Render).ToList()));
        }
        Add(Programme.Hypertension, x.HypertensionClass, x.HypertensionComputed, x.HypertensionReasons);
        Add(Programme.Diabetes, x.DiabetesClass, x.DiabetesComputed, x.DiabetesReasons);
        return new ChronicVisitDto(x.Id, x.ResidentId, x.VisitDate, x.Mode, x.AgeYears, x.Systolic, x.Diastolic, x.HeartRate, x.WeightKg, x.Bmi, x.TargetBmi,
            x.FastingGlucose, x.HbA1c, x.Urgent, Findings.Parse(x.UrgentReasons).Select(Findings.Render).ToList(), x.ReferralAdvised, x.ProposedNextVisit,
            x.NextVisitOn, x.OverrideReason, x.Doctor, outcomes, x.Form, referralId);
    }

    public static ReferralDto ToDto(Referral r) => new(r.Id, r.ResidentId, r.VisitId, r.Urgent, r.Reason, r.ToFacility, r.ToDepartment, r.Note, r.IssuedAt,
        r.IssuedBy, r.FollowUpBy, r.Status, r.ResultOn, r.ResultNote);

    public static MeasurementDto ToDto(Measurement m) => new(m.Id, m.Kind, m.On, m.Systolic, m.Diastolic, m.Value, m.Source);

    /// <summary>The resident's registrations (every programme, the newest first), each with this year's face-to-face visits and the last exam.</summary>
    public static async Task<IReadOnlyList<RegistrationDto>> RegistrationsAsync(HealthDbContext db, Guid residentId, DateOnly today, CancellationToken ct)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        var regs = await db.ChronicRegistrations.AsNoTracking().Where(r => r.ResidentId == residentId).OrderBy(r => r.Programme).ThenByDescending(r => r.RegisteredOn).ToListAsync(ct);
        var visits = await db.ChronicVisits.AsNoTracking().Where(v => v.ResidentId == residentId && v.VisitDate >= yearStart && v.Mode != VisitMode.Phone)
            .Select(v => new { v.ForHypertension, v.ForDiabetes }).ToListAsync(ct);
        var lastExam = await db.Examinations.AsNoTracking().Where(e => e.ResidentId == residentId).MaxAsync(e => (DateOnly?)e.ExamDate, ct);
        return regs.Select(r => new RegistrationDto(r.Id, r.ResidentId, r.Programme, ProgrammeName(r.Programme), r.DiagnosedOn, r.DiagnosedAt, r.Source, r.DoctorId,
            r.DoctorName, r.TeamId, r.OrganizationId, r.RegisteredOn, r.Status, r.DeregisteredOn, r.DeregisterReason, r.DeregisterNote, r.LastVisitOn, r.LastClass,
            r.LastControlled, r.NextVisitOn, r.ConsecutiveUnsatisfactory,
            visits.Count(v => r.Programme == Programme.Hypertension ? v.ForHypertension : v.ForDiabetes), lastExam)).ToList();
    }
}

/// <summary>Findings stored compactly ("code|arg|arg;code…") and rendered in the UI language.</summary>
public static class Findings
{
    public static string Store(IEnumerable<Finding> findings) =>
        string.Join(';', findings.Select(f => string.Join('|', new[] { f.Code }.Concat(f.Args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)!)))));

    public static IReadOnlyList<Finding> Parse(string? stored) => string.IsNullOrEmpty(stored) ? [] :
        stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('|')).Select(p => new Finding(p[0], p.Skip(1).Cast<object>().ToArray())).ToList();

    public static string Render(Finding f)
    {
        object[] args = f.Code switch
        {
            "chronic.urgent.sign" => [ChronicCodes.UrgentSign.Find(Convert.ToString(f.Args[0], CultureInfo.InvariantCulture)) is { } e ? (Text.IsEnglish ? e.En : e.Zh) : f.Args[0]],
            "chronic.reason.overridden" => [ChronicMapping.ClassName((VisitClass)Convert.ToInt32(f.Args[0], CultureInfo.InvariantCulture))],
            _ => f.Args,
        };
        return Text.Get(f.Code, args);
    }
}
