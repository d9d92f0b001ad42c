using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Staff;

public sealed record StaffDto(
    Guid Id, string UserName, string DisplayName, Guid OrganizationId, Guid? TeamId, IReadOnlyList<string> Roles,
    string? Phone, string? Title, bool IsActive, bool IsLockedOut);

public sealed record CreateStaff(
    string? UserName, string? DisplayName, string? Password, Guid? OrganizationId, Guid? TeamId,
    IReadOnlyList<string>? Roles, string? Phone, string? Title);

public sealed record UpdateStaff(
    string? DisplayName, Guid? OrganizationId, Guid? TeamId, IReadOnlyList<string>? Roles, string? Phone, string? Title, bool? IsActive);

public sealed record ResetPassword(string? Password);

public sealed record StaffQuery(Guid? OrganizationId = null, string? Role = null, string? Search = null);

/// <summary>Staff accounts: create, edit, roles, team, deactivate, unlock, reset password.</summary>
public sealed class StaffHandlers(ScopedDb dbs, UserManager<StaffUser> users, HealthDbContext identityDb, TimeProvider clock, StaffStamps stamps)
{
    public async Task<IReadOnlyList<StaffDto>> ListAsync(StaffContext staff, StaffQuery query, CancellationToken ct = default)
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
        return rows.Select(u => ToDto(u, now)).ToList();
    }

    public async Task<Outcome<StaffDto>> GetAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var u = await db.Users.AsNoTracking().Include(x => x.Roles).FirstOrDefaultAsync(x => x.Id == id, ct);
        return u is null ? new NotFound("Staff", id.ToString()) : ToDto(u, clock.GetUtcNow());
    }

    public async Task<Outcome<StaffDto>> CreateAsync(StaffContext staff, CreateStaff cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.StaffManage)) return new Forbidden();
        await using var db = dbs.For(staff);
        var org = cmd.OrganizationId is { } oid ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        var userName = cmd.UserName?.Trim();
        var draft = new StaffDraft(userName, cmd.DisplayName, cmd.Password, org?.Kind, cmd.Roles, cmd.Phone, cmd.Title, IsNew: true);
        if (StaffRules.Validate(draft) is { } invalid) return invalid;
        if (await CheckAsync(db, staff, org!.Id, cmd.TeamId, cmd.Roles!, ct) is { } error) return error;
        if (await users.FindByNameAsync(userName!) is not null) return new Conflict("userName", "error.staff.username_taken");

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = userName, DisplayName = cmd.DisplayName!.Trim(),
            DistrictId = org.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, TeamId = cmd.TeamId,
            PhoneNumber = Organizations.OrganizationMapping.Clean(cmd.Phone), Title = Organizations.OrganizationMapping.Clean(cmd.Title),
            LockoutEnabled = true, CreatedAt = now, UpdatedAt = now,
        };
        user.Roles = cmd.Roles!.Distinct().Select(r => new StaffRoleAssignment { DistrictId = org.DistrictId, StaffId = user.Id, Role = r }).ToList();
        // the user store saves through the scope's identity context: the audit row rides in that save
        identityDb.Audit(staff, "Staff", user.Id.ToString(), AuditActions.Create, $"{user.UserName} {string.Join(',', user.Roles.Select(r => r.Role))}");
        IdentityResult result;
        try { result = await users.CreateAsync(user, cmd.Password!); }
        finally { identityDb.DiscardAudit(); } // a refused account (no save) leaves no row behind for the scope's next save
        if (!result.Succeeded) return IdentityErrors(result);
        return ToDto(user, clock.GetUtcNow());
    }

    public async Task<Outcome<StaffDto>> UpdateAsync(StaffContext staff, Guid id, UpdateStaff cmd, CancellationToken ct = default)
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
        if (await CheckAsync(db, staff, org!.Id, teamId, newRoles, ct) is { } error) return error;
        if (cmd.IsActive == false && user.Id == staff.UserId) return new Invalid("isActive", "error.staff.self_deactivate");

        var closing = cmd.IsActive == false && user.IsActive;
        var sensitive = closing || org.Id != user.OrganizationId || !roles.ToHashSet().SetEquals(user.Roles.Select(r => r.Role));
        user.DisplayName = (cmd.DisplayName ?? user.DisplayName).Trim();
        user.OrganizationId = org.Id;
        user.CenterId = org.CenterId;
        user.TeamId = teamId;
        if (cmd.Phone is not null) user.PhoneNumber = Organizations.OrganizationMapping.Clean(cmd.Phone);
        if (cmd.Title is not null) user.Title = Organizations.OrganizationMapping.Clean(cmd.Title);
        if (cmd.IsActive is { } active) user.IsActive = active;
        db.StaffRoles.RemoveRange(user.Roles.Where(r => !roles.Contains(r.Role)));
        foreach (var r in roles.Distinct().Where(r => user.Roles.All(x => x.Role != r)))
            db.StaffRoles.Add(new StaffRoleAssignment { DistrictId = user.DistrictId, StaffId = user.Id, Role = r });
        if (sensitive) user.SecurityStamp = Guid.NewGuid().ToString("N"); // signs the account out everywhere
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(staff, "Staff", user.Id.ToString(), closing ? AuditActions.Close : AuditActions.Update, $"{user.UserName} {string.Join(',', roles)}");
        await db.SaveChangesAsync(ct);
        stamps.Evict(user.Id);
        return (await GetAsync(staff, id, ct)).Value;
    }

    public async Task<Outcome<StaffDto>> ResetPasswordAsync(StaffContext staff, Guid id, ResetPassword cmd, CancellationToken ct = default)
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
        return ToDto(user, clock.GetUtcNow());
    }

    public async Task<Outcome<StaffDto>> UnlockAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return new NotFound("Staff", id.ToString());
        if (!staff.Can(Permission.StaffManage)) return new Forbidden();
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.Audit(staff, "Staff", user.Id.ToString(), AuditActions.Update, "unlocked");
        await db.SaveChangesAsync(ct);
        return ToDto(user, clock.GetUtcNow());
    }

    private static async Task<Error?> CheckAsync(HealthDbContext db, StaffContext staff, Guid orgId, Guid? teamId, IEnumerable<string> roles, CancellationToken ct)
    {
        if (roles.FirstOrDefault(r => !Permissions.CanGrant(staff.Roles, r)) is { } denied)
            return new Invalid([new FieldError("roles", "error.staff.role_grant", denied)]);
        if (teamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t && x.OrganizationId == orgId, ct))
            return new Invalid("teamId", "error.staff.team_org");
        return null;
    }

    private static Error IdentityErrors(IdentityResult result)
    {
        var errors = result.Errors.Select(e => e.Code switch
        {
            "DuplicateUserName" => new FieldError("userName", "error.staff.username_taken"),
            "InvalidUserName" => new FieldError("userName", "error.staff.username_chars"),
            var c when c.StartsWith("Password", StringComparison.Ordinal) => new FieldError("password", "error.staff.password_weak"),
            _ => new FieldError("", "error.invalid"),
        }).ToList();
        return new Invalid(errors);
    }

    public static StaffDto ToDto(StaffUser u, DateTimeOffset now) => new(
        u.Id, u.UserName!, u.DisplayName, u.OrganizationId, u.TeamId, u.Roles.Select(r => r.Role).Order().ToList(),
        u.PhoneNumber, u.Title, u.IsActive, u.LockoutEnd is { } end && end > now);
}
