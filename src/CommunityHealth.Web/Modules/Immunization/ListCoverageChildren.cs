using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record CoverageChild(Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string OrganizationName, bool InNumerator, bool Timely, DateOnly? GivenOn);

/// <summary>The children behind one coverage number: the denominator, each marked in the numerator (and timely) or not.</summary>
public sealed class ListCoverageChildren(ScopedDb dbs, OrganizationCache organizations, TimeProvider clock)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder vaccination)
    {
        vaccination.MapGroup("").RequirePermission(Domain.Staff.Permission.IndicatorsRead).MapGet("/coverage/children", async (int cohort, string key, Guid? organizationId, DateOnly? asOf, CurrentUser user, ListCoverageChildren h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cohort, key, organizationId, asOf, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The children behind a coverage number (denominator, each marked in numerator / timely)").Produces<IReadOnlyList<CoverageChild>>();
        vaccination.MapGroup("").RequirePermission(Domain.Staff.Permission.IndicatorsRead).MapGet("/coverage/children/export", async (int cohort, string key, Guid? organizationId, DateOnly? asOf, CurrentUser user, ListCoverageChildren h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(await user.GetAsync(), cohort, key, organizationId, asOf, ct);
            return r.IsSuccess ? ReadAuditEndpoints.Export(TypedResults.File(ToExcel(r.Value), Xlsx, $"接种名单_{cohort}_{key}.xlsx"), r.Value) : Problems.From(r.Error!);
        }).WithSummary("The drill-down list as .xlsx");
    }

    public async Task<Outcome<IReadOnlyList<CoverageChild>>> HandleAsync(StaffContext staff, int cohort, string key, Guid? organizationId, DateOnly? asOf, CancellationToken ct = default)
    {
        var date = asOf ?? clock.Today();
        if (cohort < 2000 || cohort > date.Year) return new Invalid("cohort", "error.vaccination.cohort");
        var (from, to) = (new DateOnly(cohort, 1, 1), new DateOnly(cohort, 12, 31));
        var doseRow = CoverageCohort.Doses(NipSchedules.For(from, date)).Where(d => d.Key == key).Select(d => ((Series, int, Span)?)(d.Series, d.Dose, d.DueAge)).FirstOrDefault();
        if (key != CoverageCohort.CertificateKey && doseRow is null) return new Invalid("key", "error.code_unknown");
        await using var db = dbs.For(staff);
        var children = CoverageCohort.Query(db, from, to, date);
        if (organizationId is { } org) children = children.Where(r => r.OrganizationId == org);
        var dueAge = doseRow?.Item3 ?? Span.OfMonths(1);
        var cutoff = date.AddYears(-dueAge.Years).AddMonths(-dueAge.Months).AddDays(-dueAge.Days);
        var rows = await children.Where(r => r.BirthDate <= cutoff).OrderBy(r => r.OrganizationId).ThenBy(r => r.BirthDate).Take(10_000)
            .Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate, r.OrganizationId }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var hits = new Dictionary<Guid, (bool Timely, DateOnly On)>();
        foreach (var chunk in ids.Chunk(500))
        {
            if (doseRow is { } d)
            {
                var (series, number, _) = d;
                var s = series.ToString();
                foreach (var x in await db.VaccinationDoses.Where(v => chunk.Contains(v.ResidentId) && v.Valid && v.Series == s && v.DoseNumber == number && v.GivenOn <= date)
                             .Select(v => new { v.ResidentId, v.Timely, v.GivenOn }).ToListAsync(ct))
                    hits[x.ResidentId] = (x.Timely, x.GivenOn);
            }
            else
                foreach (var x in await db.Vaccinees.Where(v => chunk.Contains(v.ResidentId) && v.CertificateIssuedOn <= date && v.CertificateNumber != "")
                             .Select(v => new { v.ResidentId, v.CertificateIssuedOn, v.BirthDate }).ToListAsync(ct))
                    hits[x.ResidentId] = (VaccineeRules.CertificateTimely(x.CertificateIssuedOn, x.BirthDate), x.CertificateIssuedOn);
        }
        var orgIds = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var names = await organizations.NamesAsync(orgIds, ct);
        return rows.Select(r => new CoverageChild(r.Id, r.Name, r.Sex, r.BirthDate, names.GetValueOrDefault(r.OrganizationId, ""),
            hits.ContainsKey(r.Id), hits.TryGetValue(r.Id, out var h) && h.Timely, hits.TryGetValue(r.Id, out var g) ? g.On : null)).ToList();
    }

    public static byte[] ToExcel(IEnumerable<CoverageChild> children)
    {
        var rows = children.Select(c => new Dictionary<string, object?>
        {
            ["姓名"] = c.Name, ["性别"] = c.Sex == "1" ? "男" : c.Sex == "2" ? "女" : "", ["出生日期"] = c.BirthDate.ToString("yyyy-MM-dd"), ["机构"] = c.OrganizationName,
            ["已种"] = c.InNumerator ? "是" : "否", ["及时"] = c.Timely ? "是" : "否", ["日期"] = c.GivenOn?.ToString("yyyy-MM-dd"),
        });
        return IndicatorMath.Excel(new Dictionary<string, object> { ["儿童名单"] = rows });
    }
}
