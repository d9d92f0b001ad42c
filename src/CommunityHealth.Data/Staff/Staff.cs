using Microsoft.AspNetCore.Identity;

namespace CommunityHealth.Data.Staff;

/// <summary>A staff account (ASP.NET Core Identity user) working in one organisation.</summary>
public sealed class StaffUser : IdentityUser<Guid>, IScoped
{
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? TeamId { get; set; }
    public string DisplayName { get; set; } = "";
    public string? Title { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<StaffRoleAssignment> Roles { get; set; } = [];
}

public sealed class StaffRoleAssignment : IDistrictOwned
{
    public Guid DistrictId { get; set; }
    public Guid StaffId { get; set; }
    public string Role { get; set; } = "";
}
