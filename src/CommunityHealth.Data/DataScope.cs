namespace CommunityHealth.Data;

/// <summary>
/// The rows a context may see. A null member means "no restriction on that column"; all three null is
/// the unrestricted system scope (migrations, sign-in, background jobs). The default sees nothing.
/// </summary>
public sealed record DataScope(Guid? DistrictId, Guid? CenterId, Guid? OrganizationId)
{
    /// <summary>Which columns the scope restricts; each level gets its own compiled model with pure equality filters.</summary>
    public ScopeLevel Level =>
        DistrictId is null ? ScopeLevel.System
        : OrganizationId is not null ? ScopeLevel.Station
        : CenterId is not null ? ScopeLevel.Center
        : ScopeLevel.District;

    public static readonly DataScope System = new(null, null, null);
    public static readonly DataScope Nothing = new(Guid.Empty, Guid.Empty, Guid.Empty);

    public static DataScope District(Guid districtId) => new(districtId, null, null);
    public static DataScope Center(Guid districtId, Guid centerId) => new(districtId, centerId, null);
    public static DataScope Station(Guid districtId, Guid centerId, Guid stationId) => new(districtId, centerId, stationId);

    public bool Contains(IScoped row) =>
        (DistrictId is null || row.DistrictId == DistrictId)
        && (CenterId is null || row.CenterId == CenterId)
        && (OrganizationId is null || row.OrganizationId == OrganizationId);
}

public enum ScopeLevel { System, District, Center, Station }
