using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>The merges a record took part in (as survivor or as the merged duplicate), newest first.</summary>
public sealed class ListMerges(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/{id:guid}/merges", async (Guid id, CurrentUser user, ListMerges h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(await user.GetAsync(), id, ct)));

    public async Task<IReadOnlyList<MergeDto>> HandleAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var rows = await db.ResidentMerges.AsNoTracking().Where(m => m.SurvivorId == residentId || m.MergedId == residentId).OrderByDescending(m => m.At).ToListAsync(ct);
        return rows.Select(MergeMapping.ToDto).ToList();
    }
}
