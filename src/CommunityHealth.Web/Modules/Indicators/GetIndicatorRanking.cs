using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Indicators;

namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>The node's value and its child organisations' (the bureau's centers, a center's stations), best first.</summary>
public sealed record IndicatorRanking(IndicatorValue Total, IReadOnlyList<IndicatorValue> Children);

/// <summary>Ranks the child organisations of a node on one indicator (the bar chart with the target line).</summary>
public sealed class GetIndicatorRanking(IndicatorEngine engine, IndicatorCatalogue catalogue)
{
    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/{code}/ranking", async (string code, Guid? org, string? period, CurrentUser user, GetIndicatorRanking h, CancellationToken ct) =>
                (await h.HandleAsync(await user.GetAsync(), code, org, period, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The child organisations of `org` on the indicator, best first (higher or lower as the indicator says)")
            .Produces<IndicatorRanking>().ProducesValidationProblem().ProducesProblem(404);
        g.MapGet("/{code}/ranking/export", async (string code, Guid? org, string? period, CurrentUser user, GetIndicatorRanking h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(await user.GetAsync(), code, org, period, ct);
            return r.IsSuccess ? IndicatorExcel.File(IndicatorExcel.Values([r.Value.Total, .. r.Value.Children]), $"{code}_ranking.xlsx") : Problems.From(r.Error!);
        }).WithSummary("The ranking as .xlsx");
    }

    public async Task<Outcome<IndicatorRanking>> HandleAsync(StaffContext staff, string code, Guid? org, string? period, CancellationToken ct = default)
    {
        var resolved = await GetIndicator.ResolveAsync(engine, catalogue, staff, code, org, period, ct);
        if (!resolved.IsSuccess) return resolved.Error!;
        var (info, node, p) = resolved.Value;
        var children = await engine.ChildrenAsync(node, ct);
        var values = await engine.ValuesAsync(info, [node, .. children], p, ct);
        var ranked = values.Skip(1).OrderBy(v => v.Value is null).ThenBy(v => info.HigherIsBetter ? -(v.Value ?? 0) : v.Value ?? 0).ThenBy(v => v.OrganizationName, StringComparer.Ordinal).ToList();
        return new IndicatorRanking(values[0], ranked);
    }
}
