using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Staff;

/// <summary>Lifts a lockout after too many failed sign-ins.</summary>
public sealed class UnlockStaff(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/{id:guid}/unlock", async (Guid id, CurrentUser user, UnlockStaff h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .Produces<StaffDto>().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<StaffDto>> HandleAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return new NotFound("Staff", id.ToString());
        if (!staff.Can(Permission.StaffManage)) return new Forbidden();
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.Audit(staff, "Staff", user.Id.ToString(), AuditActions.Update, "unlocked");
        await db.SaveChangesAsync(ct);
        return StaffMapping.ToDto(user, clock.GetUtcNow());
    }
}
