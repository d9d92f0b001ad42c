using CommunityHealth.Data.Organizations;
using CommunityHealth.Domain.Organizations;

namespace CommunityHealth.Web.Modules.Organizations;

public sealed record OrganizationDto(
    Guid Id, OrganizationKind Kind, string Name, string DivisionCode, Guid? ParentId, Guid? CenterId,
    string? Address, string? Phone, bool IsActive);

/// <summary>The mapping the organisation slices share (and the staff slices' text clean-up).</summary>
public static class OrganizationMapping
{
    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static OrganizationDto ToDto(Organization o) =>
        new(o.Id, o.Kind, o.Name, o.DivisionCode, o.ParentId, o.CenterId, o.Address, o.Phone, o.IsActive);
}
