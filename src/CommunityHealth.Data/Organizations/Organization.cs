using CommunityHealth.Domain.Organizations;

namespace CommunityHealth.Data.Organizations;

public sealed class District : IDistrictOwned
{
    public Guid Id { get; set; }
    public Guid DistrictId { get => Id; set => Id = value; }
    public string Name { get; set; } = "";
    public string DivisionCode { get; set; } = "";
}

public sealed class Organization : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    /// <summary>Equals <see cref="Id"/>: an organisation owns itself for scoping purposes.</summary>
    public Guid OrganizationId { get => Id; set => Id = value; }
    public Guid? ParentId { get; set; }
    public OrganizationKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string DivisionCode { get; set; } = "";
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>家庭医生团队: belongs to a center or station and covers grids.</summary>
public sealed class Team : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public Guid? LeaderId { get; set; }
    public bool IsActive { get; set; } = true;
    public List<Grid> Grids { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>网格/责任区: an area a team is responsible for.</summary>
public sealed class Grid : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid TeamId { get; set; }
    public string Name { get; set; } = "";
}
