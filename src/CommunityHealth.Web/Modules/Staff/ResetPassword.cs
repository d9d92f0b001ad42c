using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Staff;

public sealed record ResetPassword(string? Password);

/// <summary>
/// An administrator sets a new password: the account is unlocked and signed out everywhere. The handler keeps the suffix
/// because the request's name is the API's (OpenAPI schema <c>ResetPassword</c>).
/// </summary>
public sealed class ResetPasswordHandler(ScopedDb dbs, UserManager<StaffUser> users, TimeProvider clock, StaffStamps stamps)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/{id:guid}/password", async (Guid id, ResetPassword cmd, CurrentUser user, ResetPasswordHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .Produces<StaffDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<StaffDto>> HandleAsync(StaffContext staff, Guid id, ResetPassword cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return new NotFound("Staff", id.ToString());
        if (!staff.Can(Permission.StaffManage)) return new Forbidden();
        if (StaffRules.CheckPassword(cmd.Password, user.UserName) is { } weak) return new Invalid("password", weak);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, cmd.Password!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(staff, "Staff", user.Id.ToString(), AuditActions.Update, "password reset");
        await db.SaveChangesAsync(ct);
        stamps.Evict(user.Id);
        return StaffMapping.ToDto(user, clock.GetUtcNow());
    }
}
