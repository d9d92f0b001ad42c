using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>The active refrigerators with their last reading, open excursion alerts and today's number of readings.</summary>
public sealed class ListRefrigerators(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder refrigerators) =>
        refrigerators.MapGet("/", async (CurrentUser user, ListRefrigerators h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(await user.GetAsync(), ct)));

    public async Task<IReadOnlyList<RefrigeratorDto>> HandleAsync(StaffContext staff, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var fridges = await db.Refrigerators.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name).ToListAsync(ct);
        var ids = fridges.Select(f => f.Id).ToList();
        var last = await db.TemperatureReadings.AsNoTracking().Where(t => ids.Contains(t.RefrigeratorId))
            .GroupBy(t => t.RefrigeratorId).Select(g => g.OrderByDescending(t => t.ReadAt).First()).ToListAsync(ct);
        var pending = await db.TemperatureReadings.AsNoTracking().Where(t => ids.Contains(t.RefrigeratorId) && t.OutOfRange && t.ActionAt == null)
            .GroupBy(t => t.RefrigeratorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var midnight = DateTime.SpecifyKind(clock.Today().ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);
        var todayCounts = await db.TemperatureReadings.AsNoTracking().Where(t => ids.Contains(t.RefrigeratorId) && t.ReadAt >= midnight)
            .GroupBy(t => t.RefrigeratorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return fridges.Select(f =>
        {
            var l = last.FirstOrDefault(t => t.RefrigeratorId == f.Id);
            return new RefrigeratorDto(f.Id, f.OrganizationId, f.Name, f.Location, l?.ReadAt, l?.Celsius, pending.GetValueOrDefault(f.Id), todayCounts.GetValueOrDefault(f.Id));
        }).ToList();
    }
}
