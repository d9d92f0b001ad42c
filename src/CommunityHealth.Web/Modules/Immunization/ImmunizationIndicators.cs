using CommunityHealth.Data;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Web.Platform.Indicators;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// 建证率 and 接种率 per vaccine and dose in the catalogue (standards §1.12: "doses given / doses due, per vaccine, per year"):
/// the denominator of a dose is the children who reached the dose's age in the period (born in the period shifted back by
/// that age) and are held on the period's last day (children who moved away excluded, <see cref="CoverageCohort"/>); the
/// numerator those of them with a valid dose of the series and number by that day. 建证率: children who reached one month of
/// age in the period, and those with a 接种证 issued by its end.
/// Targets: 95 % for every dose and the certificate (issue 21 / the district plan, local; configuration).
/// </summary>
public sealed class ImmunizationIndicators : IIndicatorSource, IResidentActivity
{
    public const string Certificate = "imm.certificate";
    public const string CoveragePrefix = "imm.coverage.";

    private static readonly Dictionary<Series, string> SeriesEn = new()
    {
        [Series.HepB] = "Hepatitis B", [Series.BCG] = "BCG", [Series.Polio] = "Polio", [Series.DTaP] = "DTaP/DT", [Series.MMR] = "MMR",
        [Series.JE] = "Japanese encephalitis", [Series.MenA] = "Meningococcal A", [Series.MenAC] = "Meningococcal A+C", [Series.HepA] = "Hepatitis A",
    };

    // the 2021 schedule's doses; the rows do not change with a later schedule's timing (their ages are read per period below)
    private static readonly IReadOnlyList<(string Key, Series Series, int Dose, Span DueAge, string Name)> Doses =
        CoverageCohort.Doses(NipSchedules.For(new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 1)));

    public IEnumerable<IndicatorInfo> Indicators =>
        new IndicatorInfo[]
        {
            new(Certificate, "immunization", "建证率", "Vaccination certificates issued", PeriodType.CalendarYear, true,
                "已建立预防接种证的儿童数", "Children with a vaccination certificate", "年内满1月龄的儿童数", "Children who reached one month of age in the period",
                [new(2017, 95)], "district plan (local)", null, 200),
        }.Concat(Doses.Select((d, i) => new IndicatorInfo(CoveragePrefix + d.Key, "immunization", d.Name + "接种率",
            $"{SeriesEn[d.Series]} dose {d.Dose} coverage", PeriodType.CalendarYear, true,
            $"{d.Name}实种人数", $"Children with a valid dose {d.Dose}", $"{d.Name}应种人数", "Children who reached the dose's age in the period",
            [new(2017, 95)], "issue 21 / district plan (local)", null, 210 + i)));

    public IQueryable<IndicatorPerson> People(HealthDbContext db, string code, IndicatorRange range)
    {
        var to = range.To;
        if (code == Certificate)
        {
            var (firstBorn, lastBorn) = BornReaching(Span.OfMonths(1), range.From, to);
            return CoverageCohort.Query(db, firstBorn, lastBorn, to).Select(r => new IndicatorPerson
            {
                ResidentId = r.Id, OrganizationId = r.OrganizationId,
                InNumerator = db.Vaccinees.Any(v => v.ResidentId == r.Id && v.CertificateIssuedOn <= to && v.CertificateNumber != ""), // a record opened from a transcribed dose has no 接种证 yet
            });
        }
        var dose = Doses.First(d => CoveragePrefix + d.Key == code);
        var (first, last) = BornReaching(dose.DueAge, range.From, to);
        var (series, number) = (dose.Series.ToString(), dose.Dose);
        return CoverageCohort.Query(db, first, last, to).Select(r => new IndicatorPerson
        {
            ResidentId = r.Id, OrganizationId = r.OrganizationId,
            InNumerator = db.VaccinationDoses.Any(d => d.ResidentId == r.Id && d.Series == series && d.DoseNumber == number && d.Valid && d.GivenOn <= to),
        });
    }

    /// <summary>The first and last birth dates of children who reach <paramref name="age"/> between the two days (both inclusive).</summary>
    public static (DateOnly First, DateOnly Last) BornReaching(Span age, DateOnly from, DateOnly to) => (FirstBornReaching(age, from), FirstBornReaching(age, to.AddDays(1)).AddDays(-1));

    // the earliest birth date whose age reaches `age` on or after `day` (age.After is monotone in the birth date)
    private static DateOnly FirstBornReaching(Span age, DateOnly day)
    {
        var b = day.AddYears(-age.Years).AddMonths(-age.Months).AddDays(-age.Days - 4);
        while (age.After(b) < day) b = b.AddDays(1);
        return b;
    }

    /// <summary>A dose given is a service on the child's record (健康档案使用率).</summary>
    public IQueryable<Guid> ResidentsServed(HealthDbContext db, DateOnly from, DateOnly to) =>
        db.VaccinationDoses.Where(d => d.GivenOn >= from && d.GivenOn <= to).Select(d => d.ResidentId);

    public System.Linq.Expressions.Expression<Func<Guid, bool>> Served(HealthDbContext db, DateOnly from, DateOnly to) =>
        id => db.VaccinationDoses.Any(d => d.ResidentId == id && d.GivenOn >= from && d.GivenOn <= to);
}
