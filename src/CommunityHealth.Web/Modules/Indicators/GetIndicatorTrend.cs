using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Indicators;

namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>An indicator over the last N periods of its type (default 12), ending with the period asked (default: the running one).</summary>
public sealed class GetIndicatorTrend(IndicatorEngine engine, IndicatorCatalogue catalogue)
{
    public const int MaxPeriods = 24;

    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/{code}/trend", async (string code, Guid? org, int? periods, string? period, CurrentUser user, GetIndicatorTrend h, CancellationToken ct) =>
                (await h.HandleAsync(await user.GetAsync(), code, org, periods, period, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The indicator for the last `periods` periods (1–24, default 12) ending with `period`, oldest first")
            .Produces<IReadOnlyList<IndicatorValue>>().ProducesValidationProblem().ProducesProblem(404);
        g.MapGet("/{code}/trend/export", async (string code, Guid? org, int? periods, string? period, CurrentUser user, GetIndicatorTrend h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(await user.GetAsync(), code, org, periods, period, ct);
            return r.IsSuccess ? IndicatorExcel.File(IndicatorExcel.Values(r.Value), $"{code}_trend.xlsx") : Problems.From(r.Error!);
        }).WithSummary("The trend as .xlsx");
    }

    public async Task<Outcome<IReadOnlyList<IndicatorValue>>> HandleAsync(StaffContext staff, string code, Guid? org, int? periods, string? period, CancellationToken ct = default)
    {
        var resolved = await GetIndicator.ResolveAsync(engine, catalogue, staff, code, org, period, ct);
        if (!resolved.IsSuccess) return resolved.Error!;
        var n = periods ?? 12;
        if (n is < 1 or > MaxPeriods) return new Invalid([new FieldError("periods", "error.range", 1, MaxPeriods)]);
        var (info, node, p) = resolved.Value;
        var values = new List<IndicatorValue>();
        foreach (var each in p.Last(n)) values.AddRange(await engine.ValuesAsync(info, [node], each, ct));
        return values;
    }
}
