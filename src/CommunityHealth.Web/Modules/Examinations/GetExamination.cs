using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>One examination with its form, BMI, self-care score and whether the 65+ section applies.</summary>
public sealed class GetExamination(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/examinations/{id:guid}", async (Guid id, CurrentUser user, GetExamination h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithTags("Examinations").Produces<ExaminationDto>().ProducesProblem(404);

    public async Task<Outcome<ExaminationDto>> HandleAsync(StaffContext staff, Guid examId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var exam = await db.Examinations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == examId, ct);
        if (exam is null) return new NotFound("Examination", examId.ToString());
        var birth = await db.Residents.Where(x => x.Id == exam.ResidentId).Select(x => x.BirthDate).FirstAsync(ct);
        return ExaminationMapping.ToDto(exam, birth, await ExaminationWrites.AssessAsync(db, exam.ResidentId, exam.Form, ct));
    }
}
