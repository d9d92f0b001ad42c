using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>A resident's examinations, newest first, with the key measurements.</summary>
public sealed class ListExaminations(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder resident) =>
        resident.MapGet("/examinations", async (Guid residentId, CurrentUser user, ListExaminations h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), residentId, ct)).ToResult(TypedResults.Ok))
            .Produces<IReadOnlyList<ExaminationSummary>>().ProducesProblem(404);

    public async Task<Outcome<IReadOnlyList<ExaminationSummary>>> HandleAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return new NotFound("Resident", residentId.ToString());
        return await db.Examinations.AsNoTracking().Where(e => e.ResidentId == residentId).OrderByDescending(e => e.ExamDate)
            .Select(e => new ExaminationSummary(e.Id, e.ExamDate, e.Doctor, e.Systolic, e.Diastolic, e.Bmi, e.FastingGlucose, e.Abnormal)).ToListAsync(ct);
    }
}
