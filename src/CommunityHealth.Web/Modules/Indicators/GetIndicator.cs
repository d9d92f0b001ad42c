using CommunityHealth.Data.Organizations;
using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Indicators;

namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>One indicator for an organisation node and a period: numerator, denominator, value, target, met.</summary>
public sealed class GetIndicator(IndicatorEngine engine, IndicatorCatalogue catalogue)
{
    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/{code}", async (string code, Guid? org, string? period, CurrentUser user, GetIndicator h, CancellationToken ct) =>
                (await h.HandleAsync(await user.GetAsync(), code, org, period, ct)).ToResult(TypedResults.Ok))
            .WithSummary("One indicator for an organisation (default: the caller's) and a period (2025, 2025-MCH, 2025-Q3 or 2025-07 as the indicator's type; default: the running one)")
            .Produces<IndicatorValue>().ProducesValidationProblem().ProducesProblem(404);
        g.MapGet("/{code}/export", async (string code, Guid? org, string? period, CurrentUser user, GetIndicator h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(await user.GetAsync(), code, org, period, ct);
            return r.IsSuccess ? IndicatorExcel.File(IndicatorExcel.Values([r.Value]), $"{r.Value.Code}_{r.Value.Period}.xlsx") : Problems.From(r.Error!);
        }).WithSummary("The indicator's value as .xlsx");
    }

    public async Task<Outcome<IndicatorValue>> HandleAsync(StaffContext staff, string code, Guid? org, string? period, CancellationToken ct = default)
    {
        var resolved = await ResolveAsync(engine, catalogue, staff, code, org, period, ct);
        if (!resolved.IsSuccess) return resolved.Error!;
        var (info, node, p) = resolved.Value;
        return (await engine.ValuesAsync(info, [node], p, ct))[0];
    }

    /// <summary>What every indicator read checks first: the code (404), the organisation (in scope) and the period's shape.</summary>
    public static async Task<Outcome<(IndicatorInfo Info, Organization Node, ReportPeriod Period)>> ResolveAsync(IndicatorEngine engine, IndicatorCatalogue catalogue,
        StaffContext staff, string code, Guid? org, string? period, CancellationToken ct)
    {
        if (catalogue.Find(code) is not { } found) return new NotFound("indicator", code);
        var node = await engine.NodeAsync(staff, org, ct);
        if (!node.IsSuccess) return node.Error!;
        var p = engine.Period(found.Info, period);
        if (!p.IsSuccess) return p.Error!;
        return (found.Info, node.Value, p.Value);
    }
}
