using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Staff;

public sealed record UpdateStaff(
    string? DisplayName, Guid? OrganizationId, Guid? TeamId, IReadOnlyList<string>? Roles, string? Phone, string? Title, bool? IsActive);

/// <summary>
/// Edits an account (name, organisation, team, roles, contacts) or deactivates it; a change of organisation, roles or
/// status signs it out everywhere. The handler keeps the suffix because the request's name is the API's (OpenAPI schema
/// <c>UpdateStaff</c>).
/// </summary>
public sealed class UpdateStaffHandler(ScopedDb dbs, TimeProvider clock, StaffStamps stamps, GetStaff get)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPut("/{id:guid}", async (Guid id, UpdateStaff cmd, CurrentUser user, UpdateStaffHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .Produces<StaffDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<StaffDto>> HandleAsync(StaffContext staff, Guid id, UpdateStaff cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return new NotFound("Staff", id.ToString());
        if (!staff.Can(Permission.StaffManage)) return new Forbidden();
        var orgId = cmd.OrganizationId ?? user.OrganizationId;
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        var roles = cmd.Roles ?? user.Roles.Select(r => r.Role).ToList();
        var draft = new StaffDraft(user.UserName, cmd.DisplayName ?? user.DisplayName, null, org?.Kind, roles, cmd.Phone, cmd.Title, IsNew: false);
        if (StaffRules.Validate(draft) is { } invalid) return invalid;
        var teamId = cmd.OrganizationId is not null && cmd.OrganizationId != user.OrganizationId && cmd.TeamId is null ? null : cmd.TeamId ?? user.TeamId;
        var newRoles = roles.Except(user.Roles.Select(r => r.Role)).ToList();
        if (await StaffMapping.CheckAsync(db, staff, org!.Id, teamId, newRoles, ct) is { } error) return error;
        if (cmd.IsActive == false && user.Id == staff.UserId) return new Invalid("isActive", "error.staff.self_deactivate");

        var closing = cmd.IsActive == false && user.IsActive;
        var sensitive = closing || org.Id != user.OrganizationId || !roles.ToHashSet().SetEquals(user.Roles.Select(r => r.Role));
        user.DisplayName = (cmd.DisplayName ?? user.DisplayName).Trim();
        user.OrganizationId = org.Id;
        user.CenterId = org.CenterId;
        user.TeamId = teamId;
        if (cmd.Phone is not null) user.PhoneNumber = OrganizationMapping.Clean(cmd.Phone);
        if (cmd.Title is not null) user.Title = OrganizationMapping.Clean(cmd.Title);
        if (cmd.IsActive is { } active) user.IsActive = active;
        db.StaffRoles.RemoveRange(user.Roles.Where(r => !roles.Contains(r.Role)));
        foreach (var r in roles.Distinct().Where(r => user.Roles.All(x => x.Role != r)))
            db.StaffRoles.Add(new StaffRoleAssignment { DistrictId = user.DistrictId, StaffId = user.Id, Role = r });
        if (sensitive) user.SecurityStamp = Guid.NewGuid().ToString("N"); // signs the account out everywhere
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(staff, "Staff", user.Id.ToString(), closing ? AuditActions.Close : AuditActions.Update, $"{user.UserName} {string.Join(',', roles)}");
        await db.SaveChangesAsync(ct);
        stamps.Evict(user.Id);
        return (await get.HandleAsync(staff, id, ct)).Value;
    }
}
