using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

/// <summary>One team with its grids and member count, inside the caller's data scope (404 outside it).</summary>
public sealed class GetTeam(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, GetTeam h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .Produces<TeamDto>().ProducesProblem(404);

    public async Task<Outcome<TeamDto>> HandleAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var t = await db.Teams.AsNoTracking().Include(x => x.Grids).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return new NotFound("Team", id.ToString());
        return TeamMapping.ToDto(t, await db.Users.CountAsync(u => u.TeamId == id, ct));
    }
}
