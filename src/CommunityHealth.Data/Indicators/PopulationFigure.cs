namespace CommunityHealth.Data.Indicators;

/// <summary>
/// A population figure that is not in the records (常住人口, estimated children 0–6, residents 65+, estimated hypertension and
/// diabetes patients), entered per organisation and year by bureau or center staff with its source, and used as the
/// denominator of the indicators that need it. One row per organisation, year and group; a correction overwrites it (the
/// audit keeps the earlier value).
/// </summary>
public sealed class PopulationFigure : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public int Year { get; set; }
    /// <summary>The group's code (Web: <c>PopulationGroup</c>), e.g. "residents", "elderly65", "hypertension".</summary>
    public string Group { get; set; } = "";
    public int Value { get; set; }
    /// <summary>Where the figure comes from (统计年鉴, 第七次人口普查, 患病率估算 …).</summary>
    public string Source { get; set; } = "";
    public string? Note { get; set; }
    public Guid? EnteredById { get; set; }
    public string EnteredBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
