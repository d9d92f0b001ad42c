using CommunityHealth.Data;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Staff;

public sealed record StaffDto(
    Guid Id, string UserName, string DisplayName, Guid OrganizationId, Guid? TeamId, IReadOnlyList<string> Roles,
    string? Phone, string? Title, bool IsActive, bool IsLockedOut);

/// <summary>What the staff slices share: the grant and team checks and the mapping.</summary>
public static class StaffMapping
{
    /// <summary>Roles the caller may grant, and a team of the account's organisation.</summary>
    public static async Task<Error?> CheckAsync(HealthDbContext db, StaffContext staff, Guid orgId, Guid? teamId, IEnumerable<string> roles, CancellationToken ct)
    {
        if (roles.FirstOrDefault(r => !Permissions.CanGrant(staff.Roles, r)) is { } denied)
            return new Invalid([new FieldError("roles", "error.staff.role_grant", denied)]);
        if (teamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t && x.OrganizationId == orgId, ct))
            return new Invalid("teamId", "error.staff.team_org");
        return null;
    }

    public static StaffDto ToDto(StaffUser u, DateTimeOffset now) => new(
        u.Id, u.UserName!, u.DisplayName, u.OrganizationId, u.TeamId, u.Roles.Select(r => r.Role).Order().ToList(),
        u.PhoneNumber, u.Title, u.IsActive, u.LockoutEnd is { } end && end > now);
}
