using CommunityHealth.Domain.Staff;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Modules.Residents;
using CommunityHealth.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>
/// 高血压/2型糖尿病患者健康管理: registration (专案), follow-up visits with the automatic classification, urgent-referral
/// detection and next-visit proposal, referrals, screening readings and the resident's chronic-care view.
/// Every visit keeps the registration's last outcome and next visit date current for the work lists.
/// </summary>
public sealed class ChronicClinic(ScopedDb dbs, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    // ---------------------------------------------------------------- registration

    public async Task<Outcome<RegistrationDto>> RegisterAsync(StaffContext staff, RegisterChronic cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        await using var db = dbs.For(staff);
        var resident = cmd.ResidentId is { } rid ? await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (cmd.ResidentId is not null && resident is null) return new NotFound("Resident", cmd.ResidentId.ToString()!);
        var rules = ChronicRuleSet.For(Today);
        var v = new Validation();
        if (resident is null) v.Add("residentId", "error.required");
        else if (resident.Status != ResidentStatus.Active) v.Add("residentId", "error.resident.not_active");
        else if (Age.CompletedYears(resident.BirthDate, Today) < rules.ScreeningAge) v.Add("residentId", "error.chronic.too_young", rules.ScreeningAge);
        if (cmd.Programme is null || !Enum.IsDefined(cmd.Programme.Value)) v.Add("programme", "error.required");
        var registeredOn = cmd.RegisteredOn ?? Today;
        if (cmd.DiagnosedOn is not { } diagnosed) v.Add("diagnosedOn", "error.required");
        else if (diagnosed > Today) v.Add("diagnosedOn", "error.date_future");
        else if (resident is not null && diagnosed < resident.BirthDate) v.Add("diagnosedOn", "error.date_before_birth");
        if (registeredOn > Today) v.Add("registeredOn", "error.date_future");
        else if (cmd.DiagnosedOn is { } d2 && registeredOn < d2) v.Add("registeredOn", "error.chronic.registered_before_diagnosis");
        v.OptionalText("diagnosedAt", cmd.DiagnosedAt, 100).OptionalText("doctorName", cmd.DoctorName, 50);
        if (!ChronicCodes.Source.IsValid(cmd.Source, registeredOn)) v.Add("source", string.IsNullOrWhiteSpace(cmd.Source) ? "error.required" : "error.code_unknown");
        var team = cmd.TeamId ?? resident?.TeamId;
        if (cmd.TeamId is { } tid && !await db.Teams.AnyAsync(t => t.Id == tid, ct)) v.Add("teamId", "error.code_unknown");
        string? doctorName = cmd.DoctorName?.Trim();
        if (cmd.DoctorId is { } did)
        {
            doctorName = await db.Users.Where(u => u.Id == did).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (doctorName is null) v.Add("doctorId", "error.code_unknown");
        }
        if (v.ToError() is { } invalid) return invalid;
        var programme = cmd.Programme!.Value;
        if (await db.ChronicRegistrations.AnyAsync(r => r.ResidentId == resident!.Id && r.Programme == programme && r.Status == RegistrationStatus.Active, ct))
            return new Conflict("programme", "error.chronic.already_registered");

        var now = clock.GetUtcNow().UtcDateTime;
        var reg = new ChronicRegistration
        {
            Id = Guid.CreateVersion7(), DistrictId = resident!.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId, TeamId = team,
            ResidentId = resident.Id, Programme = programme, BirthDate = resident.BirthDate, DiagnosedOn = cmd.DiagnosedOn!.Value,
            DiagnosedAt = cmd.DiagnosedAt?.Trim() ?? "", Source = cmd.Source!, DoctorId = cmd.DoctorId ?? (staff.Roles.Contains(Domain.Staff.StaffRole.FamilyDoctor) ? staff.UserId : null),
            DoctorName = doctorName is { Length: > 0 } ? doctorName : staff.Roles.Contains(Domain.Staff.StaffRole.FamilyDoctor) ? staff.DisplayName : "",
            RegisteredOn = registeredOn,
            // a newly registered patient is followed up within 2 weeks (the first visit often happens the same day)
            NextVisitOn = registeredOn.AddDays(rules.RecheckDays), CreatedById = staff.UserId, CreatedAt = now, UpdatedAt = now,
        };
        db.ChronicRegistrations.Add(reg);
        db.ResidentChanges.Add(ResidentMapping.Change(resident, staff, now, "chronic." + programme, null, Text.Get("chronic.registered", ProgrammeName(programme))));
        await using (var tx = await db.BeginWriteAsync(ct))
        {
            await ChronicStats.CopyRegistrationAsync(db, reg, ct); // a re-registration: earlier visits' rows now belong to it
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        audit.Record(staff, "ChronicRegistration", reg.Id.ToString(), AuditActions.Create, $"{programme} resident {resident.Id}");
        return (await RegistrationsAsync(db, resident.Id, ct)).First(r => r.Id == reg.Id);
    }

    public async Task<Outcome<RegistrationDto>> DeregisterAsync(StaffContext staff, Guid registrationId, DeregisterChronic cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var reg = await db.ChronicRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (reg is null) return new NotFound("ChronicRegistration", registrationId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var on = cmd.On ?? Today;
        var v = new Validation().OptionalText("note", cmd.Note, 200);
        if (reg.Status != RegistrationStatus.Active) v.Add("reason", "error.chronic.not_registered");
        if (!ChronicCodes.DeregisterReason.IsValid(cmd.Reason, on)) v.Add("reason", string.IsNullOrWhiteSpace(cmd.Reason) ? "error.required" : "error.code_unknown");
        if (on > Today) v.Add("on", "error.date_future");
        else if (on < reg.RegisteredOn) v.Add("on", "error.chronic.before_registration");
        if (v.ToError() is { } invalid) return invalid;
        (reg.Status, reg.DeregisteredOn, reg.DeregisterReason, reg.DeregisterNote, reg.NextVisitOn) =
            (RegistrationStatus.Deregistered, on, cmd.Reason, string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim(), null);
        var now = clock.GetUtcNow().UtcDateTime;
        reg.UpdatedAt = now;
        var resident = await db.Residents.AsNoTracking().FirstAsync(r => r.Id == reg.ResidentId, ct);
        db.ResidentChanges.Add(ResidentMapping.Change(resident, staff, now, "chronic." + reg.Programme, Text.Get("chronic.registered", ProgrammeName(reg.Programme)),
            Text.Get("chronic.deregistered", ChronicCodes.DeregisterReason.Find(cmd.Reason)?.Zh ?? "", on.ToString("yyyy-MM-dd"))));
        await using (var tx = await db.BeginWriteAsync(ct))
        {
            await ChronicStats.CopyRegistrationAsync(db, reg, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        audit.Record(staff, "ChronicRegistration", reg.Id.ToString(), AuditActions.Update, $"deregistered {cmd.Reason}");
        return (await RegistrationsAsync(db, reg.ResidentId, ct)).First(r => r.Id == reg.Id);
    }

    // ---------------------------------------------------------------- visits

    /// <summary>
    /// Records a follow-up for one or both programmes: values checked (nothing saved when one is impossible), each
    /// programme classified with its reasons, urgent signs detected, the next visit proposed from the chain of earlier
    /// visits; a visit recorded late re-judges the later ones. The BP and glucose also go to the measurement history.
    /// </summary>
    public async Task<Outcome<ChronicVisitDto>> RecordVisitAsync(StaffContext staff, Guid residentId, RecordChronicVisit cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var resident = await VisitSubjectAsync(db, residentId, (cmd.VisitDate ?? Today).Year, ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var regs = resident.Registrations;
        var form = cmd.Form ?? new ChronicVisitForm();
        var v = new Validation();
        if (resident.Status != ResidentStatus.Active) v.Add("visitDate", "error.resident.not_active");
        var htn = regs.FirstOrDefault(r => r.Programme == Programme.Hypertension);
        var dm = regs.FirstOrDefault(r => r.Programme == Programme.Diabetes);
        var forHtn = cmd.Hypertension ?? (cmd.Diabetes is null && htn is not null);
        var forDm = cmd.Diabetes ?? (cmd.Hypertension is null && dm is not null);
        if (forHtn && htn is null) v.Add("hypertension", "error.chronic.not_registered_programme", ProgrammeName(Programme.Hypertension));
        if (forDm && dm is null) v.Add("diabetes", "error.chronic.not_registered_programme", ProgrammeName(Programme.Diabetes));
        if (!forHtn && !forDm) v.Add("programme", regs.Count == 0 ? "error.chronic.not_registered" : "error.required");
        var date = cmd.VisitDate ?? Today;
        if (date > Today) v.Add("visitDate", "error.date_future");
        else if (date < resident.BirthDate) v.Add("visitDate", "error.date_before_birth");
        else
        {
            if (forHtn && htn is not null && date < htn.DiagnosedOn) v.Add("visitDate", "error.chronic.visit_before_diagnosis", htn.DiagnosedOn.ToString("yyyy-MM-dd"));
            else if (forDm && dm is not null && date < dm.DiagnosedOn) v.Add("visitDate", "error.chronic.visit_before_diagnosis", dm.DiagnosedOn.ToString("yyyy-MM-dd"));
        }
        if (cmd.Mode is null || !Enum.IsDefined(cmd.Mode.Value)) v.Add("mode", "error.required");
        var measures = new VisitMeasures(cmd.Systolic, cmd.Diastolic, cmd.FastingGlucose, form.HeartRate, form.TemperatureC);
        if (cmd.Systolic is null) v.Add("systolic", "error.required");
        if (cmd.Diastolic is null) v.Add("diastolic", "error.required");
        if (forDm && cmd.FastingGlucose is null) v.Add("fastingGlucose", "error.required");
        FollowUpRules.Validate(v, measures);
        ValidateForm(v, form, date);
        v.OptionalText("overrideReason", cmd.OverrideReason, 200).OptionalText("doctor", cmd.Doctor, 50);
        if ((cmd.HypertensionClassOverride is not null || cmd.DiabetesClassOverride is not null) && string.IsNullOrWhiteSpace(cmd.OverrideReason))
            v.Add("overrideReason", "error.chronic.override_needs_reason");
        if (cmd.HypertensionClassOverride is { } ho && !Enum.IsDefined(ho)) v.Add("hypertensionClassOverride", "error.code_unknown");
        if (cmd.DiabetesClassOverride is { } dOv && !Enum.IsDefined(dOv)) v.Add("diabetesClassOverride", "error.code_unknown");
        if (cmd.NextVisitOn is { } nv && (nv <= date || nv > date.AddYears(1))) v.Add("nextVisitOn", "error.chronic.next_visit_range");
        if (v.ToError() is { } invalid) return invalid;

        var rules = ChronicRuleSet.For(date);
        var age = Age.CompletedYears(resident.BirthDate, date);
        var height = form.HeightCm ?? resident.Height;
        var observations = new VisitObservations(form.AdverseReaction, form.NewOrWorseComplication, form.UrgentSigns);
        // the chain: earlier visits' final classes per programme (small: a few a year per patient), read with the subject
        var history = resident.History;
        VisitDecision? hd = forHtn ? FollowUpRules.Decide(Programme.Hypertension, date, age, measures, observations,
            history.Where(h => h.HypertensionClass is not null).Select(h => new PriorVisit(h.VisitDate, h.HypertensionClass!.Value)), rules, cmd.HypertensionClassOverride) : null;
        VisitDecision? dd = forDm ? FollowUpRules.Decide(Programme.Diabetes, date, age, measures, observations,
            history.Where(h => h.DiabetesClass is not null).Select(h => new PriorVisit(h.VisitDate, h.DiabetesClass!.Value)), rules, cmd.DiabetesClassOverride) : null;
        var decisions = new[] { hd, dd }.Where(x => x is not null).Select(x => x!).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        var proposed = decisions.Min(x => x.NextVisit);
        var visit = new ChronicVisit
        {
            Id = Guid.CreateVersion7(), DistrictId = resident.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId, ResidentId = residentId,
            VisitDate = date, Mode = cmd.Mode!.Value, AgeYears = age, ForHypertension = forHtn, ForDiabetes = forDm, Systolic = cmd.Systolic, Diastolic = cmd.Diastolic,
            HeartRate = form.HeartRate, WeightKg = form.WeightKg, Bmi = Bmi.Compute(height, form.WeightKg), TargetBmi = Bmi.Compute(height, form.TargetWeightKg),
            FastingGlucose = cmd.FastingGlucose, HbA1c = form.HbA1c,
            HypertensionComputed = hd is null ? null : FollowUpRules.Classify(Programme.Hypertension, measures, observations, age, rules).Class, HypertensionClass = hd?.Class,
            DiabetesComputed = dd is null ? null : FollowUpRules.Classify(Programme.Diabetes, measures, observations, age, rules).Class, DiabetesClass = dd?.Class,
            BpControlled = measures is { Systolic: { } s, Diastolic: { } d } ? rules.BpControlled(s, d, age) : null,
            GlucoseControlled = cmd.FastingGlucose is { } g ? rules.GlucoseControlled(g) : null,
            Urgent = decisions.Any(x => x.Urgent), UrgentReasons = Findings.Store(decisions.SelectMany(x => x.UrgentReasons).DistinctBy(f => f.ToString())),
            HypertensionReasons = hd is null ? "" : Findings.Store(hd.Reasons), DiabetesReasons = dd is null ? "" : Findings.Store(dd.Reasons),
            ReferralAdvised = decisions.Any(x => x.ReferralAdvised), ProposedNextVisit = proposed, NextVisitOn = cmd.NextVisitOn ?? proposed,
            OverrideReason = string.IsNullOrWhiteSpace(cmd.OverrideReason) ? null : cmd.OverrideReason.Trim(),
            Doctor = cmd.Doctor?.Trim() is { Length: > 0 } doc ? doc : staff.DisplayName, Form = form with { HeightCm = height },
            CreatedById = staff.UserId, CreatedAt = now, UpdatedAt = now,
        };
        // the save, hand-written (docs/decisions/0012): the visit, its measurements, the year's rows, the registrations
        var write = new RawWrite(db).Insert(visit);
        if (cmd.Systolic is not null)
            write.Insert(NewMeasurement(visit, MeasurementKind.BloodPressure, cmd.Systolic, cmd.Diastolic, null, "followup", staff, now));
        if (cmd.FastingGlucose is not null)
            write.Insert(NewMeasurement(visit, MeasurementKind.FastingGlucose, null, null, cmd.FastingGlucose, "followup", staff, now));

        // the year-to-date rows the indicators read: this visit's year derived again from the visits read above
        ChronicStats.SyncYear(write, regs, resident.Stats, residentId, date.Year, history.Where(h => h.VisitDate.Year == date.Year)
            .Select(h => new StatVisit(h.VisitDate, h.CreatedAt, h.Mode, h.ForHypertension, h.ForDiabetes, h.BpControlled, h.GlucoseControlled))
            .Append(new StatVisit(visit.VisitDate, visit.CreatedAt, visit.Mode, visit.ForHypertension, visit.ForDiabetes, visit.BpControlled, visit.GlucoseControlled))
            .ToList(), now);
        // a visit recorded before later ones: the later ones are judged again, and the registrations follow the latest
        var chain = history.Any(h => h.VisitDate > date) ? await RejudgeLaterAsync(db, write, residentId, visit, rules, ct) : null;
        foreach (var reg in new[] { forHtn ? htn : null, forDm ? dm : null }.Where(r => r is not null))
            write.Update(UpdateRegistration(reg!, visit, chain), RegistrationOutcome);
        await using (var tx = await db.BeginWriteAsync(ct))
        {
            await write.ExecuteAsync(ct);
            await tx.CommitAsync(ct);
        }
        var overridden = decisions.Where(x => x.Reasons.Any(r => r.Code == "chronic.reason.overridden")).ToList();
        audit.Record(staff, "ChronicVisit", visit.Id.ToString(), AuditActions.Create,
            $"resident {residentId} {date:yyyy-MM-dd}{(visit.Urgent ? " urgent" : "")}{(overridden.Count > 0 ? $" override {string.Join(',', overridden.Select(o => $"{o.Programme}={o.Class}"))}: {visit.OverrideReason}" : "")}");
        return ToDto(visit, null);
    }

    /// <summary>
    /// What a visit reads: the resident, the latest measured height, the active registrations, the visit year's stored rows,
    /// and the resident's earlier visits (the columns the rules' chain and the year's rows need).
    /// </summary>
    private sealed record VisitSubject(Guid Id, Guid DistrictId, Guid? CenterId, Guid OrganizationId, DateOnly BirthDate, ResidentStatus Status, decimal? Height,
        List<ChronicRegistration> Registrations, List<ChronicMonthStat> Stats, List<ChronicVisit> History);

    private static readonly string[] SubjectColumns = [nameof(Resident.Id), nameof(Resident.DistrictId), nameof(Resident.CenterId), nameof(Resident.OrganizationId),
        nameof(Resident.BirthDate), nameof(Resident.Status)];
    private static readonly string[] HeightColumns = [nameof(Examination.HeightCm)];
    private static readonly string[] HistoryColumns = [nameof(ChronicVisit.Id), nameof(ChronicVisit.VisitDate), nameof(ChronicVisit.CreatedAt),
        nameof(ChronicVisit.HypertensionClass), nameof(ChronicVisit.DiabetesClass), nameof(ChronicVisit.Mode), nameof(ChronicVisit.ForHypertension),
        nameof(ChronicVisit.ForDiabetes), nameof(ChronicVisit.BpControlled), nameof(ChronicVisit.GlucoseControlled)];

    /// <summary>
    /// One hand-written command of five statements, each carrying the scope's conditions (decision 0008): one round trip on
    /// PostgreSQL, and on SQLite none of the five LINQ queries' fixed cost, which a profile of the follow-up row showed as
    /// a quarter of the application's CPU per visit.
    /// </summary>
    private static async Task<VisitSubject?> VisitSubjectAsync(HealthDbContext db, Guid residentId, int visitYear, CancellationToken ct)
    {
        var subject = RowReader<Resident>.For(db, SubjectColumns);
        var heights = RowReader<Examination>.For(db, HeightColumns);
        var registrations = RowReader<ChronicRegistration>.For(db);
        var stats = RowReader<ChronicMonthStat>.For(db);
        var visits = RowReader<ChronicVisit>.For(db, HistoryColumns);
        Resident? resident = null;
        decimal? height = null;
        List<ChronicRegistration> regs = [];
        List<ChronicMonthStat> rows = [];
        List<ChronicVisit> history = [];
        await using (var read = await RawReads.OpenAsync(db, ct))
        await using (var cmd = read.Command())
        {
            var scope = cmd.ScopeCondition(db);
            cmd.Add(db, "@id", residentId);
            cmd.Add(db, "@year", visitYear);
            cmd.Add(db, "@active", (int)RegistrationStatus.Active);
            cmd.CommandText = $"""
                SELECT {subject.Columns} FROM residents WHERE "Id" = @id AND {scope};
                SELECT {heights.Columns} FROM examinations WHERE "ResidentId" = @id AND "HeightCm" IS NOT NULL AND {scope} ORDER BY "ExamDate" DESC LIMIT 1;
                SELECT {registrations.Columns} FROM chronic_registrations WHERE "ResidentId" = @id AND "Status" = @active AND {scope};
                SELECT {stats.Columns} FROM chronic_month_stats WHERE "ResidentId" = @id AND "Year" = @year AND {scope};
                {ChainSql(db, scope)}
                """;
            await using var r = await read.ExecuteReaderAsync(cmd, ct);
            if (await r.ReadAsync(ct)) resident = subject.Read(r);
            await r.NextResultAsync(ct);
            if (await r.ReadAsync(ct)) height = heights.Read(r).HeightCm;
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) regs.Add(registrations.Read(r));
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) rows.Add(stats.Read(r));
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) history.Add(visits.Read(r));
        }
        if (resident is null) return null;
        return new VisitSubject(resident.Id, resident.DistrictId, resident.CenterId, resident.OrganizationId, resident.BirthDate, resident.Status, height, regs, rows, history);
    }

    /// <summary>
    /// A patient's chain of visits, the columns <see cref="HistoryColumns"/> only: all of them (and the scope's) are in the
    /// covering index <c>IX_chronic_visits_chain</c>, so the read never touches the table (tested on SQLite's plan).
    /// </summary>
    internal static string ChainSql(HealthDbContext db, string scope) =>
        $"SELECT {RowReader<ChronicVisit>.For(db, HistoryColumns).Columns} FROM chronic_visits WHERE \"ResidentId\" = @id AND {scope}";

    /// <summary>
    /// A visit recorded before later ones: the later visits' chain (consecutive count, referral, next date) is judged again,
    /// each changed one updated through <paramref name="write"/>. Returns all the resident's visits, the new one included.
    /// </summary>
    private static async Task<List<ChronicVisit>> RejudgeLaterAsync(HealthDbContext db, RawWrite write, Guid residentId, ChronicVisit inserted, ChronicRuleSet rules,
        CancellationToken ct)
    {
        var all = await db.ChronicVisits.AsNoTracking().Where(x => x.ResidentId == residentId).ToListAsync(ct);
        all.Add(inserted);
        foreach (var v in all.Where(x => x.VisitDate > inserted.VisitDate).OrderBy(x => x.VisitDate).ThenBy(x => x.CreatedAt))
        {
            var m = new VisitMeasures(v.Systolic, v.Diastolic, v.FastingGlucose, v.HeartRate, v.Form.TemperatureC);
            var o = new VisitObservations(v.Form.AdverseReaction, v.Form.NewOrWorseComplication, v.Form.UrgentSigns);
            var decisions = new List<VisitDecision>();
            if (v.ForHypertension)
                decisions.Add(FollowUpRules.Decide(Programme.Hypertension, v.VisitDate, v.AgeYears, m, o,
                    all.Where(x => x.Id != v.Id && x.HypertensionClass is not null).Select(x => new PriorVisit(x.VisitDate, x.HypertensionClass!.Value)), rules,
                    v.HypertensionClass != v.HypertensionComputed ? v.HypertensionClass : null));
            if (v.ForDiabetes)
                decisions.Add(FollowUpRules.Decide(Programme.Diabetes, v.VisitDate, v.AgeYears, m, o,
                    all.Where(x => x.Id != v.Id && x.DiabetesClass is not null).Select(x => new PriorVisit(x.VisitDate, x.DiabetesClass!.Value)), rules,
                    v.DiabetesClass != v.DiabetesComputed ? v.DiabetesClass : null));
            foreach (var d in decisions)
                if (d.Programme == Programme.Hypertension) v.HypertensionReasons = Findings.Store(d.Reasons); else v.DiabetesReasons = Findings.Store(d.Reasons);
            var proposed = decisions.Min(x => x.NextVisit);
            var before = (v.HypertensionReasons, v.DiabetesReasons, v.NextVisitOn, v.ProposedNextVisit, v.ReferralAdvised);
            if (v.NextVisitOn == v.ProposedNextVisit) v.NextVisitOn = proposed; // a date the doctor chose stays
            (v.ProposedNextVisit, v.ReferralAdvised) = (proposed, decisions.Any(x => x.ReferralAdvised));
            if (before != (v.HypertensionReasons, v.DiabetesReasons, v.NextVisitOn, v.ProposedNextVisit, v.ReferralAdvised)) write.Update(v, Rejudged);
        }
        return all;
    }

    private static readonly string[] Rejudged = [nameof(ChronicVisit.HypertensionReasons), nameof(ChronicVisit.DiabetesReasons), nameof(ChronicVisit.NextVisitOn),
        nameof(ChronicVisit.ProposedNextVisit), nameof(ChronicVisit.ReferralAdvised)];

    private static readonly string[] RegistrationOutcome = [nameof(ChronicRegistration.LastVisitOn), nameof(ChronicRegistration.LastClass),
        nameof(ChronicRegistration.LastControlled), nameof(ChronicRegistration.NextVisitOn), nameof(ChronicRegistration.ConsecutiveUnsatisfactory),
        nameof(ChronicRegistration.UpdatedAt)];

    /// <summary>
    /// The registration's stored outcome comes from its latest visit (by date, then by entry); <paramref name="chain"/> is all
    /// the resident's visits when the new one is not the latest (null when it is).
    /// </summary>
    private static ChronicRegistration UpdateRegistration(ChronicRegistration reg, ChronicVisit visit, List<ChronicVisit>? chain)
    {
        var htn = reg.Programme == Programme.Hypertension;
        var latest = chain is null ? visit
            : chain.Where(x => htn ? x.ForHypertension : x.ForDiabetes).OrderByDescending(x => x.VisitDate).ThenByDescending(x => x.CreatedAt).First();
        reg.LastVisitOn = latest.VisitDate;
        reg.LastClass = htn ? latest.HypertensionClass : latest.DiabetesClass;
        reg.LastControlled = htn ? latest.BpControlled : latest.GlucoseControlled;
        reg.NextVisitOn = latest.NextVisitOn;
        if (chain is null) reg.ConsecutiveUnsatisfactory = reg.LastClass == VisitClass.Unsatisfactory ? reg.ConsecutiveUnsatisfactory + 1 : 0;
        else
        {
            var classes = chain.Where(x => (htn ? x.HypertensionClass : x.DiabetesClass) is not null)
                .OrderByDescending(x => x.VisitDate).ThenByDescending(x => x.CreatedAt).Select(x => htn ? x.HypertensionClass : x.DiabetesClass);
            reg.ConsecutiveUnsatisfactory = classes.TakeWhile(c => c == VisitClass.Unsatisfactory).Count();
        }
        reg.UpdatedAt = visit.UpdatedAt;
        return reg;
    }

    public async Task<Outcome<ChronicVisitDto>> GetVisitAsync(StaffContext staff, Guid visitId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var visit = await db.ChronicVisits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == visitId, ct);
        if (visit is null) return new NotFound("ChronicVisit", visitId.ToString());
        var referral = await db.Referrals.Where(r => r.VisitId == visitId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        audit.Record(staff, "ChronicVisit", visitId.ToString(), AuditActions.View);
        return ToDto(visit, referral);
    }

    // ---------------------------------------------------------------- referrals

    /// <summary>One-click referral from a visit (reason and urgency taken from it unless given), or a referral of its own.</summary>
    public async Task<Outcome<ReferralDto>> CreateReferralAsync(StaffContext staff, Guid residentId, CreateReferral cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var visit = cmd.VisitId is { } vid ? await db.ChronicVisits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == vid && x.ResidentId == residentId, ct) : null;
        var v = new Validation();
        if (cmd.VisitId is not null && visit is null) v.Add("visitId", "error.code_unknown");
        else if (visit is not null && await db.Referrals.AnyAsync(r => r.VisitId == visit.Id && r.Status != ReferralStatus.Cancelled, ct)) v.Add("visitId", "error.chronic.referral_exists");
        var reason = cmd.Reason?.Trim() is { Length: > 0 } given ? given : visit is null ? null : VisitReferralReason(visit);
        v.RequireText("reason", reason, 500).RequireText("toFacility", cmd.ToFacility, 100).OptionalText("toDepartment", cmd.ToDepartment, 50).OptionalText("note", cmd.Note, 500);
        if (v.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(), DistrictId = resident.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId, ResidentId = residentId,
            VisitId = visit?.Id, Urgent = cmd.Urgent ?? visit?.Urgent ?? false, Reason = reason!, ToFacility = cmd.ToFacility!.Trim(),
            ToDepartment = string.IsNullOrWhiteSpace(cmd.ToDepartment) ? null : cmd.ToDepartment.Trim(), Note = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim(),
            IssuedAt = now, IssuedBy = staff.DisplayName, IssuedById = staff.UserId,
            FollowUpBy = ChinaTime.DateOf(now).AddDays(ChronicRuleSet.For(Today).RecheckDays),
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Referral", referral.Id.ToString(), AuditActions.Create, $"resident {residentId}{(referral.Urgent ? " urgent" : "")} to {referral.ToFacility}");
        return ToDto(referral);
    }

    public async Task<Outcome<ReferralDto>> RecordReferralResultAsync(StaffContext staff, Guid referralId, RecordReferralResult cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null) return new NotFound("Referral", referralId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var on = cmd.On ?? Today;
        var v = new Validation().OptionalText("note", cmd.Note, 200);
        if (cmd.Result != "cancel" && !ChronicCodes.ReferralResult.IsValid(cmd.Result, on)) v.Add("result", string.IsNullOrWhiteSpace(cmd.Result) ? "error.required" : "error.code_unknown");
        if (referral.Status != ReferralStatus.Issued) v.Add("result", "error.chronic.referral_closed");
        if (on > Today) v.Add("on", "error.date_future");
        else if (on < ChinaTime.DateOf(referral.IssuedAt)) v.Add("on", "error.chronic.before_referral");
        if (v.ToError() is { } invalid) return invalid;
        referral.Status = cmd.Result switch { "1" => ReferralStatus.Arrived, "2" => ReferralStatus.NotArrived, _ => ReferralStatus.Cancelled };
        (referral.ResultOn, referral.ResultNote) = (on, string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim());
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Referral", referral.Id.ToString(), AuditActions.Update, $"result {referral.Status}");
        return ToDto(referral);
    }

    // ---------------------------------------------------------------- screening readings

    public async Task<Outcome<MeasurementDto>> RecordMeasurementAsync(StaffContext staff, Guid residentId, RecordMeasurement cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var on = cmd.On ?? Today;
        var v = new Validation();
        if (resident.Status != ResidentStatus.Active) v.Add("on", "error.resident.not_active");
        if (on > Today) v.Add("on", "error.date_future");
        else if (on < resident.BirthDate) v.Add("on", "error.date_before_birth");
        switch (cmd.Kind)
        {
            case MeasurementKind.BloodPressure:
                if (cmd.Systolic is null) v.Add("systolic", "error.required");
                if (cmd.Diastolic is null) v.Add("diastolic", "error.required");
                FollowUpRules.Validate(v, new VisitMeasures(cmd.Systolic, cmd.Diastolic));
                break;
            case MeasurementKind.FastingGlucose:
                if (cmd.Value is null) v.Add("value", "error.required");
                else if (cmd.Value is < 1.0m or > 50m) v.Add("value", "error.chronic.glucose_range", "1.0", "50.0");
                break;
            default:
                v.Add("kind", "error.required");
                break;
        }
        if (v.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        var m = new Measurement
        {
            Id = Guid.CreateVersion7(), DistrictId = resident.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId, ResidentId = residentId,
            Kind = cmd.Kind!.Value, On = on, Systolic = cmd.Kind == MeasurementKind.BloodPressure ? cmd.Systolic : null,
            Diastolic = cmd.Kind == MeasurementKind.BloodPressure ? cmd.Diastolic : null, Value = cmd.Kind == MeasurementKind.FastingGlucose ? cmd.Value : null,
            Source = "screening", RecordedBy = staff.DisplayName, CreatedAt = now,
        };
        db.Measurements.Add(m);
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "Measurement", m.Id.ToString(), AuditActions.Create, $"resident {residentId} {m.Kind}");
        return new MeasurementDto(m.Id, m.Kind, m.On, m.Systolic, m.Diastolic, m.Value, m.Source);
    }

    // ---------------------------------------------------------------- the resident's view

    /// <summary>The follow-ups and referrals for the resident profile's timeline (the profile view itself is audited there).</summary>
    public async Task<(IReadOnlyList<ChronicVisitDto> Visits, IReadOnlyList<ReferralDto> Referrals)> TimelineAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var visits = await db.ChronicVisits.AsNoTracking().Where(x => x.ResidentId == residentId).OrderByDescending(x => x.VisitDate).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ResidentId == residentId).OrderByDescending(r => r.IssuedAt).ToListAsync(ct);
        return (visits.Select(x => ToDto(x, null)).ToList(), referrals.Select(ToDto).ToList());
    }

    public async Task<Outcome<ChronicPatientDto>> PatientAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId && r.Status != ResidentStatus.Merged).FirstOrDefaultAsync(ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        var regs = await RegistrationsAsync(db, residentId, ct);
        var visits = await db.ChronicVisits.AsNoTracking().Where(x => x.ResidentId == residentId).OrderByDescending(x => x.VisitDate).ThenByDescending(x => x.CreatedAt).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ResidentId == residentId).OrderByDescending(r => r.IssuedAt).ToListAsync(ct);
        var measurements = await db.Measurements.AsNoTracking().Where(m => m.ResidentId == residentId).OrderBy(m => m.On).ThenBy(m => m.CreatedAt).ToListAsync(ct);
        var screening = await ScreeningAsync(db, resident, measurements, regs, ct);
        audit.Record(staff, "ChronicPatient", residentId.ToString(), AuditActions.View);
        var byVisit = referrals.Where(r => r.VisitId is not null && r.Status != ReferralStatus.Cancelled).GroupBy(r => r.VisitId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
        return new ChronicPatientDto(resident.Id, resident.Name, resident.Sex, resident.BirthDate, regs,
            visits.Select(x => ToDto(x, byVisit.TryGetValue(x.Id, out var rid) ? rid : null)).ToList(), referrals.Select(ToDto).ToList(),
            measurements.Select(m => new MeasurementDto(m.Id, m.Kind, m.On, m.Systolic, m.Diastolic, m.Value, m.Source)).ToList(), screening);
    }

    /// <summary>Screening state and risk from the record: readings, the latest exam (waist, BMI, diet, drinking), family and past history.</summary>
    private async Task<ScreeningDto> ScreeningAsync(HealthDbContext db, Resident r, IReadOnlyList<Measurement> measurements, IReadOnlyList<RegistrationDto> regs, CancellationToken ct)
    {
        var today = Today;
        var rules = ChronicRuleSet.For(today);
        var age = Age.CompletedYears(r.BirthDate, today);
        var exam = await db.Examinations.AsNoTracking().Where(e => e.ResidentId == r.Id).OrderByDescending(e => e.ExamDate).FirstOrDefaultAsync(ct);
        var pastCodes = await db.ResidentConditions.AsNoTracking().Where(c => c.ResidentId == r.Id).Select(c => c.Code).ToListAsync(ct);
        var inputs = RiskInputsFor(r, age, exam, measurements);
        var factors = HypertensionRisk.Factors(inputs);
        var bp = BpScreeningRules.Evaluate(measurements.Where(m => m.Kind == MeasurementKind.BloodPressure && m.Systolic is not null)
            .Select(m => new BpReading(m.On, m.Systolic!.Value, m.Diastolic!.Value)), factors.Count > 0, today, rules);
        var cdrs = DiabetesRiskScore.Score(inputs);
        var active = regs.Where(x => x.Status == RegistrationStatus.Active).Select(x => x.Programme).ToHashSet();
        var known = new List<Programme>();
        if (pastCodes.Contains("2") && !active.Contains(Programme.Hypertension)) known.Add(Programme.Hypertension);
        if (pastCodes.Contains("3") && !active.Contains(Programme.Diabetes)) known.Add(Programme.Diabetes);
        return new ScreeningDto(age, age >= rules.ScreeningAge, bp.State, bp.Reasons.Select(Findings.Render).ToList(), bp.LastReading, bp.NextReadingBy,
            factors.Select(Findings.Render).ToList(), cdrs, cdrs is { } score && DiabetesRiskScore.NeedsOgtt(score, rules),
            measurements.LastOrDefault(m => m.Kind == MeasurementKind.FastingGlucose)?.On, known);
    }

    public static RiskInputs RiskInputsFor(Resident r, int age, Examination? exam, IEnumerable<Measurement> measurements)
    {
        var lastBp = measurements.LastOrDefault(m => m.Kind == MeasurementKind.BloodPressure && m.Systolic is not null);
        var family = r.FamilyHistory;
        bool? FamilyHas(string code) => family is null ? null
            : new[] { family.Father, family.Mother, family.Siblings, family.Children }.Any(l => l?.Contains(code) == true);
        var lifestyle = exam?.Form.Lifestyle;
        return new RiskInputs(age, r.Sex == "1", lastBp?.Systolic ?? exam?.Systolic, lastBp?.Diastolic ?? exam?.Diastolic, exam?.Bmi, exam?.Form.Vitals?.WaistCm,
            FamilyHas("2"), FamilyHas("3"), lifestyle?.Diet is null ? null : lifestyle.Diet.Contains("4"),
            lifestyle?.LiangPerDay is { } liang ? liang * 50m : null); // 1 两 = 50 ml
    }

    // ---------------------------------------------------------------- shared

    private Task<IReadOnlyList<RegistrationDto>> RegistrationsAsync(HealthDbContext db, Guid residentId, CancellationToken ct) => RegistrationsAsync(db, residentId, Today, ct);

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

    public static string ProgrammeName(Programme p) => Text.Get(p == Programme.Hypertension ? "chronic.programme.hypertension" : "chronic.programme.diabetes");

    public static string ClassName(VisitClass c) => Text.Get($"chronic.class.{(int)c}");

    private static Measurement NewMeasurement(ChronicVisit visit, MeasurementKind kind, int? sbp, int? dbp, decimal? value, string source, StaffContext staff, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = visit.DistrictId, CenterId = visit.CenterId, OrganizationId = visit.OrganizationId, ResidentId = visit.ResidentId,
        Kind = kind, On = visit.VisitDate, Systolic = sbp, Diastolic = dbp, Value = value, Source = source, SourceId = visit.Id, RecordedBy = staff.DisplayName, CreatedAt = now,
    };

    private static string VisitReferralReason(ChronicVisit visit)
    {
        var reasons = Findings.Parse(visit.UrgentReasons).Select(Findings.Render).ToList();
        if (reasons.Count == 0 && visit.ReferralAdvised) reasons.Add(Text.Get("chronic.referral.advised"));
        return string.Join("；", reasons);
    }

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
                reasons.Any(r => r.Code.StartsWith("chronic.reason.refer", StringComparison.Ordinal) || r.Code == "chronic.reason.urgent_referral"),
                x.ProposedNextVisit ?? x.VisitDate, reasons.Select(Findings.Render).ToList()));
        }
        Add(Programme.Hypertension, x.HypertensionClass, x.HypertensionComputed, x.HypertensionReasons);
        Add(Programme.Diabetes, x.DiabetesClass, x.DiabetesComputed, x.DiabetesReasons);
        return new ChronicVisitDto(x.Id, x.ResidentId, x.VisitDate, x.Mode, x.AgeYears, x.Systolic, x.Diastolic, x.HeartRate, x.WeightKg, x.Bmi, x.TargetBmi,
            x.FastingGlucose, x.HbA1c, x.Urgent, Findings.Parse(x.UrgentReasons).Select(Findings.Render).ToList(), x.ReferralAdvised, x.ProposedNextVisit,
            x.NextVisitOn, x.OverrideReason, x.Doctor, outcomes, x.Form, referralId);
    }

    private static ReferralDto ToDto(Referral r) => new(r.Id, r.ResidentId, r.VisitId, r.Urgent, r.Reason, r.ToFacility, r.ToDepartment, r.Note, r.IssuedAt,
        r.IssuedBy, r.FollowUpBy, r.Status, r.ResultOn, r.ResultNote);

    private static void ValidateForm(Validation v, ChronicVisitForm f, DateOnly date)
    {
        const string p = "form.";
        void Codes(string field, IReadOnlyList<string>? codes, Domain.Common.CodeList list)
        {
            if ((codes ?? []).Any(c => !list.IsValid(c, date))) v.Add(p + field, "error.code_unknown");
        }
        void Code(string field, string? code, Domain.Common.CodeList list)
        {
            if (code is { Length: > 0 } && !list.IsValid(code, date)) v.Add(p + field, "error.code_unknown");
        }
        void Range(string field, decimal? value, decimal min, decimal max)
        {
            if (value is { } x && (x < min || x > max)) v.Add(p + field, "error.chronic.range", min, max);
        }
        Codes("hypertensionSymptoms", f.HypertensionSymptoms, ChronicCodes.HypertensionSymptom);
        Codes("diabetesSymptoms", f.DiabetesSymptoms, ChronicCodes.DiabetesSymptom);
        Codes("urgentSigns", f.UrgentSigns, ChronicCodes.UrgentSign);
        Code("salt", f.Salt, ChronicCodes.Salt);
        Code("targetSalt", f.TargetSalt, ChronicCodes.Salt);
        Code("mood", f.Mood, ChronicCodes.Compliance);
        Code("compliance", f.Compliance, ChronicCodes.Compliance);
        Code("adherence", f.Adherence, ChronicCodes.Adherence);
        Code("footPulse", f.FootPulse, ChronicCodes.FootPulse);
        Code("hypoglycaemia", f.Hypoglycaemia, ChronicCodes.Hypoglycaemia);
        Range("heightCm", f.HeightCm, 100, 250);
        Range("weightKg", f.WeightKg, 20, 300);
        Range("targetWeightKg", f.TargetWeightKg, 20, 300);
        Range("cigarettesPerDay", f.CigarettesPerDay, 0, 100);
        Range("targetCigarettesPerDay", f.TargetCigarettesPerDay, 0, 100);
        Range("liangPerDay", f.LiangPerDay, 0, 40);
        Range("targetLiangPerDay", f.TargetLiangPerDay, 0, 40);
        Range("exerciseTimesPerWeek", f.ExerciseTimesPerWeek, 0, 21);
        Range("exerciseMinutes", f.ExerciseMinutes, 0, 600);
        Range("targetExerciseTimesPerWeek", f.TargetExerciseTimesPerWeek, 0, 21);
        Range("targetExerciseMinutes", f.TargetExerciseMinutes, 0, 600);
        Range("stapleFoodGrams", f.StapleFoodGrams, 0, 2000);
        Range("targetStapleFoodGrams", f.TargetStapleFoodGrams, 0, 2000);
        Range("hbA1c", f.HbA1c, 3, 20);
        if (f.HbA1cDate is { } hd && hd > date) v.Add(p + "hbA1cDate", "error.chronic.after_visit");
        v.OptionalText(p + "symptomOther", f.SymptomOther, 200).OptionalText(p + "otherSigns", f.OtherSigns, 200).OptionalText(p + "tests", f.Tests, 500)
            .OptionalText(p + "adverseReactionNote", f.AdverseReactionNote, 200).OptionalText(p + "complicationNote", f.ComplicationNote, 200)
            .OptionalText(p + "insulin", f.Insulin, 200).OptionalText(p + "medicationAdvice", f.MedicationAdvice, 500).OptionalText(p + "urgentOther", f.UrgentOther, 200);
        if (f.AdverseReaction && string.IsNullOrWhiteSpace(f.AdverseReactionNote)) v.Add(p + "adverseReactionNote", "error.required");
        foreach (var (m, i) in (f.Medications ?? []).Select((m, i) => (m, i)))
        {
            v.RequireText($"{p}medications[{i}].name", m.Name, 100).OptionalText($"{p}medications[{i}].unit", m.Unit, 10);
            if (m.TimesPerDay is { } t && (t < 1 || t > 12)) v.Add($"{p}medications[{i}].timesPerDay", "error.chronic.range", 1, 12);
            if (m.DosePerTime is { } d && (d <= 0 || d > 10000)) v.Add($"{p}medications[{i}].dosePerTime", "error.chronic.range", 0, 10000);
        }
        if ((f.Medications?.Count ?? 0) > 20) v.Add(p + "medications", "error.chronic.range", 0, 20);
    }
}

/// <summary>Findings stored compactly ("code|arg|arg;code…") and rendered in the UI language.</summary>
public static class Findings
{
    public static string Store(IEnumerable<Finding> findings) =>
        string.Join(';', findings.Select(f => string.Join('|', new[] { f.Code }.Concat(f.Args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)!)))));

    public static IReadOnlyList<Finding> Parse(string? stored) => string.IsNullOrEmpty(stored) ? [] :
        stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('|')).Select(p => new Finding(p[0], p.Skip(1).Cast<object>().ToArray())).ToList();

    public static string Render(Finding f)
    {
        object[] args = f.Code switch
        {
            "chronic.urgent.sign" => [ChronicCodes.UrgentSign.Find(Convert.ToString(f.Args[0], System.Globalization.CultureInfo.InvariantCulture)) is { } e ? (Text.IsEnglish ? e.En : e.Zh) : f.Args[0]],
            "chronic.reason.overridden" => [ChronicClinic.ClassName((VisitClass)Convert.ToInt32(f.Args[0], System.Globalization.CultureInfo.InvariantCulture))],
            _ => f.Args,
        };
        return Text.Get(f.Code, args);
    }
}
