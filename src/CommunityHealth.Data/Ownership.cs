namespace CommunityHealth.Data;

/// <summary>Every table carries its district key (the future Citus distribution column).</summary>
public interface IDistrictOwned
{
    Guid DistrictId { get; set; }
}

/// <summary>
/// Rows that belong to a place in the organisation tree. <see cref="OrganizationId"/> is the owning
/// organisation; <see cref="CenterId"/> the center above it (itself when the owner is a center; null
/// for the bureau). Data scope compares these columns by equality so it stays index-friendly.
/// </summary>
public interface IScoped : IDistrictOwned
{
    Guid? CenterId { get; set; }
    Guid OrganizationId { get; set; }
}

/// <summary>
/// A row of one resident's history (an examination, a dose, a follow-up …). Transfers move these rows into the new
/// organisation and merges move them to the surviving record; one list of such tables serves both.
/// </summary>
public interface IResidentRow : IScoped
{
    Guid Id { get; set; }
    Guid ResidentId { get; set; }
}
