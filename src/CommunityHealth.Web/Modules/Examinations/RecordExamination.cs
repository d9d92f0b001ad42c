using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>Records a 健康体检表 for a resident in scope; BMI and the 65+ self-care score are computed, BP and glucose join the measurements.</summary>
public sealed class RecordExamination(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder resident) =>
        resident.MapPost("/examinations", async (Guid residentId, HealthExam form, CurrentUser user, RecordExamination h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), residentId, form, ct)).ToResult(e => TypedResults.Created($"/api/examinations/{e.Id}", e)))
            .WithSummary("Record a 健康体检表; BMI and the 65+ self-care score are computed")
            .Produces<ExaminationDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<ExaminationDto>> HandleAsync(StaffContext staff, Guid residentId, HealthExam? form, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (r is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ExaminationsWrite)) return new Forbidden();
        if (r.Status != ResidentStatus.Active) return new Invalid("examDate", "error.resident.not_active");
        var checkedForm = ExamRules.Validate(form ?? new HealthExam(), r.BirthDate, clock.Today());
        if (!checkedForm.IsSuccess) return checkedForm.Error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var exam = new Examination
        {
            Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId, ResidentId = r.Id,
            CreatedById = staff.UserId, CreatedAt = now,
        };
        var assessment = await ExaminationWrites.AssessAsync(db, r.Id, checkedForm.Value, ct);
        ExaminationWrites.Apply(exam, checkedForm.Value, assessment, now);
        db.Examinations.Add(exam);
        await ExaminationWrites.SyncMeasurementsAsync(db, exam, staff, now, false, ct);
        db.Audit(staff, "Examination", exam.Id.ToString(), AuditActions.Create, $"resident {r.Id} {exam.ExamDate:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return ExaminationMapping.ToDto(exam, r.BirthDate, assessment);
    }
}
