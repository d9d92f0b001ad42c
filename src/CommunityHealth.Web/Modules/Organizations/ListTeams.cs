using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

/// <summary>The family-doctor teams (家庭医生团队) in the caller's scope, optionally of one organisation, with their grids and member counts.</summary>
public sealed class ListTeams(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/", async (Guid? organizationId, CurrentUser user, ListTeams h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(await user.GetAsync(), organizationId, ct)));

    public async Task<IReadOnlyList<TeamDto>> HandleAsync(StaffContext staff, Guid? organizationId = null, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var q = db.Teams.AsNoTracking();
        if (organizationId is { } org) q = q.Where(t => t.OrganizationId == org);
        return await q.OrderBy(t => t.OrganizationId).ThenBy(t => t.Name)
            .Select(t => new TeamDto(t.Id, t.OrganizationId, t.Name, t.LeaderId, t.IsActive,
                t.Grids.OrderBy(g => g.Name).Select(g => g.Name).ToList(), db.Users.Count(u => u.TeamId == t.Id)))
            .ToListAsync(ct);
    }
}
