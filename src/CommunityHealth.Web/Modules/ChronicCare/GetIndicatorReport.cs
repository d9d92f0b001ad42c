using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>One organisation's (or the whole scope's) indicators for one programme and period.</summary>
public sealed record ChronicIndicatorRow(
    Programme Programme, Guid? OrganizationId, string OrganizationName, int Managed, int StandardManaged, int Controlled, decimal? StandardRate, decimal? ControlRate);

public sealed record ChronicIndicatorReport(DateOnly From, DateOnly To, IReadOnlyList<ChronicIndicatorRow> Rows);

/// <summary>规范管理率 and 血压/血糖控制率 per organisation and in total, both programmes, for a period within one year (<see cref="IndicatorCounts"/>).</summary>
public sealed class GetIndicatorReport(ScopedDb dbs, OrganizationCache organizations, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g)
    {
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators", async (DateOnly? from, DateOnly? to, CurrentUser user, GetIndicatorReport h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), from, to, ct)).ToResult(TypedResults.Ok))
            .WithSummary("规范管理率 and 血压/血糖控制率 per organisation for a period within one year (default: this year so far)")
            .Produces<ChronicIndicatorReport>().ProducesValidationProblem();
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators/export", async (DateOnly? from, DateOnly? to, CurrentUser user, GetIndicatorReport h, CancellationToken ct) =>
        {
            var outcome = await h.HandleAsync(await user.GetAsync(), from, to, ct);
            return outcome.IsSuccess ? Results.File(ToExcel(outcome.Value), IndicatorCounts.Xlsx, $"chronic-indicators-{outcome.Value.From:yyyyMMdd}-{outcome.Value.To:yyyyMMdd}.xlsx")
                : outcome.ToResult(TypedResults.Ok);
        }).WithSummary("The indicator report as Excel");
    }

    public async Task<Outcome<ChronicIndicatorReport>> HandleAsync(StaffContext staff, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var today = clock.Today();
        if (IndicatorCounts.Period(from, to, today) is not { } period) return new Invalid("to", "error.chronic.period");
        await using var db = dbs.For(staff);
        var rows = new List<ChronicIndicatorRow>();
        foreach (var programme in new[] { Programme.Hypertension, Programme.Diabetes })
        {
            var perOrg = await IndicatorCounts.CountsAsync(db, programme, period.From, period.To, null, today, ct);
            var names = await organizations.NamesAsync(perOrg.Select(o => o.OrganizationId), ct);
            var (m, s, c) = (perOrg.Sum(o => o.Managed), perOrg.Sum(o => o.Standard), perOrg.Sum(o => o.Controlled));
            rows.Add(new ChronicIndicatorRow(programme, null, Text.Get("chronic.total"), m, s, c, IndicatorMath.Rate(s, m), IndicatorMath.Rate(c, m)));
            rows.AddRange(perOrg.OrderBy(o => names.GetValueOrDefault(o.OrganizationId, "")).Select(o => new ChronicIndicatorRow(programme, o.OrganizationId,
                names.GetValueOrDefault(o.OrganizationId, ""), o.Managed, o.Standard, o.Controlled, IndicatorMath.Rate(o.Standard, o.Managed), IndicatorMath.Rate(o.Controlled, o.Managed))));
        }
        return new ChronicIndicatorReport(period.From, period.To, rows);
    }

    public static byte[] ToExcel(ChronicIndicatorReport report)
    {
        var rows = report.Rows.Select(r => new Dictionary<string, object?>
        {
            ["专案"] = ChronicMapping.ProgrammeName(r.Programme), ["机构"] = r.OrganizationName, ["管理人数"] = r.Managed, ["规范管理人数"] = r.StandardManaged,
            ["规范管理率(%)"] = r.StandardRate, ["控制人数（血压/血糖）"] = r.Controlled,
            ["控制率(%)"] = r.ControlRate,
        });
        return IndicatorMath.Excel(new Dictionary<string, object> { [$"{report.From:yyyyMMdd}-{report.To:yyyyMMdd}"] = rows });
    }
}
