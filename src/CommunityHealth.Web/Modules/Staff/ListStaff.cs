using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Staff;

public sealed record StaffQuery(Guid? OrganizationId = null, string? Role = null, string? Search = null);

/// <summary>The staff accounts in the caller's scope, filtered by organisation, role or name (at most 1,000).</summary>
public sealed class ListStaff(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/", async (Guid? organizationId, string? role, string? search, CurrentUser user, ListStaff h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(await user.GetAsync(), new StaffQuery(organizationId, role, search), ct)));

    public async Task<IReadOnlyList<StaffDto>> HandleAsync(StaffContext staff, StaffQuery query, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var q = db.Users.AsNoTracking();
        if (query.OrganizationId is { } org) q = q.Where(u => u.OrganizationId == org);
        if (!string.IsNullOrWhiteSpace(query.Role)) q = q.Where(u => u.Roles.Any(r => r.Role == query.Role));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            var upper = s.ToUpperInvariant();
            q = q.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(s));
        }
        var now = clock.GetUtcNow();
        var rows = await q.Include(u => u.Roles).OrderBy(u => u.OrganizationId).ThenBy(u => u.UserName).Take(1000).ToListAsync(ct);
        return rows.Select(u => StaffMapping.ToDto(u, now)).ToList();
    }
}
