using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Modules.Immunization;
using CommunityHealth.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;
using static CommunityHealth.Web.Platform.Text;

namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>Which people of an indicator: those counted in the numerator, the whole denominator, or the gap (denominator − numerator: whom a team acts on).</summary>
public enum PeopleSet { Numerator = 1, Denominator = 2, Gap = 3 }

public sealed record IndicatorPersonRow(Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string Age, string RecordNumber, string Phone, string? Address,
    Guid OrganizationId, string OrganizationName, bool InNumerator);

public sealed record IndicatorPeoplePage(string Code, string Period, PeopleSet Set, int Total, int Page, int PageSize, IReadOnlyList<IndicatorPersonRow> Items);

/// <summary>
/// The people behind an indicator's number for a node and period, one page at a time (phones masked, as in every list).
/// The sets come from the indicator's one people query, so numerator ⊆ denominator and gap = denominator − numerator hold
/// by construction; the total is the count the number was computed from.
/// </summary>
public sealed class ListIndicatorPeople(IndicatorEngine engine, IndicatorCatalogue catalogue, ScopedDb dbs)
{
    public const int MaxPageSize = 500, MaxExport = 100_000;

    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/{code}/people", async (string code, Guid? org, string? period, string? set, int? page, int? pageSize, CurrentUser user, ListIndicatorPeople h, CancellationToken ct) =>
                (await h.HandleAsync(await user.GetAsync(), code, org, period, ParseSet(set), page, pageSize, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The residents behind the indicator: set=numerator|denominator|gap (default gap), one page (pageSize 1–500, default 100) and the total")
            .Produces<IndicatorPeoplePage>().ProducesValidationProblem().ProducesProblem(404);
        g.MapGet("/{code}/people/export", async (string code, Guid? org, string? period, string? set, CurrentUser user, ListIndicatorPeople h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(await user.GetAsync(), code, org, period, ParseSet(set), 1, MaxExport, ct, MaxExport);
            return r.IsSuccess
                ? ReadAuditEndpoints.Export(IndicatorExcel.File(ToExcel(r.Value), $"{r.Value.Code}_{r.Value.Period}_{r.Value.Set.ToString().ToLowerInvariant()}.xlsx"), r.Value.Items)
                : Problems.From(r.Error!);
        }).WithSummary("The set as .xlsx (at most 100,000 rows)");
    }

    /// <summary>numerator | denominator | gap, any case (default gap); anything else is refused by the handler.</summary>
    public static PeopleSet ParseSet(string? set) => string.IsNullOrEmpty(set) ? PeopleSet.Gap
        : Enum.TryParse<PeopleSet>(set, true, out var s) && Enum.IsDefined(s) && !int.TryParse(set, out _) ? s : 0;

    public async Task<Outcome<IndicatorPeoplePage>> HandleAsync(StaffContext staff, string code, Guid? org, string? period, PeopleSet set, int? page, int? pageSize,
        CancellationToken ct = default, int maxPageSize = MaxPageSize)
    {
        var resolved = await GetIndicator.ResolveAsync(engine, catalogue, staff, code, org, period, ct);
        if (!resolved.IsSuccess) return resolved.Error!;
        if (!Enum.IsDefined(set)) return new Invalid("set", "error.code_unknown");
        var (info, node, p) = resolved.Value;
        if (!info.DenominatorIsPeople && set != PeopleSet.Numerator) return new Invalid("set", "error.indicator.set_population");
        var paging = PageRequest.Of(page, pageSize, maxPageSize);
        if (!paging.IsSuccess) return paging.Error!;
        var pg = paging.Value;
        var value = (await engine.ValuesAsync(info, [node], p, ct))[0];
        var total = (int)(set switch
        {
            PeopleSet.Numerator => value.Numerator,
            PeopleSet.Denominator => value.Denominator ?? 0,
            _ => (value.Denominator ?? 0) - value.Numerator,
        });
        if (pg.Skip >= total) return new IndicatorPeoplePage(info.Code, p.ToString(), set, total, pg.Page, pg.PageSize, []);
        var orgIds = (await engine.SubtreeAsync(node, ct)).Select(o => o.Id).ToList();
        var range = IndicatorRange.Of(p, engine.Today);
        await using var db = dbs.For(staff);
        var (_, source) = catalogue.Find(info.Code)!.Value;
        var people = source.People(db, info.Code, range).Where(x => orgIds.Contains(x.OrganizationId));
        people = set switch { PeopleSet.Numerator => people.Where(x => x.InNumerator), PeopleSet.Gap => people.Where(x => !x.InNumerator), _ => people };
        var rows = await people.OrderBy(x => x.ResidentId).Skip(pg.Skip).Take(pg.PageSize)
            .Join(db.Residents, x => x.ResidentId, r => r.Id, (x, r) => new { x.ResidentId, x.OrganizationId, x.InNumerator, r.Name, r.Sex, r.BirthDate, r.RecordNumber, r.Phone, r.Address })
            .ToListAsync(ct);
        var names = await engine.OrganizationNamesAsync(rows.Select(r => r.OrganizationId), ct);
        var today = engine.Today;
        return new IndicatorPeoplePage(info.Code, p.ToString(), set, total, pg.Page, pg.PageSize, rows.Select(r => new IndicatorPersonRow(
            r.ResidentId, r.Name, r.Sex, r.BirthDate, VaccinationWorkList.AgeText(r.BirthDate, today), r.RecordNumber,
            r.Phone is { Length: > 0 } ph ? PhoneNumber.Mask(ph) : "", r.Address, r.OrganizationId, names.GetValueOrDefault(r.OrganizationId, ""), r.InNumerator)).ToList());
    }

    public static byte[] ToExcel(IndicatorPeoplePage page) => IndicatorMath.Excel(new Dictionary<string, object>
    {
        [page.Period] = page.Items.Select(p => new Dictionary<string, object?>
        {
            [L("姓名")] = p.Name, [L("性别")] = p.Sex == "1" ? L("男") : p.Sex == "2" ? L("女") : "", [L("出生日期")] = p.BirthDate.ToString("yyyy-MM-dd"), [L("年龄")] = p.Age,
            [L("档案编号")] = p.RecordNumber, [L("联系电话")] = p.Phone, [L("住址")] = p.Address ?? "", [L("管理机构")] = p.OrganizationName,
            [L("计入分子")] = p.InNumerator ? L("是") : L("否"),
        }).ToList(),
    });
}
