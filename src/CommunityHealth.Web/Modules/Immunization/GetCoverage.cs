using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>One indicator row: a vaccine dose (or the certificate) for one organisation and the whole scope.</summary>
public sealed record CoverageRow(string Key, string Name, Guid? OrganizationId, string OrganizationName, int Denominator, int Numerator, int Timely,
    decimal? Rate, decimal? TimelyRate);

public sealed record CoverageReport(int Cohort, DateOnly AsOf, IReadOnlyList<CoverageRow> Rows);

/// <summary>
/// 接种率 and 及时接种率 per vaccine dose, and 建证率, for one birth cohort, per organisation, as set-based queries
/// (standards §1.12): the denominator is the cohort's active residents old enough for the dose (children who moved
/// away excluded), the numerator those with a valid dose by the date; timely = valid and given before the
/// schedule's "complete before" age. Every number drills down to the children behind it (<see cref="ListCoverageChildren"/>).
/// </summary>
public sealed class GetCoverage(ScopedDb dbs, OrganizationCache organizations, TimeProvider clock)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder vaccination)
    {
        vaccination.MapGroup("").RequirePermission(Domain.Staff.Permission.IndicatorsRead).MapGet("/coverage", async (int cohort, DateOnly? asOf, CurrentUser user, GetCoverage h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cohort, asOf, ct)).ToResult(TypedResults.Ok))
            .WithSummary("接种率, 及时接种率 per dose and 建证率 for a birth cohort, per organisation").Produces<CoverageReport>().ProducesValidationProblem();
        vaccination.MapGroup("").RequirePermission(Domain.Staff.Permission.IndicatorsRead).MapGet("/coverage/export", async (int cohort, DateOnly? asOf, CurrentUser user, GetCoverage h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(await user.GetAsync(), cohort, asOf, ct);
            return r.IsSuccess ? TypedResults.File(ToExcel(r.Value), Xlsx, $"接种率_{cohort}.xlsx") : Problems.From(r.Error!);
        }).WithSummary("The coverage report as .xlsx");
    }

    public async Task<Outcome<CoverageReport>> HandleAsync(StaffContext staff, int cohort, DateOnly? asOf, CancellationToken ct = default)
    {
        var date = asOf ?? clock.Today();
        if (cohort < 2000 || cohort > date.Year) return new Invalid("cohort", "error.vaccination.cohort");
        await using var db = dbs.For(staff);
        var (from, to) = (new DateOnly(cohort, 1, 1), new DateOnly(cohort, 12, 31));
        var children = CoverageCohort.Query(db, from, to, date);
        // denominators: cohort children per organisation and birth date (≤ 366 × organisations rows), due-ness applied below
        var births = await children.GroupBy(r => new { r.OrganizationId, r.BirthDate }).Select(g => new { g.Key.OrganizationId, g.Key.BirthDate, Count = g.Count() }).ToListAsync(ct);
        // numerators: valid doses of the cohort per organisation, series and dose number
        // numerators: valid doses of the cohort (an index range on the doses' birth dates) whose child is in the
        // denominator population (a semi-join the databases run as a hash lookup), per organisation, series, dose
        var cohortIds = children.Select(r => r.Id);
        var given = await db.VaccinationDoses.Where(d => d.BirthDate >= from && d.BirthDate <= to && d.Valid && d.GivenOn <= date && cohortIds.Contains(d.ResidentId))
            .GroupBy(d => new { d.OrganizationId, d.Series, d.DoseNumber })
            .Select(g => new { g.Key.OrganizationId, g.Key.Series, g.Key.DoseNumber, Count = g.Count(), Timely = g.Count(x => x.Timely) }).ToListAsync(ct);
        // a record opened for a dose given elsewhere has no certificate yet ("")
        var certificates = await db.Vaccinees.Where(v => v.CertificateIssuedOn <= date && v.CertificateNumber != "")
            // timely: VaccineeRules.CertificateTimely, written out so that it runs in SQL
            .Join(children, v => v.ResidentId, r => r.Id, (v, r) => new { r.OrganizationId, Timely = v.CertificateIssuedOn <= r.BirthDate.AddMonths(1) })
            .GroupBy(x => x.OrganizationId).Select(g => new { OrganizationId = g.Key, Count = g.Count(), Timely = g.Count(x => x.Timely) }).ToListAsync(ct);
        var orgIds = births.Select(b => b.OrganizationId).Distinct().ToList();
        var names = await organizations.NamesAsync(orgIds, ct);

        var rows = new List<CoverageRow>();
        void Add(string key, string name, Func<DateOnly, bool> due, Func<Guid, (int Count, int Timely)> numerator)
        {
            var perOrg = orgIds.Select(o => (Org: o, Den: births.Where(b => b.OrganizationId == o && due(b.BirthDate)).Sum(b => b.Count), Num: numerator(o)))
                .OrderBy(x => names.GetValueOrDefault(x.Org, "")).ToList();
            var (den, num, timely) = (perOrg.Sum(x => x.Den), perOrg.Sum(x => Math.Min(x.Num.Count, x.Den)), perOrg.Sum(x => Math.Min(x.Num.Timely, x.Den)));
            rows.Add(new CoverageRow(key, name, null, "合计", den, num, timely, IndicatorMath.Rate(num, den), IndicatorMath.Rate(timely, den)));
            rows.AddRange(perOrg.Select(x => new CoverageRow(key, name, x.Org, names.GetValueOrDefault(x.Org, ""), x.Den, Math.Min(x.Num.Count, x.Den),
                Math.Min(x.Num.Timely, x.Den), IndicatorMath.Rate(Math.Min(x.Num.Count, x.Den), x.Den), IndicatorMath.Rate(Math.Min(x.Num.Timely, x.Den), x.Den))));
        }
        Add(CoverageCohort.CertificateKey, "建证率", b => b.AddMonths(1) <= date, o => certificates.Where(c => c.OrganizationId == o).Select(c => (c.Count, c.Timely)).FirstOrDefault());
        foreach (var (key, series, dose, dueAge, name) in CoverageCohort.Doses(NipSchedules.For(from, date)))
        {
            var s = series.ToString();
            Add(key, name, b => dueAge.After(b) <= date,
                o => given.Where(g => g.OrganizationId == o && g.Series == s && g.DoseNumber == dose).Select(g => (g.Count, g.Timely)).FirstOrDefault());
        }
        return new CoverageReport(cohort, date, rows);
    }

    public static byte[] ToExcel(CoverageReport report)
    {
        var rows = report.Rows.Select(r => new Dictionary<string, object?>
        {
            ["指标"] = r.Name, ["机构"] = r.OrganizationName, ["应种人数"] = r.Denominator, ["实种人数"] = r.Numerator, ["接种率(%)"] = r.Rate,
            ["及时接种人数"] = r.Timely, ["及时接种率(%)"] = r.TimelyRate,
        });
        return IndicatorMath.Excel(new Dictionary<string, object> { [$"{report.Cohort}年出生队列"] = rows });
    }
}
