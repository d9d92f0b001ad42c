using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>One indicator row: a vaccine dose (or the certificate) for one organisation and the whole scope.</summary>
public sealed record CoverageRow(string Key, string Name, Guid? OrganizationId, string OrganizationName, int Denominator, int Numerator, int Timely,
    decimal? Rate, decimal? TimelyRate);

public sealed record CoverageReport(int Cohort, DateOnly AsOf, IReadOnlyList<CoverageRow> Rows);

public sealed record CoverageChild(Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string OrganizationName, bool InNumerator, bool Timely, DateOnly? GivenOn);

/// <summary>
/// 接种率 and 及时接种率 per vaccine dose, and 建证率, for one birth cohort, per organisation, as set-based queries
/// (standards §1.12): the denominator is the cohort's active residents old enough for the dose (children who moved
/// away excluded), the numerator those with a valid dose by the date; timely = valid and given before the
/// schedule's "complete before" age. Every number drills down to the children behind it.
/// </summary>
public sealed class Coverage(ScopedDb dbs, OrganizationCache organizations, TimeProvider clock)
{
    /// <summary>The dose rows of the report: series, dose number, the age from which it is due.</summary>
    public static IReadOnlyList<(string Key, Series Series, int Dose, Span DueAge, string Name)> Doses(NipSchedule s)
    {
        var rows = new List<(string, Series, int, Span, string)>();
        void Add(Series series, IReadOnlyList<DoseRule> rules, string name)
        {
            foreach (var r in rules) rows.Add(($"{series}-{r.Number}", series, r.Number, r.MinAge, $"{name}第{r.Number}剂"));
        }
        Add(Series.HepB, s.HepB, "乙肝疫苗");
        rows.Add(("BCG-1", Series.BCG, 1, default, "卡介苗"));
        Add(Series.Polio, s.Polio, "脊灰疫苗");
        Add(Series.DTaP, s.Dtap, "百白破/白破疫苗");
        Add(Series.MMR, s.Mmr, "麻腮风疫苗");
        Add(Series.JE, s.JeLive, "乙脑疫苗");
        Add(Series.MenA, s.MenA, "A群流脑疫苗");
        rows.Add(("MenAC-1", Series.MenAC, 1, Span.OfYears(3), "A群C群流脑疫苗第1剂"));
        rows.Add(("MenAC-2", Series.MenAC, 2, Span.OfYears(6), "A群C群流脑疫苗第2剂"));
        rows.Add(("HepA-1", Series.HepA, 1, Span.OfMonths(18), "甲肝疫苗第1剂"));
        return rows;
    }

    public const string CertificateKey = "certificate";

    public async Task<Outcome<CoverageReport>> ReportAsync(StaffContext staff, int cohort, DateOnly? asOf, CancellationToken ct = default)
    {
        var date = asOf ?? clock.Today();
        if (cohort < 2000 || cohort > date.Year) return new Invalid("cohort", "error.vaccination.cohort");
        await using var db = dbs.For(staff);
        var (from, to) = (new DateOnly(cohort, 1, 1), new DateOnly(cohort, 12, 31));
        var children = Cohort(db, from, to, date);
        // denominators: cohort children per organisation and birth date (≤ 366 × organisations rows), due-ness applied below
        var births = await children.GroupBy(r => new { r.OrganizationId, r.BirthDate }).Select(g => new { g.Key.OrganizationId, g.Key.BirthDate, Count = g.Count() }).ToListAsync(ct);
        // numerators: valid doses of the cohort per organisation, series and dose number
        // numerators: valid doses of the cohort (an index range on the doses' birth dates) whose child is in the
        // denominator population (a semi-join the databases run as a hash lookup), per organisation, series, dose
        var cohortIds = children.Select(r => r.Id);
        var given = await db.VaccinationDoses.Where(d => d.BirthDate >= from && d.BirthDate <= to && d.Valid && d.GivenOn <= date && cohortIds.Contains(d.ResidentId))
            .GroupBy(d => new { d.OrganizationId, d.Series, d.DoseNumber })
            .Select(g => new { g.Key.OrganizationId, g.Key.Series, g.Key.DoseNumber, Count = g.Count(), Timely = g.Count(x => x.Timely) }).ToListAsync(ct);
        var certificates = await db.Vaccinees.Where(v => v.CertificateIssuedOn <= date)
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
        Add(CertificateKey, "建证率", b => b.AddMonths(1) <= date, o => certificates.Where(c => c.OrganizationId == o).Select(c => (c.Count, c.Timely)).FirstOrDefault());
        foreach (var (key, series, dose, dueAge, name) in Doses(NipSchedules.For(from, date)))
        {
            var s = series.ToString();
            Add(key, name, b => dueAge.After(b) <= date,
                o => given.Where(g => g.OrganizationId == o && g.Series == s && g.DoseNumber == dose).Select(g => (g.Count, g.Timely)).FirstOrDefault());
        }
        return new CoverageReport(cohort, date, rows);
    }

