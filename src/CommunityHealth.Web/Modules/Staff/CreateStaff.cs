using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Staff;

public sealed record CreateStaff(
    string? UserName, string? DisplayName, string? Password, Guid? OrganizationId, Guid? TeamId,
    IReadOnlyList<string>? Roles, string? Phone, string? Title);

/// <summary>
/// A new staff account with its roles and team, created through the identity user store. The handler keeps the suffix
/// because the request's name is the API's (OpenAPI schema <c>CreateStaff</c>).
/// </summary>
public sealed class CreateStaffHandler(ScopedDb dbs, UserManager<StaffUser> users, HealthDbContext identityDb, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/", async (CreateStaff cmd, CurrentUser user, CreateStaffHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(s => TypedResults.Created($"/api/staff/{s.Id}", s)))
            .Produces<StaffDto>(201).ProducesValidationProblem().ProducesProblem(403);

    public async Task<Outcome<StaffDto>> HandleAsync(StaffContext staff, CreateStaff cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.StaffManage)) return new Forbidden();
        await using var db = dbs.For(staff);
        var org = cmd.OrganizationId is { } oid ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        var userName = cmd.UserName?.Trim();
        var draft = new StaffDraft(userName, cmd.DisplayName, cmd.Password, org?.Kind, cmd.Roles, cmd.Phone, cmd.Title, IsNew: true);
        if (StaffRules.Validate(draft) is { } invalid) return invalid;
        if (await StaffMapping.CheckAsync(db, staff, org!.Id, cmd.TeamId, cmd.Roles!, ct) is { } error) return error;
        if (await users.FindByNameAsync(userName!) is not null) return new Conflict("userName", "error.staff.username_taken");

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = userName, DisplayName = cmd.DisplayName!.Trim(),
            DistrictId = org.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, TeamId = cmd.TeamId,
            PhoneNumber = OrganizationMapping.Clean(cmd.Phone), Title = OrganizationMapping.Clean(cmd.Title),
            LockoutEnabled = true, CreatedAt = now, UpdatedAt = now,
        };
        user.Roles = cmd.Roles!.Distinct().Select(r => new StaffRoleAssignment { DistrictId = org.DistrictId, StaffId = user.Id, Role = r }).ToList();
        // the user store saves through the scope's identity context: the audit row rides in that save
        identityDb.Audit(staff, "Staff", user.Id.ToString(), AuditActions.Create, $"{user.UserName} {string.Join(',', user.Roles.Select(r => r.Role))}");
        IdentityResult result;
        try { result = await users.CreateAsync(user, cmd.Password!); }
        finally { identityDb.DiscardAudit(); } // a refused account (no save) leaves no row behind for the scope's next save
        if (!result.Succeeded) return IdentityErrors(result);
        return StaffMapping.ToDto(user, clock.GetUtcNow());
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
}
