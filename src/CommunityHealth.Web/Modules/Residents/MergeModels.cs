using CommunityHealth.Data.Residents;

namespace CommunityHealth.Web.Modules.Residents;

public sealed record DuplicateCandidate(ResidentSummary Record, IReadOnlyList<ResidentSummary> Matches, string Reason);

public sealed record MergeCommand(Guid? DuplicateId, string? Reason);

public sealed record MergeDto(Guid Id, Guid SurvivorId, Guid MergedId, DateTime At, string UserName, string Reason, DateTime? UndoneAt);

/// <summary>What the merge slices share: the DTO and the record fields a merge may fill on the survivor (and an undo clears).</summary>
internal static class MergeMapping
{
    public static MergeDto ToDto(ResidentMerge m) => new(m.Id, m.SurvivorId, m.MergedId, m.At, m.UserName, m.Reason, m.UndoneAt);

    public static IEnumerable<(string Name, Func<Resident, string?> Get, Action<Resident, string?> Set)> FillableFields() =>
    [
        ("phone", r => r.Phone, (r, v) => r.Phone = v),
        ("workUnit", r => r.WorkUnit, (r, v) => r.WorkUnit = v),
        ("contactName", r => r.ContactName, (r, v) => r.ContactName = v),
        ("contactPhone", r => r.ContactPhone, (r, v) => r.ContactPhone = v),
        ("address", r => r.Address, (r, v) => r.Address = v),
        ("abo", r => r.Abo, (r, v) => r.Abo = v),
        ("rh", r => r.Rh, (r, v) => r.Rh = v),
        ("education", r => r.Education, (r, v) => r.Education = v),
        ("occupation", r => r.Occupation, (r, v) => r.Occupation = v),
        ("marital", r => r.Marital, (r, v) => r.Marital = v),
    ];
}
