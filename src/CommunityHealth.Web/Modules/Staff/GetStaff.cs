using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Staff;

/// <summary>One staff account with its roles, inside the caller's data scope (404 outside it).</summary>
public sealed class GetStaff(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, GetStaff h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .Produces<StaffDto>().ProducesProblem(404);

    public async Task<Outcome<StaffDto>> HandleAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var u = await db.Users.AsNoTracking().Include(x => x.Roles).FirstOrDefaultAsync(x => x.Id == id, ct);
        return u is null ? new NotFound("Staff", id.ToString()) : StaffMapping.ToDto(u, clock.GetUtcNow());
    }
}
