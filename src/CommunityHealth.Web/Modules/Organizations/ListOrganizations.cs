using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

/// <summary>The organisations in the caller's data scope, ordered by division code.</summary>
public sealed class ListOrganizations(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/", async (CurrentUser user, ListOrganizations h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(await user.GetAsync(), ct)))
            .WithSummary("Organisations in the caller's data scope, ordered by division code");

    public async Task<IReadOnlyList<OrganizationDto>> HandleAsync(StaffContext staff, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var rows = await db.Organizations.AsNoTracking().OrderBy(o => o.DivisionCode).ToListAsync(ct);
        return rows.Select(OrganizationMapping.ToDto).ToList();
    }
}
