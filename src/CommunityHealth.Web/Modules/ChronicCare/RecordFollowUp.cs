using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>
/// A follow-up visit for the resident's programmes (both when <see cref="Hypertension"/> and <see cref="Diabetes"/> are
/// absent and the resident is on both). The shared values are given once; the overrides need <see cref="OverrideReason"/>.
/// </summary>
public sealed record RecordChronicVisit(
    DateOnly? VisitDate, VisitMode? Mode, bool? Hypertension, bool? Diabetes, int? Systolic, int? Diastolic, decimal? FastingGlucose,
    ChronicVisitForm? Form, VisitClass? HypertensionClassOverride = null, VisitClass? DiabetesClassOverride = null, string? OverrideReason = null,
    DateOnly? NextVisitOn = null, string? Doctor = null);

/// <summary>
/// Records a follow-up for one or both programmes: values checked (nothing saved when one is impossible), each
/// programme classified with its reasons, urgent signs detected, the next visit proposed from the chain of earlier
/// visits (<see cref="FollowUpVisit"/>); a visit recorded late re-judges the later ones (<see cref="FollowUpChain"/>).
/// The BP and glucose also go to the measurement history. Read and saved through <see cref="IFollowUpStore"/>.
/// </summary>
public sealed class RecordFollowUp(ScopedDb dbs, TimeProvider clock, IFollowUpStore store)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/patients/{residentId:guid}/visits", async (Guid residentId, RecordChronicVisit cmd, CurrentUser user, RecordFollowUp h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), residentId, cmd, ct)).ToResult(r => TypedResults.Created($"/api/chronic/visits/{r.Id}", r)))
            .WithSummary("Record a follow-up for the resident's programmes; returns the classification, urgent-referral flag with reasons and the proposed next visit")
            .Produces<ChronicVisitDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<ChronicVisitDto>> HandleAsync(StaffContext staff, Guid residentId, RecordChronicVisit cmd, CancellationToken ct = default)
    {
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var resident = await store.ReadSubjectAsync(db, residentId, (cmd.VisitDate ?? today).Year, ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var regs = resident.Registrations;
        var form = cmd.Form ?? new ChronicVisitForm();
        var htn = regs.FirstOrDefault(r => r.Programme == Programme.Hypertension);
        var dm = regs.FirstOrDefault(r => r.Programme == Programme.Diabetes);
        var (forHtn, forDm) = FollowUpVisit.Programmes(cmd.Hypertension, cmd.Diabetes, htn is not null, dm is not null);
        var date = cmd.VisitDate ?? today;
        var measures = new VisitMeasures(cmd.Systolic, cmd.Diastolic, cmd.FastingGlucose, form.HeartRate, form.TemperatureC);
        if (Validate(cmd, resident, htn, dm, forHtn, forDm, date, today, measures, form) is { } invalid) return invalid;

        var rules = ChronicRuleSet.For(date);
        var age = Age.CompletedYears(resident.BirthDate, date);
        var height = form.HeightCm ?? resident.Height;
        var observations = new VisitObservations(form.AdverseReaction, form.NewOrWorseComplication, form.UrgentSigns);
        // the chain: earlier visits' final classes per programme (small: a few a year per patient), read with the subject
        var history = resident.History;
        var outcome = FollowUpVisit.Decide(forHtn, forDm, date, age, measures, observations, FollowUpChain.Of(history), rules,
            cmd.HypertensionClassOverride, cmd.DiabetesClassOverride);
        var (hd, dd) = (outcome.Hypertension, outcome.Diabetes);

        var now = clock.GetUtcNow().UtcDateTime;
        var visit = new ChronicVisit
        {
            Id = Guid.CreateVersion7(), DistrictId = resident.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId, ResidentId = residentId,
            VisitDate = date, Mode = cmd.Mode!.Value, AgeYears = age, ForHypertension = forHtn, ForDiabetes = forDm, Systolic = cmd.Systolic, Diastolic = cmd.Diastolic,
            HeartRate = form.HeartRate, WeightKg = form.WeightKg, Bmi = Bmi.Compute(height, form.WeightKg), TargetBmi = Bmi.Compute(height, form.TargetWeightKg),
            FastingGlucose = cmd.FastingGlucose, HbA1c = form.HbA1c,
            HypertensionComputed = outcome.HypertensionComputed, HypertensionClass = hd?.Class, DiabetesComputed = outcome.DiabetesComputed, DiabetesClass = dd?.Class,
            BpControlled = outcome.BpControlled, GlucoseControlled = outcome.GlucoseControlled,
            Urgent = outcome.Urgent, UrgentReasons = Findings.Store(outcome.UrgentReasons),
            HypertensionReasons = hd is null ? "" : Findings.Store(hd.Reasons), DiabetesReasons = dd is null ? "" : Findings.Store(dd.Reasons),
            ReferralAdvised = outcome.ReferralAdvised, ProposedNextVisit = outcome.ProposedNextVisit, NextVisitOn = cmd.NextVisitOn ?? outcome.ProposedNextVisit,
            OverrideReason = string.IsNullOrWhiteSpace(cmd.OverrideReason) ? null : cmd.OverrideReason.Trim(),
            Doctor = cmd.Doctor?.Trim() is { Length: > 0 } doc ? doc : staff.DisplayName, Form = form with { HeightCm = height },
            CreatedById = staff.UserId, CreatedAt = now, UpdatedAt = now,
        };
        var measurements = new List<Measurement>();
        if (cmd.Systolic is not null)
            measurements.Add(NewMeasurement(visit, MeasurementKind.BloodPressure, cmd.Systolic, cmd.Diastolic, null, staff, now));
        if (cmd.FastingGlucose is not null)
            measurements.Add(NewMeasurement(visit, MeasurementKind.FastingGlucose, null, null, cmd.FastingGlucose, staff, now));

        // the year-to-date rows the indicators read: this visit's year derived again from the visits read above
        var stats = ChronicStats.SyncYear(regs, resident.Stats, residentId, date.Year, history.Where(h => h.VisitDate.Year == date.Year)
            .Select(h => new StatVisit(h.VisitDate, h.CreatedAt, h.Mode, h.ForHypertension, h.ForDiabetes, h.BpControlled, h.GlucoseControlled))
            .Append(new StatVisit(visit.VisitDate, visit.CreatedAt, visit.Mode, visit.ForHypertension, visit.ForDiabetes, visit.BpControlled, visit.GlucoseControlled))
            .ToList(), now);
        // a visit recorded before later ones: the later ones are judged again, and the registrations follow the latest
        List<ChronicVisit>? chain = null;
        List<ChronicVisit> rejudged = [];
        if (history.Any(h => h.VisitDate > date)) (chain, rejudged) = await FollowUpChain.RejudgeLaterAsync(db, residentId, visit, rules, ct);
        var registrations = new[] { forHtn ? htn : null, forDm ? dm : null }.Where(r => r is not null)
            .Select(r => FollowUpChain.UpdateRegistration(r!, visit, chain)).ToList();
        var overridden = outcome.Decisions.Where(x => x.Reasons.Any(r => r.Code == "chronic.reason.overridden")).ToList();
        db.Audit(staff, "ChronicVisit", visit.Id.ToString(), AuditActions.Create,
            $"resident {residentId} {date:yyyy-MM-dd}{(visit.Urgent ? " urgent" : "")}{(overridden.Count > 0 ? $" override {string.Join(',', overridden.Select(o => $"{o.Programme}={o.Class}"))}: {visit.OverrideReason}" : "")}");
        foreach (var reg in registrations) await ChronicWorkItems.SyncAsync(db, reg, WorkItemStatus.Done, today, now, ct); // the next follow-up replaces the one done
        await store.SaveAsync(db, new FollowUpSave(visit, measurements, stats, rejudged, registrations), ct);
        return ChronicMapping.ToDto(visit, null);
    }

    private static Invalid? Validate(RecordChronicVisit cmd, FollowUpSubject resident, ChronicRegistration? htn, ChronicRegistration? dm, bool forHtn, bool forDm,
        DateOnly date, DateOnly today, VisitMeasures measures, ChronicVisitForm form)
    {
        var v = new Validation();
        if (resident.Status != ResidentStatus.Active) v.Add("visitDate", "error.resident.not_active");
        if (forHtn && htn is null) v.Add("hypertension", "error.chronic.not_registered_programme", ChronicMapping.ProgrammeName(Programme.Hypertension));
        if (forDm && dm is null) v.Add("diabetes", "error.chronic.not_registered_programme", ChronicMapping.ProgrammeName(Programme.Diabetes));
        if (!forHtn && !forDm) v.Add("programme", resident.Registrations.Count == 0 ? "error.chronic.not_registered" : "error.required");
        if (date > today) v.Add("visitDate", "error.date_future");
        else if (date < resident.BirthDate) v.Add("visitDate", "error.date_before_birth");
        else if (forHtn && htn is not null && date < htn.DiagnosedOn) v.Add("visitDate", "error.chronic.visit_before_diagnosis", htn.DiagnosedOn.ToString("yyyy-MM-dd"));
        else if (forDm && dm is not null && date < dm.DiagnosedOn) v.Add("visitDate", "error.chronic.visit_before_diagnosis", dm.DiagnosedOn.ToString("yyyy-MM-dd"));
        if (cmd.Mode is null || !Enum.IsDefined(cmd.Mode.Value)) v.Add("mode", "error.required");
        if (cmd.Systolic is null) v.Add("systolic", "error.required");
        if (cmd.Diastolic is null) v.Add("diastolic", "error.required");
        if (forDm && cmd.FastingGlucose is null) v.Add("fastingGlucose", "error.required");
        FollowUpRules.Validate(v, measures);
        VisitFormRules.Validate(v, form, date);
        v.OptionalText("overrideReason", cmd.OverrideReason, 200).OptionalText("doctor", cmd.Doctor, 50);
        if ((cmd.HypertensionClassOverride is not null || cmd.DiabetesClassOverride is not null) && string.IsNullOrWhiteSpace(cmd.OverrideReason))
            v.Add("overrideReason", "error.chronic.override_needs_reason");
        if (cmd.HypertensionClassOverride is { } ho && !Enum.IsDefined(ho)) v.Add("hypertensionClassOverride", "error.code_unknown");
        if (cmd.DiabetesClassOverride is { } dOv && !Enum.IsDefined(dOv)) v.Add("diabetesClassOverride", "error.code_unknown");
        if (cmd.NextVisitOn is { } nv && (nv <= date || nv > date.AddYears(1))) v.Add("nextVisitOn", "error.chronic.next_visit_range");
        return v.ToError();
    }

    private static Measurement NewMeasurement(ChronicVisit visit, MeasurementKind kind, int? sbp, int? dbp, decimal? value, StaffContext staff, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = visit.DistrictId, CenterId = visit.CenterId, OrganizationId = visit.OrganizationId, ResidentId = visit.ResidentId,
        Kind = kind, On = visit.VisitDate, Systolic = sbp, Diastolic = dbp, Value = value, Source = "followup", SourceId = visit.Id, RecordedBy = staff.DisplayName, CreatedAt = now,
    };
}
