using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Organizations;

/// <summary>A family-doctor team (家庭医生团队) belongs to a center or station and covers grids (网格/责任区).</summary>
public static class TeamRules
{
    public const int NameMax = 60;
    public const int GridNameMax = 60;
    public const int MaxGrids = 50;

    public static Invalid? Validate(string? name, OrganizationKind? ownerKind, IReadOnlyList<string>? grids)
    {
        var v = new Validation().RequireText("name", name, NameMax);
        if (ownerKind is null) v.Add("organizationId", "error.required");
        else if (ownerKind == OrganizationKind.Bureau) v.Add("organizationId", "error.team.owner_kind");
        if (grids is not null)
        {
            if (grids.Count > MaxGrids) v.Add("grids", "error.team.too_many_grids", MaxGrids);
            if (grids.Any(string.IsNullOrWhiteSpace)) v.Add("grids", "error.team.grid_empty");
            else if (grids.Any(g => g.Trim().Length > GridNameMax)) v.Add("grids", "error.too_long", GridNameMax);
            else if (grids.Select(g => g.Trim()).Distinct().Count() != grids.Count) v.Add("grids", "error.team.grid_duplicate");
        }
        return v.ToError();
    }
}
