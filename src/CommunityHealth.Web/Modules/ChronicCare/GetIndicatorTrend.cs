using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Web.Modules.ChronicCare;

public sealed record ChronicTrendPoint(string Month, int Managed, decimal? StandardRate, decimal? ControlRate);

/// <summary>The scope's rates at each month end of the year, over the year so far (the chart beside the report).</summary>
public sealed class GetIndicatorTrend(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators/trend", async (Programme programme, int? year, Guid? organizationId, CurrentUser user, GetIndicatorTrend h, TimeProvider clock, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), programme, year ?? clock.Today().Year, organizationId, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Monthly trend: the rates over the year so far at each month end").Produces<IReadOnlyList<ChronicTrendPoint>>();

    public async Task<Outcome<IReadOnlyList<ChronicTrendPoint>>> HandleAsync(StaffContext staff, Programme programme, int year, Guid? organizationId, CancellationToken ct = default)
    {
        var today = clock.Today();
        if (year < 2000 || year > today.Year) return new Invalid("year", "error.chronic.period");
        if (!Enum.IsDefined(programme)) return new Invalid("programme", "error.code_unknown");
        await using var db = dbs.For(staff);
        var points = new List<ChronicTrendPoint>();
        var from = new DateOnly(year, 1, 1);
        for (var month = 1; month <= 12; month++)
        {
            var end = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
            if (end > today) end = today;
            if (end < from || (month > 1 && new DateOnly(year, month, 1) > today)) break;
            var perOrg = await IndicatorCounts.CountsAsync(db, programme, from, end, organizationId, today, ct);
            var agg = new { Managed = perOrg.Sum(o => o.Managed), Standard = perOrg.Sum(o => o.Standard), Controlled = perOrg.Sum(o => o.Controlled) };
            points.Add(new ChronicTrendPoint($"{year}-{month:D2}", agg.Managed, IndicatorMath.Rate(agg.Standard, agg.Managed), IndicatorMath.Rate(agg.Controlled, agg.Managed)));
        }
        return points;
    }
}