    /// <summary>The children behind one number: the denominator, marked whether each is in the numerator (and timely).</summary>
    public async Task<Outcome<IReadOnlyList<CoverageChild>>> ChildrenAsync(StaffContext staff, int cohort, string key, Guid? organizationId, DateOnly? asOf, CancellationToken ct = default)
    {
        var date = asOf ?? clock.Today();
        if (cohort < 2000 || cohort > date.Year) return new Invalid("cohort", "error.vaccination.cohort");
        var (from, to) = (new DateOnly(cohort, 1, 1), new DateOnly(cohort, 12, 31));
        var doseRow = Doses(NipSchedules.For(from, date)).Where(d => d.Key == key).Select(d => ((Series, int, Span)?)(d.Series, d.Dose, d.DueAge)).FirstOrDefault();
        if (key != CertificateKey && doseRow is null) return new Invalid("key", "error.code_unknown");
        await using var db = dbs.For(staff);
        var children = Cohort(db, from, to, date);
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
                foreach (var x in await db.Vaccinees.Where(v => chunk.Contains(v.ResidentId) && v.CertificateIssuedOn <= date)
                             .Select(v => new { v.ResidentId, v.CertificateIssuedOn, v.BirthDate }).ToListAsync(ct))
                    hits[x.ResidentId] = (x.CertificateIssuedOn <= x.BirthDate.AddMonths(1), x.CertificateIssuedOn);
        }
        var orgIds = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var names = await organizations.NamesAsync(orgIds, ct);
        return rows.Select(r => new CoverageChild(r.Id, r.Name, r.Sex, r.BirthDate, names.GetValueOrDefault(r.OrganizationId, ""),
            hits.ContainsKey(r.Id), hits.TryGetValue(r.Id, out var h) && h.Timely, hits.TryGetValue(r.Id, out var g) ? g.On : null)).ToList();
    }

    public static byte[] ReportToExcel(CoverageReport report)
    {
        var rows = report.Rows.Select(r => new Dictionary<string, object?>
        {
            ["指标"] = r.Name, ["机构"] = r.OrganizationName, ["应种人数"] = r.Denominator, ["实种人数"] = r.Numerator, ["接种率(%)"] = r.Rate,
            ["及时接种人数"] = r.Timely, ["及时接种率(%)"] = r.TimelyRate,
        });
        return IndicatorMath.Excel(new Dictionary<string, object> { [$"{report.Cohort}年出生队列"] = rows });
    }

    public static byte[] ChildrenToExcel(IEnumerable<CoverageChild> children)
    {
        var rows = children.Select(c => new Dictionary<string, object?>
        {
            ["姓名"] = c.Name, ["性别"] = c.Sex == "1" ? "男" : c.Sex == "2" ? "女" : "", ["出生日期"] = c.BirthDate.ToString("yyyy-MM-dd"), ["机构"] = c.OrganizationName,
            ["已种"] = c.InNumerator ? "是" : "否", ["及时"] = c.Timely ? "是" : "否", ["日期"] = c.GivenOn?.ToString("yyyy-MM-dd"),
        });
        return IndicatorMath.Excel(new Dictionary<string, object> { ["儿童名单"] = rows });
    }


    private static IQueryable<Resident> Cohort(Data.HealthDbContext db, DateOnly from, DateOnly to, DateOnly asOf) =>
        db.Residents.AsNoTracking().Where(r => r.BirthDate >= from && r.BirthDate <= to && r.BirthDate <= asOf
            && (r.Status == ResidentStatus.Active || (r.Status == ResidentStatus.Closed && r.ClosedOn > asOf))
            && !db.Vaccinees.Any(v => v.ResidentId == r.Id && v.Status == VaccineeStatus.MovedAway));

}
