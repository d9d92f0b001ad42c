using System.Security.Claims;
using CommunityHealth.Data;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Web.Platform;

/// <summary>Claim types the system puts in cookies and bearer tokens.</summary>
public static class StaffClaims
{
    public const string DisplayName = "display_name";
    public const string Organization = "org";
    public const string OrganizationKind = "org_kind";
    public const string Center = "center";
    public const string District = "district";
}

/// <summary>The signed-in staff member as the handlers see it: identity, roles, organisation and data scope.</summary>
public sealed record StaffContext(
    Guid UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles,
    Guid OrganizationId, OrganizationKind OrganizationKind, Guid? CenterId, Guid DistrictId, string? ClientAddress)
{
    public DataScope Scope => OrganizationKind switch
    {
        OrganizationKind.Bureau => DataScope.District(DistrictId),
        OrganizationKind.Center => DataScope.Center(DistrictId, OrganizationId),
        _ => DataScope.Station(DistrictId, CenterId!.Value, OrganizationId),
    };

    public static StaffContext? FromPrincipal(ClaimsPrincipal principal, string? clientAddress)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(StaffClaims.Organization), out var org)
            || !Guid.TryParse(principal.FindFirstValue(StaffClaims.District), out var district)
            || !Enum.TryParse<OrganizationKind>(principal.FindFirstValue(StaffClaims.OrganizationKind), out var kind))
            return null;
        Guid? center = Guid.TryParse(principal.FindFirstValue(StaffClaims.Center), out var c) ? c : null;
        return new StaffContext(userId, principal.Identity.Name ?? "", principal.FindFirstValue(StaffClaims.DisplayName) ?? "",
            principal.FindAll(ClaimTypes.Role).Select(r => r.Value).ToArray(), org, kind, center, district, clientAddress);
    }

    public static ClaimsPrincipal ToPrincipal(Data.Staff.StaffUser user, OrganizationKind kind, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName!),
            new(StaffClaims.DisplayName, user.DisplayName),
            new(StaffClaims.Organization, user.OrganizationId.ToString()),
            new(StaffClaims.OrganizationKind, kind.ToString()),
            new(StaffClaims.District, user.DistrictId.ToString()),
            new("stamp", user.SecurityStamp ?? ""),
        };
        if (user.CenterId is { } center) claims.Add(new(StaffClaims.Center, center.ToString()));
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.Role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

public static class StaffPermissions
{
    /// <summary>Whether the staff member's roles hold <paramref name="permission"/> in the one permission table.</summary>
    public static bool Can(this StaffContext staff, Permission permission) => Permissions.Allows(staff.Roles, permission);
}
