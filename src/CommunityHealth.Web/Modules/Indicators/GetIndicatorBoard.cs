using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Indicators;
using static CommunityHealth.Web.Platform.Text;

namespace CommunityHealth.Web.Modules.Indicators;

public sealed record BoardOrganization(Guid Id, string Name);

/// <summary>One indicator's row: the node's value and each child organisation's, in the order of <see cref="IndicatorBoard.Organizations"/>.</summary>
public sealed record BoardRow(string Code, string Name, string Programme, string ProgrammeName, string Period, decimal? Target, bool HigherIsBetter,
    IndicatorValue Total, IReadOnlyList<IndicatorValue> Cells);

public sealed record IndicatorBoard(int Year, Guid OrganizationId, string OrganizationName, IReadOnlyList<BoardOrganization> Organizations, IReadOnlyList<BoardRow> Rows);

/// <summary>
/// The bureau's view: every indicator of the catalogue × the node's child organisations for a year (each indicator in its own
/// period of that year: the calendar year, the MCH year ending in it, its last quarter or month). Served from the counts cache
/// until data changes (<see cref="IndicatorEngine"/>).
/// </summary>
public sealed class GetIndicatorBoard(IndicatorEngine engine, IndicatorCatalogue catalogue)
{
    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/board", async (Guid? org, string? period, string? programme, CurrentUser user, GetIndicatorBoard h, CancellationToken ct) =>
                (await h.HandleAsync(await user.GetAsync(), org, period, programme, ct)).ToResult(TypedResults.Ok))
            .WithSummary("All indicators × the child organisations of `org` for a year (`period`=2025; default this year), each cell against its target")
            .Produces<IndicatorBoard>().ProducesValidationProblem().ProducesProblem(404);
        g.MapGet("/board/export", async (Guid? org, string? period, string? programme, CurrentUser user, GetIndicatorBoard h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(await user.GetAsync(), org, period, programme, ct);
            return r.IsSuccess ? IndicatorExcel.File(ToExcel(r.Value), $"indicators_{r.Value.Year}.xlsx") : Problems.From(r.Error!);
        }).WithSummary("The board as .xlsx (indicators as rows, organisations as columns)");
    }

    public async Task<Outcome<IndicatorBoard>> HandleAsync(StaffContext staff, Guid? org, string? period, string? programme, CancellationToken ct = default)
    {
        if (programme is { Length: > 0 } && !catalogue.Programmes.Contains(programme)) return new NotFound("programme", programme);
        var year = engine.Today.Year;
        if (period is { Length: > 0 })
        {
            if (ReportPeriod.Parse(period) is not { Type: PeriodType.CalendarYear } p) return new Invalid([new FieldError("period", "error.indicator.period", "2025")]);
            if (p.Year > year) return new Invalid("period", "error.indicator.period_future");
            year = p.Year;
        }
        var node = await engine.NodeAsync(staff, org, ct);
        if (!node.IsSuccess) return node.Error!;
        var children = await engine.ChildrenAsync(node.Value, ct);
        var rows = new List<BoardRow>();
        foreach (var info in catalogue.All.Where(i => programme is not { Length: > 0 } || i.Programme == programme))
        {
            var p = ReportPeriod.OfYear(info.PeriodType, year);
            if (!p.HasBegun(engine.Today)) p = ReportPeriod.Containing(info.PeriodType, engine.Today);
            var values = await engine.ValuesAsync(info, [node.Value, .. children], p, ct);
            rows.Add(new BoardRow(info.Code, info.Name, info.Programme, ListIndicators.ProgrammeName(info.Programme), p.ToString(), info.TargetFor(p.To.Year),
                info.HigherIsBetter, values[0], values.Skip(1).ToList()));
        }
        return new IndicatorBoard(year, node.Value.Id, node.Value.Name, children.Select(c => new BoardOrganization(c.Id, c.Name)).ToList(), rows);
    }

    public static byte[] ToExcel(IndicatorBoard board) => IndicatorMath.Excel(new Dictionary<string, object>
    {
        [board.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)] = board.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { [L("指标")] = r.Name, [L("统计期")] = r.Period, [L("目标(%)")] = r.Target, [board.OrganizationName] = r.Total.Value };
            for (var i = 0; i < board.Organizations.Count; i++) row[board.Organizations[i].Name] = r.Cells[i].Value;
            return row;
        }).ToList(),
    });
}
