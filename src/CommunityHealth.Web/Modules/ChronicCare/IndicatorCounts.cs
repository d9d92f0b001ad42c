using System.Linq.Expressions;
using CommunityHealth.Data;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Domain.ChronicCare;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>
/// 高血压/糖尿病患者规范管理率 and 管理人群血压/血糖控制率 (standards §1.12) as set-based queries over the period:
/// the denominator is the patients under management at the end of the period; 规范管理 = enough face-to-face
/// visits in the period and (per the rule set) a health examination; control reads the last visit of the period per
/// person (both BP values under the age target; fasting glucose under 7.0) and a patient with no visit in the period
/// (lost to follow-up) counts as uncontrolled. Shared by the report, the patient list and the trend.
/// </summary>
public static class IndicatorCounts
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Member-initialised (not positional) so the databases can group and filter on it.</summary>
    public sealed class PatientFacts
    {
        public Guid ResidentId { get; init; }
        public Guid OrganizationId { get; init; }
        public int FaceToFace { get; init; }
        public bool Exam { get; init; }
        public bool? LastControlled { get; init; }
        public DateOnly? LastVisit { get; init; }
    }

    public sealed record OrgCounts(Guid OrganizationId, int Managed, int Standard, int Controlled);

    /// <summary>
    /// The three counts per organisation. A period from 1 January to a month end or to today (the year, the year so far,
    /// each trend point) counts the denominator on the registrations and the numerators on the stored year-to-date rows
    /// holding at that month end — two grouped range scans, no per-patient join; any other period goes through the visits.
    /// </summary>
    public static async Task<List<OrgCounts>> CountsAsync(HealthDbContext db, Programme programme, DateOnly from, DateOnly to, Guid? organizationId, DateOnly today,
        CancellationToken ct)
    {
        var rules = ChronicRuleSet.For(to);
        var (min, needsExam) = (rules.MinFaceToFaceVisits, rules.StandardNeedsExam);
        if (!YearToDateReadable(from, to, today))
        {
            var facts = Facts(db, programme, from, to, today);
            if (organizationId is { } o) facts = facts.Where(f => f.OrganizationId == o);
            return (await facts.GroupBy(f => f.OrganizationId).Select(g => new
            {
                g.Key, Managed = g.Count(), Standard = g.Count(f => f.FaceToFace >= min && (f.Exam || !needsExam)), Controlled = g.Count(f => f.LastControlled == true),
            }).ToListAsync(ct)).Select(x => new OrgCounts(x.Key, x.Managed, x.Standard, x.Controlled)).ToList();
        }
        var registrations = Managed(db, programme, to);
        if (organizationId is { } org) registrations = registrations.Where(r => r.OrganizationId == org);
        var managed = await registrations.GroupBy(r => r.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var (year, month) = (to.Year, to.Month);
        // programme, year and month as constants in the SQL: PostgreSQL switches a prepared statement to a generic plan after
        // a few runs, and a generic NextMonth > $n cannot tell the year's latest rows (M = 12) from most of the year's rows
        var holding = db.ChronicMonthStats.Where(s => s.Programme == EF.Constant(programme) && s.Year == EF.Constant(year) && s.NextMonth > EF.Constant(month)
            && s.Month <= EF.Constant(month)
            && s.RegisteredOn <= to && (s.DeregisteredOn == null || s.DeregisteredOn > to));
        if (organizationId is { } org2) holding = holding.Where(s => s.OrganizationId == org2);
        var numerators = await holding
            .Select(s => new
            {
                s.OrganizationId,
                Standard = s.FaceToFace >= min && (!needsExam || db.Examinations.Any(e => e.ResidentId == s.ResidentId && e.ExamDate >= from && e.ExamDate <= to)),
                Controlled = s.LastControlled == true,
            })
            .GroupBy(x => x.OrganizationId).Select(g => new { g.Key, Standard = g.Count(x => x.Standard), Controlled = g.Count(x => x.Controlled) })
            .ToDictionaryAsync(x => x.Key, ct);
        return managed.Select(m => numerators.TryGetValue(m.Key, out var n) ? new OrgCounts(m.Key, m.Value, n.Standard, n.Controlled) : new OrgCounts(m.Key, m.Value, 0, 0)).ToList();
    }

    /// <summary>Whether the stored year-to-date rows answer the period: it starts on 1 January and ends on a month end or today.</summary>
    private static bool YearToDateReadable(DateOnly from, DateOnly to, DateOnly today) => from.DayOfYear == 1 && (to.AddDays(1).Day == 1 || to >= today);

    /// <summary>The patients under management at the end of the period (the denominator).</summary>
    public static IQueryable<ChronicRegistration> Managed(HealthDbContext db, Programme programme, DateOnly to) =>
        db.ChronicRegistrations.Where(r => r.Programme == programme && r.RegisteredOn <= to && (r.Status == RegistrationStatus.Active || r.DeregisteredOn > to));

    /// <summary>
    /// Per managed patient: face-to-face visits and exam in the period, and the last visit's control. A period from
    /// 1 January to a month end or to today (the year, the year so far, a trend point) reads the patient's stored
    /// year-to-date row — one index probe per patient; any other period reads the period's visits.
    /// </summary>
    public static IQueryable<PatientFacts> Facts(HealthDbContext db, Programme programme, DateOnly from, DateOnly to, DateOnly today)
    {
        var registrations = Managed(db, programme, to);
        if (YearToDateReadable(from, to, today))
        {
            var (year, month, start, end) = (from.Year, to.Month, from, to); // `from` is a keyword inside the query below
            var stats = db.ChronicMonthStats.Where(s => s.Programme == programme && s.Year == year && s.Month <= month && s.NextMonth > month);
            // one left join on the row holding at the month end (at most one per patient), not a probe per column
            return from r in registrations
                   join st in stats on r.ResidentId equals st.ResidentId into held
                   from s in held.DefaultIfEmpty()
                   select new PatientFacts
                   {
                       ResidentId = r.ResidentId, OrganizationId = r.OrganizationId,
                       FaceToFace = s == null ? 0 : s.FaceToFace,
                       Exam = db.Examinations.Any(e => e.ResidentId == r.ResidentId && e.ExamDate >= start && e.ExamDate <= end),
                       LastControlled = s == null ? null : s.LastControlled,
                       LastVisit = s == null ? null : s.LastVisitOn,
                   };
        }
        var htn = programme == Programme.Hypertension;
        Expression<Func<ChronicVisit, bool>> forProgramme = htn ? v => v.ForHypertension : v => v.ForDiabetes;
        var visits = db.ChronicVisits.Where(forProgramme).Where(v => v.VisitDate >= from && v.VisitDate <= to);
        return registrations.Select(r => new PatientFacts
        {
            ResidentId = r.ResidentId, OrganizationId = r.OrganizationId,
            FaceToFace = visits.Count(v => v.ResidentId == r.ResidentId && v.Mode != VisitMode.Phone),
            Exam = db.Examinations.Any(e => e.ResidentId == r.ResidentId && e.ExamDate >= from && e.ExamDate <= to),
            LastControlled = htn
                ? visits.Where(v => v.ResidentId == r.ResidentId).OrderByDescending(v => v.VisitDate).ThenByDescending(v => v.CreatedAt).Select(v => v.BpControlled).FirstOrDefault()
                : visits.Where(v => v.ResidentId == r.ResidentId).OrderByDescending(v => v.VisitDate).ThenByDescending(v => v.CreatedAt).Select(v => v.GlucoseControlled).FirstOrDefault(),
            LastVisit = visits.Where(v => v.ResidentId == r.ResidentId).Max(v => (DateOnly?)v.VisitDate),
        });
    }

    /// <summary>A period within one calendar year, not in the future; the default is this year so far.</summary>
    public static (DateOnly From, DateOnly To)? Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? (from is { } f && f.Year < today.Year ? new DateOnly(f.Year, 12, 31) : today);
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (end > today || start > end || start.Year != end.Year) return null;
        return (start, end);
    }
}
