using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Examinations;

public sealed record ExaminationDto(
    Guid Id, Guid ResidentId, DateOnly ExamDate, string Doctor, decimal? Bmi, int? SelfCareScore, string? SelfCareBand,
    bool ElderlySection, HealthExam Form);

public sealed record ExaminationSummary(Guid Id, DateOnly ExamDate, string Doctor, int? Systolic, int? Diastolic, decimal? Bmi, decimal? FastingGlucose, bool? Abnormal);

public sealed record RecordEncounter(DateOnly? Date, string? Subjective, string? Objective, string? Assessment, string? Plan);

public sealed record EncounterDto(Guid Id, Guid ResidentId, DateOnly Date, string Subjective, string? Objective, string? Assessment, string? Plan, string Doctor);

/// <summary>健康体检表 and 接诊记录 for a resident in scope.</summary>
public sealed class ExaminationHandlers(ScopedDb dbs, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<Outcome<ExaminationDto>> RecordAsync(StaffContext staff, Guid residentId, HealthExam? form, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (r is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ExaminationsWrite)) return new Forbidden();
        if (r.Status != ResidentStatus.Active) return new Invalid("examDate", "error.resident.not_active");
        var checkedForm = ExamRules.Validate(form ?? new HealthExam(), r.BirthDate, Today);
        if (!checkedForm.IsSuccess) return checkedForm.Error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var exam = new Examination
        {
            Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId, ResidentId = r.Id,
            CreatedById = staff.UserId, CreatedAt = now,
        };
        Apply(exam, checkedForm.Value, now);
        db.Examinations.Add(exam);
        await SyncMeasurementsAsync(db, exam, staff, now, false, ct);
        db.Audit(staff, "Examination", exam.Id.ToString(), AuditActions.Create, $"resident {r.Id} {exam.ExamDate:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return ToDto(exam, r.BirthDate);
    }

    public async Task<Outcome<ExaminationDto>> UpdateAsync(StaffContext staff, Guid examId, HealthExam? form, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var exam = await db.Examinations.FirstOrDefaultAsync(x => x.Id == examId, ct);
        if (exam is null) return new NotFound("Examination", examId.ToString());
        if (!staff.Can(Permission.ExaminationsWrite)) return new Forbidden();
        var birth = await db.Residents.Where(x => x.Id == exam.ResidentId).Select(x => x.BirthDate).FirstAsync(ct);
        var checkedForm = ExamRules.Validate(form ?? new HealthExam(), birth, Today);
        if (!checkedForm.IsSuccess) return checkedForm.Error!;
        var now = clock.GetUtcNow().UtcDateTime;
        // each changed section of the form is kept in the resident's field history, like the record itself
        var resident = await db.Residents.AsNoTracking().FirstAsync(x => x.Id == exam.ResidentId, ct);
        foreach (var (field, oldValue, newValue) in ResidentDiff.Between(exam.Form, checkedForm.Value))
            db.ResidentChanges.Add(ResidentMapping.Change(resident, staff, now, "exam." + field, $"{exam.ExamDate:yyyy-MM-dd} {oldValue}", newValue));
        Apply(exam, checkedForm.Value, now);
        await SyncMeasurementsAsync(db, exam, staff, now, true, ct);
        db.Audit(staff, "Examination", exam.Id.ToString(), AuditActions.Update, $"resident {exam.ResidentId}");
        await db.SaveChangesAsync(ct);
        return ToDto(exam, birth);
    }

    public async Task<Outcome<ExaminationDto>> GetAsync(StaffContext staff, Guid examId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var exam = await db.Examinations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == examId, ct);
        if (exam is null) return new NotFound("Examination", examId.ToString());
        var birth = await db.Residents.Where(x => x.Id == exam.ResidentId).Select(x => x.BirthDate).FirstAsync(ct);
        return ToDto(exam, birth);
    }

    public async Task<Outcome<IReadOnlyList<ExaminationSummary>>> ListAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return new NotFound("Resident", residentId.ToString());
        return await db.Examinations.AsNoTracking().Where(e => e.ResidentId == residentId).OrderByDescending(e => e.ExamDate)
            .Select(e => new ExaminationSummary(e.Id, e.ExamDate, e.Doctor, e.Systolic, e.Diastolic, e.Bmi, e.FastingGlucose, e.Abnormal)).ToListAsync(ct);
    }

    public async Task<Outcome<EncounterDto>> RecordEncounterAsync(StaffContext staff, Guid residentId, RecordEncounter cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (r is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ExaminationsWrite)) return new Forbidden();
        var v = new Validation().RequireText("subjective", cmd.Subjective, 1000).OptionalText("objective", cmd.Objective, 1000)
            .OptionalText("assessment", cmd.Assessment, 1000).OptionalText("plan", cmd.Plan, 1000);
        if (cmd.Date is not { } date) v.Add("date", "error.required");
        else if (date > Today) v.Add("date", "error.date_future");
        else if (date < r.BirthDate) v.Add("date", "error.date_before_birth");
        if (r.Status != ResidentStatus.Active) v.Add("date", "error.resident.not_active");
        if (v.ToError() is { } invalid) return invalid;
        var e = new Encounter
        {
            Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId, ResidentId = r.Id,
            Date = cmd.Date!.Value, Subjective = cmd.Subjective!.Trim(), Objective = Clean(cmd.Objective), Assessment = Clean(cmd.Assessment),
            Plan = Clean(cmd.Plan), Doctor = staff.DisplayName, CreatedById = staff.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Encounters.Add(e);
        db.Audit(staff, "Encounter", e.Id.ToString(), AuditActions.Create, $"resident {r.Id}");
        await db.SaveChangesAsync(ct);
        return ToDto(e);
    }

    public async Task<Outcome<IReadOnlyList<EncounterDto>>> EncountersAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return new NotFound("Resident", residentId.ToString());
        var rows = await db.Encounters.AsNoTracking().Where(e => e.ResidentId == residentId).OrderByDescending(e => e.Date).ThenByDescending(e => e.CreatedAt).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    private static void Apply(Examination exam, HealthExam f, DateTime now)
    {
        exam.Form = f;
        exam.ExamDate = f.ExamDate!.Value;
        exam.Doctor = f.Doctor!;
        exam.Systolic = f.Vitals?.LeftSystolic ?? f.Vitals?.RightSystolic;
        exam.Diastolic = f.Vitals?.LeftSystolic is not null ? f.Vitals.LeftDiastolic : f.Vitals?.RightDiastolic;
        exam.HeightCm = f.Vitals?.HeightCm;
        exam.WeightKg = f.Vitals?.WeightKg;
        exam.Bmi = Bmi.Compute(f.Vitals?.HeightCm, f.Vitals?.WeightKg);
        exam.FastingGlucose = f.Tests?.FastingGlucose;
        exam.SelfCareScore = SelfCare.Score(f.Elderly?.SelfCare);
        exam.Abnormal = f.Abnormal;
        exam.UpdatedAt = now;
    }

    /// <summary>The exam's BP and fasting glucose join the resident's measurement history (screening, trends, FHIR Observation).</summary>
    private static async Task SyncMeasurementsAsync(HealthDbContext db, Examination exam, StaffContext staff, DateTime now, bool existing, CancellationToken ct)
    {
        if (existing) db.Measurements.RemoveRange(await db.Measurements.Where(m => m.SourceId == exam.Id).ToListAsync(ct));
        Measurement New(MeasurementKind kind) => new()
        {
            Id = Guid.CreateVersion7(), DistrictId = exam.DistrictId, CenterId = exam.CenterId, OrganizationId = exam.OrganizationId, ResidentId = exam.ResidentId,
            Kind = kind, On = exam.ExamDate, Source = "exam", SourceId = exam.Id, RecordedBy = staff.DisplayName, CreatedAt = now,
        };
        if (exam is { Systolic: { } s, Diastolic: { } d })
        {
            var bp = New(MeasurementKind.BloodPressure);
            (bp.Systolic, bp.Diastolic) = (s, d);
            db.Measurements.Add(bp);
        }
        if (exam.FastingGlucose is { } g)
        {
            var m = New(MeasurementKind.FastingGlucose);
            m.Value = g;
            db.Measurements.Add(m);
        }
    }

    private static ExaminationDto ToDto(Examination e, DateOnly birth) => new(
        e.Id, e.ResidentId, e.ExamDate, e.Doctor, e.Bmi, e.SelfCareScore, SelfCare.Band(e.SelfCareScore),
        ExamRules.ShowsElderlySection(birth, e.ExamDate), e.Form);

    private static EncounterDto ToDto(Encounter e) => new(e.Id, e.ResidentId, e.Date, e.Subjective, e.Objective, e.Assessment, e.Plan, e.Doctor);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public static class ExaminationEndpoints
{
    public static RouteGroupBuilder MapExaminations(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/residents/{residentId:guid}").WithTags("Examinations");
        g.MapPost("/examinations", async (Guid residentId, HealthExam form, CurrentUser user, ExaminationHandlers h, CancellationToken ct) =>
            (await h.RecordAsync(await user.GetAsync(), residentId, form, ct)).ToResult(e => TypedResults.Created($"/api/examinations/{e.Id}", e)))
            .WithSummary("Record a 健康体检表; BMI and the 65+ self-care score are computed")
            .Produces<ExaminationDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapGet("/examinations", async (Guid residentId, CurrentUser user, ExaminationHandlers h, CancellationToken ct) =>
            (await h.ListAsync(await user.GetAsync(), residentId, ct)).ToResult(TypedResults.Ok))
            .Produces<IReadOnlyList<ExaminationSummary>>().ProducesProblem(404);
        g.MapPost("/encounters", async (Guid residentId, RecordEncounter cmd, CurrentUser user, ExaminationHandlers h, CancellationToken ct) =>
            (await h.RecordEncounterAsync(await user.GetAsync(), residentId, cmd, ct)).ToResult(e => TypedResults.Created($"/api/residents/{residentId}/encounters", e)))
            .WithTags("Encounters").WithSummary("Record a 接诊记录 (SOAP note)")
            .Produces<EncounterDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapGet("/encounters", async (Guid residentId, CurrentUser user, ExaminationHandlers h, CancellationToken ct) =>
            (await h.EncountersAsync(await user.GetAsync(), residentId, ct)).ToResult(TypedResults.Ok))
            .WithTags("Encounters").Produces<IReadOnlyList<EncounterDto>>().ProducesProblem(404);
        api.MapGet("/examinations/{id:guid}", async (Guid id, CurrentUser user, ExaminationHandlers h, CancellationToken ct) =>
            (await h.GetAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithTags("Examinations").Produces<ExaminationDto>().ProducesProblem(404);
        api.MapPut("/examinations/{id:guid}", async (Guid id, HealthExam form, CurrentUser user, ExaminationHandlers h, CancellationToken ct) =>
            (await h.UpdateAsync(await user.GetAsync(), id, form, ct)).ToResult(TypedResults.Ok))
            .WithTags("Examinations").Produces<ExaminationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/exam-code-lists", () => TypedResults.Ok(ExamCodes.All)).WithTags("Examinations");
        return api;
    }
}
