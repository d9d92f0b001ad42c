namespace CommunityHealth.Domain.Organizations;

/// <summary>The three levels of a district's community health network.</summary>
public enum OrganizationKind
{
    /// <summary>区卫生局 — the district health bureau, root of the tree.</summary>
    Bureau = 1,
    /// <summary>社区卫生服务中心 — a community health service center, child of the bureau.</summary>
    Center = 2,
    /// <summary>社区卫生服务站 — a community health service station, child of a center.</summary>
    Station = 3,
}

public static class OrganizationKinds
{
    /// <summary>The kind a parent of <paramref name="kind"/> must have; null for the bureau (no parent).</summary>
    public static OrganizationKind? RequiredParent(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Bureau => null,
        OrganizationKind.Center => OrganizationKind.Bureau,
        OrganizationKind.Station => OrganizationKind.Center,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Length of the division code that identifies an organisation of this kind.</summary>
    public static int DivisionCodeLength(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Bureau => 6,   // county (GB/T 2260)
        OrganizationKind.Center => 9,   // + township/street (GB/T 10114)
        OrganizationKind.Station => 12, // + village/residents' committee
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
