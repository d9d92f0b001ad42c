using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>One organisation's figure of one group and year, beside how many of that group the records hold.</summary>
public sealed record PopulationFigureDto(Guid OrganizationId, string OrganizationName, int Year, string Group, string GroupName, int? Value, long? Resolved,
    long RecordsHeld, string? Source, string? Note, string? EnteredBy, DateTime? UpdatedAt);

/// <summary>The population figures of a node and its child organisations for a year, every group, entered or not.</summary>
public sealed class ListPopulationFigures(IndicatorEngine engine, IndicatorCatalogue catalogue, ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("", async (Guid? org, int? year, CurrentUser user, ListPopulationFigures h, CancellationToken ct) =>
                (await h.HandleAsync(await user.GetAsync(), org, year, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Population figures (denominators not in the records) of `org` and its child organisations for `year` (default this year)")
            .Produces<IReadOnlyList<PopulationFigureDto>>().ProducesValidationProblem();

    public async Task<Outcome<IReadOnlyList<PopulationFigureDto>>> HandleAsync(StaffContext staff, Guid? org, int? year, CancellationToken ct = default)
    {
        var y = year ?? engine.Today.Year;
        if (y < ReportPeriod.MinYear || y > engine.Today.Year + 1) return new Invalid([new FieldError("year", "error.range", ReportPeriod.MinYear, engine.Today.Year + 1)]);
        var node = await engine.NodeAsync(staff, org, ct);
        if (!node.IsSuccess) return node.Error!;
        var orgs = new[] { node.Value }.Concat(await engine.ChildrenAsync(node.Value, ct)).ToList();
        var ids = orgs.Select(o => o.Id).ToList();
        await using var db = dbs.For(staff);
        var stored = await db.PopulationFigures.AsNoTracking().Where(p => p.Year == y && ids.Contains(p.OrganizationId)).ToListAsync(ct);
        var figures = stored.ToDictionary(p => (p.OrganizationId, p.Group), p => p.Value);
        var asOf = new DateOnly(y, 12, 31) is var end && end > engine.Today ? engine.Today : new DateOnly(y, 12, 31);
        var rows = new List<PopulationFigureDto>();
        foreach (var group in catalogue.PopulationGroups)
        {
            var held = await RecordsHeldAsync(db, group, asOf, ct);
            foreach (var o in orgs)
            {
                var subtree = (await engine.SubtreeAsync(o, ct)).Select(s => s.Id).ToHashSet();
                var e = stored.FirstOrDefault(p => p.OrganizationId == o.Id && p.Group == group.Code);
                rows.Add(new PopulationFigureDto(o.Id, o.Name, y, group.Code, group.Name, e?.Value, await engine.FigureAsync(o, group.Code, figures, ct),
                    held.Where(h => subtree.Contains(h.Key)).Sum(h => h.Value), e?.Source, e?.Note, e?.EnteredBy, e?.UpdatedAt));
            }
        }
        return rows;
    }

    /// <summary>How many people of the group the records hold on <paramref name="asOf"/>, per managing organisation.</summary>
    public static async Task<Dictionary<Guid, long>> RecordsHeldAsync(Data.HealthDbContext db, PopulationGroupInfo group, DateOnly asOf, CancellationToken ct) =>
        (await group.RecordsByOrganization(db, asOf).GroupBy(o => o).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => (long)x.Count);
}
