using System.Security.Claims;
using CommunityHealth.Data;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Account;

/// <summary>Checks a user name and password (with lockout) and builds the staff principal; shared by the sign-in page and the token endpoint.</summary>
public sealed class SignInHandler(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, HealthDbContext identityDb, ScopedDb dbs)
{
    public async Task<Outcome<ClaimsPrincipal>> CheckAsync(string? userName, string? password, string scheme, string? clientAddress, CancellationToken ct = default)
    {
        var v = new Validation().RequireText("username", userName, 64);
        if (string.IsNullOrEmpty(password)) v.Add("password", "error.required");
        if (v.ToError() is { } invalid) return invalid;

        var user = await users.FindByNameAsync(userName!.Trim());
        if (user is null)
        {
            users.PasswordHasher.HashPassword(new StaffUser(), password!); // same cost whether or not the account exists
            return new Forbidden("error.login.failed");
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password!, lockoutOnFailure: true);
        var who = new StaffContext(user.Id, user.UserName!, user.DisplayName, [], user.OrganizationId, default, user.CenterId, user.DistrictId, clientAddress);
        if (!result.Succeeded)
        {
            await AuditAsync(who, user, Data.Audit.AuditActions.SignInFailed, result.IsLockedOut ? "locked out" : null, ct);
            return new Forbidden(result.IsLockedOut ? "error.login.locked" : "error.login.failed");
        }
        if (!user.IsActive) return new Forbidden("error.login.inactive");

        var org = await identityDb.Organizations.AsNoTracking().FirstAsync(o => o.Id == user.OrganizationId, ct);
        if (!org.IsActive) return new Forbidden("error.login.inactive");
        user.Roles = await identityDb.StaffRoles.AsNoTracking().Where(r => r.StaffId == user.Id).ToListAsync(ct);
        await AuditAsync(who with { Roles = user.Roles.Select(r => r.Role).ToArray() }, user, Data.Audit.AuditActions.SignIn, scheme, ct);
        return StaffContext.ToPrincipal(user, org.Kind, scheme);
    }

    /// <summary>
    /// A sign-in (or a failed one) is a write of its own: its row is stored before the answer, in its own save
    /// (docs/decisions/0013). A fresh context, because the identity context tracks the user with roles read untracked.
    /// </summary>
    private async Task AuditAsync(StaffContext who, StaffUser user, string action, string? detail, CancellationToken ct)
    {
        await using var db = dbs.System();
        db.Audit(who, "Staff", user.Id.ToString(), action, detail);
        await db.SaveChangesAsync(ct);
    }
}
