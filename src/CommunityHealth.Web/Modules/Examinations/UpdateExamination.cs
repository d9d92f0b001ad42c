using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>Replaces an examination's form; each changed section is kept in the resident's field history, like the record itself.</summary>
public sealed class UpdateExamination(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/examinations/{id:guid}", async (Guid id, HealthExam form, CurrentUser user, UpdateExamination h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, form, ct)).ToResult(TypedResults.Ok))
            .WithTags("Examinations").Produces<ExaminationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<ExaminationDto>> HandleAsync(StaffContext staff, Guid examId, HealthExam? form, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var exam = await db.Examinations.FirstOrDefaultAsync(x => x.Id == examId, ct);
        if (exam is null) return new NotFound("Examination", examId.ToString());
        if (!staff.Can(Permission.ExaminationsWrite)) return new Forbidden();
        var birth = await db.Residents.Where(x => x.Id == exam.ResidentId).Select(x => x.BirthDate).FirstAsync(ct);
        var checkedForm = ExamRules.Validate(form ?? new HealthExam(), birth, clock.Today());
        if (!checkedForm.IsSuccess) return checkedForm.Error!;
        var now = clock.GetUtcNow().UtcDateTime;
        // each changed section of the form is kept in the resident's field history, like the record itself
        var resident = await db.Residents.AsNoTracking().FirstAsync(x => x.Id == exam.ResidentId, ct);
        foreach (var (field, oldValue, newValue) in ResidentDiff.Between(exam.Form, checkedForm.Value))
            db.ResidentChanges.Add(ResidentMapping.Change(resident, staff, now, "exam." + field, $"{exam.ExamDate:yyyy-MM-dd} {oldValue}", newValue));
        var assessment = await ExaminationWrites.AssessAsync(db, exam.ResidentId, checkedForm.Value, ct);
        ExaminationWrites.Apply(exam, checkedForm.Value, assessment, now);
        await ExaminationWrites.SyncMeasurementsAsync(db, exam, staff, now, true, ct);
        db.Audit(staff, "Examination", exam.Id.ToString(), AuditActions.Update, $"resident {exam.ResidentId}");
        await db.SaveChangesAsync(ct);
        return ExaminationMapping.ToDto(exam, birth, assessment);
    }
}
