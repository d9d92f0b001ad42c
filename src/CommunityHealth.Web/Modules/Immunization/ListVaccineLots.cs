using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>The lots on hand per clinic, with expiry warnings (expired, expiring within 30 days).</summary>
public sealed class ListVaccineLots(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder lots) =>
        lots.MapGet("/", async (bool? includeEmpty, CurrentUser user, ListVaccineLots h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(await user.GetAsync(), includeEmpty ?? false, ct)))
            .WithSummary("Lots on hand with expiry warnings (expired, expiring within 30 days)");

    public async Task<IReadOnlyList<LotDto>> HandleAsync(StaffContext staff, bool includeEmpty, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var q = db.VaccineLots.AsNoTracking();
        if (!includeEmpty) q = q.Where(l => l.DosesOnHand > 0);
        var lots = await q.OrderBy(l => l.Vaccine).ThenBy(l => l.Expiry).ToListAsync(ct);
        var today = clock.Today();
        return lots.Select(l => ImmunizationMapping.ToDto(l, today)).ToList();
    }
}
