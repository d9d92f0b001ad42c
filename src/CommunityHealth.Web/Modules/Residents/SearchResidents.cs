using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Web.Modules.Residents;

public sealed class SearchResidents(ScopedDb dbs, IResidentReads reads, TimeProvider clock)
{
    public const int MaxResults = 50;
    public const int MaxExport = 10_000;

    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/", async (string? q, bool? includeClosed, CurrentUser user, SearchResidents h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), q, includeClosed ?? true, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Search by name prefix, pinyin initials, ID number (full, last 4 or 6), phone, record number (17 digits or last 8)")
            .Produces<IReadOnlyList<ResidentSummary>>().ProducesValidationProblem();

    public async Task<Outcome<IReadOnlyList<ResidentSummary>>> HandleAsync(StaffContext staff, string? text, bool includeClosed = true, CancellationToken ct = default, int limit = MaxResults)
    {
        if (ResidentSearch.Parse(text) is not { } parsed) return new Invalid("q", "error.resident.search_empty");
        await using var db = dbs.For(staff);
        var rows = await reads.SearchAsync(db, parsed.Kind, parsed.Value, includeClosed, Math.Clamp(limit, 1, MaxExport), ct);
        var today = clock.Today();
        return rows.Select(r => ResidentMapping.Summary(r.Id, r.Name, r.Sex, r.BirthDate, r.DocumentNumber, r.Phone, r.RecordNumber, r.OrganizationId, r.TeamId, r.Status, today)).ToList();
    }
}
