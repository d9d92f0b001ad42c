using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>A resident's encounters (SOAP notes), newest first.</summary>
public sealed class ListEncounters(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder resident) =>
        resident.MapGet("/encounters", async (Guid residentId, CurrentUser user, ListEncounters h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), residentId, ct)).ToResult(TypedResults.Ok))
            .WithTags("Encounters").Produces<IReadOnlyList<EncounterDto>>().ProducesProblem(404);

    public async Task<Outcome<IReadOnlyList<EncounterDto>>> HandleAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return new NotFound("Resident", residentId.ToString());
        var rows = await db.Encounters.AsNoTracking().Where(e => e.ResidentId == residentId).OrderByDescending(e => e.Date).ThenByDescending(e => e.CreatedAt).ToListAsync(ct);
        return rows.Select(ExaminationMapping.ToDto).ToList();
    }
}
