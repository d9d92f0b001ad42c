using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Web.Modules.Residents;

public sealed class SearchResidents(ScopedDb dbs, IResidentReads reads, TimeProvider clock)
{
    public const int MaxResults = 50;
    public const int MaxExport = 10_000;

    public async Task<Outcome<IReadOnlyList<ResidentSummary>>> HandleAsync(StaffContext staff, string? text, bool includeClosed = true, CancellationToken ct = default, int limit = MaxResults)
    {
        if (ResidentSearch.Parse(text) is not { } parsed) return new Invalid("q", "error.resident.search_empty");
        await using var db = dbs.For(staff);
        var rows = await reads.SearchAsync(db, parsed.Kind, parsed.Value, includeClosed, Math.Clamp(limit, 1, MaxExport), ct);
        var today = clock.Today();
        return rows.Select(r => ResidentMapping.Summary(r.Id, r.Name, r.Sex, r.BirthDate, r.DocumentNumber, r.Phone, r.RecordNumber, r.OrganizationId, r.TeamId, r.Status, today)).ToList();
    }
}
