using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>Readings of the last days, newest first; or only the excursions still without an action.</summary>
public sealed class ListTemperatureReadings(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/temperature-readings", async (bool? alertsOnly, int? days, CurrentUser user, ListTemperatureReadings h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(await user.GetAsync(), alertsOnly ?? false, days ?? 14, ct))).WithTags("Cold chain");

    /// <summary><paramref name="alertsOnly"/>: out of range and still without an action (any age); else the last <paramref name="days"/> days (1–366).</summary>
    public async Task<IReadOnlyList<ReadingDto>> HandleAsync(StaffContext staff, bool alertsOnly, int days = 14, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Clamp(days, 1, 366));
        var q = db.TemperatureReadings.AsNoTracking();
        q = alertsOnly ? q.Where(t => t.OutOfRange && t.ActionAt == null) : q.Where(t => t.ReadAt >= since);
        var rows = await q.OrderByDescending(t => t.ReadAt).Take(1000)
            .Join(db.Refrigerators, t => t.RefrigeratorId, f => f.Id, (t, f) => new { t, f.Name }).ToListAsync(ct);
        return rows.Select(x => ImmunizationMapping.ToDto(x.t, x.Name)).ToList();
    }
}
