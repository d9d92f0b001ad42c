using CommunityHealth.Data;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// What the coverage report and its drill-down share (standards §1.12): the dose rows of a cohort's report and the
/// denominator population — the cohort's residents active on the date (children who moved away excluded).
/// </summary>
public static class CoverageCohort
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

    public static IQueryable<Resident> Query(HealthDbContext db, DateOnly from, DateOnly to, DateOnly asOf) =>
        db.Residents.AsNoTracking().Where(r => r.BirthDate >= from && r.BirthDate <= to && r.BirthDate <= asOf
            && (r.Status == ResidentStatus.Active || (r.Status == ResidentStatus.Closed && r.ClosedOn > asOf))
            && !db.Vaccinees.Any(v => v.ResidentId == r.Id && v.Status == VaccineeStatus.MovedAway));
}
