using System.Linq.Expressions;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>One organisation's (or the whole scope's) indicators for one programme and period.</summary>
public sealed record ChronicIndicatorRow(
    Programme Programme, Guid? OrganizationId, string OrganizationName, int Managed, int StandardManaged, int Controlled, decimal? StandardRate, decimal? ControlRate);

public sealed record ChronicIndicatorReport(DateOnly From, DateOnly To, IReadOnlyList<ChronicIndicatorRow> Rows);

/// <summary>One patient behind a number, with what puts them in or out of each numerator.</summary>
public sealed record ChronicIndicatorPatient(
    Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string OrganizationName, int FaceToFaceVisits, bool Exam, bool StandardManaged,
    DateOnly? LastVisitOn, bool Controlled, bool Lost);

public sealed record ChronicTrendPoint(string Month, int Managed, decimal? StandardRate, decimal? ControlRate);

/// <summary>
/// 高血压/糖尿病患者规范管理率 and 管理人群血压/血糖控制率 (standards §1.12) as set-based queries over the period:
/// the denominator is the patients under management at the end of the period; 规范管理 = enough face-to-face
/// visits in the period and (per the rule set) a health examination; control reads the last visit of the period per
/// person (both BP values under the age target; fasting glucose under 7.0) and a patient with no visit in the period
/// (lost to follow-up) counts as uncontrolled. Each number drills down to the patients.
/// </summary>
public sealed class ChronicIndicators(ScopedDb dbs, OrganizationCache organizations, TimeProvider clock)
{
    /// <summary>Member-initialised (not positional) so the databases can group and filter on it.</summary>
    private sealed class PatientFacts
    {
        public Guid ResidentId { get; init; }
        public Guid OrganizationId { get; init; }
        public int FaceToFace { get; init; }
        public bool Exam { get; init; }
        public bool? LastControlled { get; init; }
        public DateOnly? LastVisit { get; init; }
    }

    public async Task<Outcome<ChronicIndicatorReport>> ReportAsync(StaffContext staff, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        if (Period(from, to) is not { } period) return new Invalid("to", "error.chronic.period");
        await using var db = dbs.For(staff);
        var rules = ChronicRuleSet.For(period.To);
        var rows = new List<ChronicIndicatorRow>();
        foreach (var programme in new[] { Programme.Hypertension, Programme.Diabetes })
        {
            var perOrg = await CountsAsync(db, programme, period.From, period.To, null, ct);
            var names = await organizations.NamesAsync(perOrg.Select(o => o.OrganizationId), ct);
            var (m, s, c) = (perOrg.Sum(o => o.Managed), perOrg.Sum(o => o.Standard), perOrg.Sum(o => o.Controlled));
            rows.Add(new ChronicIndicatorRow(programme, null, Text.Get("chronic.total"), m, s, c, IndicatorMath.Rate(s, m), IndicatorMath.Rate(c, m)));
            rows.AddRange(perOrg.OrderBy(o => names.GetValueOrDefault(o.OrganizationId, "")).Select(o => new ChronicIndicatorRow(programme, o.OrganizationId,
                names.GetValueOrDefault(o.OrganizationId, ""), o.Managed, o.Standard, o.Controlled, IndicatorMath.Rate(o.Standard, o.Managed), IndicatorMath.Rate(o.Controlled, o.Managed))));
        }
        return new ChronicIndicatorReport(period.From, period.To, rows);
    }

    /// <summary>The patients behind a number: the denominator, each marked for both numerators.</summary>
    public async Task<Outcome<IReadOnlyList<ChronicIndicatorPatient>>> PatientsAsync(StaffContext staff, Programme programme, DateOnly? from, DateOnly? to,
        Guid? organizationId, CancellationToken ct = default)
    {
        if (Period(from, to) is not { } period) return new Invalid("to", "error.chronic.period");
        if (!Enum.IsDefined(programme)) return new Invalid("programme", "error.code_unknown");
        await using var db = dbs.For(staff);
        var rules = ChronicRuleSet.For(period.To);
        var q = Facts(db, programme, period.From, period.To, clock.Today());
        if (organizationId is { } org) q = q.Where(f => f.OrganizationId == org);
        var facts = await q.OrderBy(f => f.ResidentId).Take(20_000).ToListAsync(ct);
        var people = new Dictionary<Guid, (string Name, string Sex, DateOnly Birth)>();
        foreach (var chunk in facts.Select(f => f.ResidentId).Chunk(500))
            foreach (var r in await db.Residents.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate }).ToListAsync(ct))
                people[r.Id] = (r.Name, r.Sex, r.BirthDate);
        var names = await organizations.NamesAsync(facts.Select(f => f.OrganizationId), ct);
        return facts.Where(f => people.ContainsKey(f.ResidentId)).Select(f => new ChronicIndicatorPatient(f.ResidentId, people[f.ResidentId].Name, people[f.ResidentId].Sex,
                people[f.ResidentId].Birth, names.GetValueOrDefault(f.OrganizationId, ""), f.FaceToFace, f.Exam,
                FollowUpRules.StandardManaged(f.FaceToFace, f.Exam, rules), f.LastVisit, f.LastControlled == true, f.LastVisit is null))
            .OrderBy(p => p.OrganizationName).ThenBy(p => p.Name).ToList();
    }

    /// <summary>The scope's rates at each month end of the year, over the year so far (the chart beside the report).</summary>
    public async Task<Outcome<IReadOnlyList<ChronicTrendPoint>>> TrendAsync(StaffContext staff, Programme programme, int year, Guid? organizationId, CancellationToken ct = default)
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
            var perOrg = await CountsAsync(db, programme, from, end, organizationId, ct);
            var agg = new { Managed = perOrg.Sum(o => o.Managed), Standard = perOrg.Sum(o => o.Standard), Controlled = perOrg.Sum(o => o.Controlled) };
            points.Add(new ChronicTrendPoint($"{year}-{month:D2}", agg.Managed, IndicatorMath.Rate(agg.Standard, agg.Managed), IndicatorMath.Rate(agg.Controlled, agg.Managed)));
        }
        return points;
    }

    private sealed record OrgCounts(Guid OrganizationId, int Managed, int Standard, int Controlled);

    /// <summary>
    /// The three counts per organisation. A period from 1 January to a month end or to today (the year, the year so far,
    /// each trend point) counts the denominator on the registrations and the numerators on the stored year-to-date rows
    /// holding at that month end — two grouped range scans, no per-patient join; any other period goes through the visits.
    /// </summary>
    private async Task<List<OrgCounts>> CountsAsync(HealthDbContext db, Programme programme, DateOnly from, DateOnly to, Guid? organizationId, CancellationToken ct)
    {
        var rules = ChronicRuleSet.For(to);
        var (min, needsExam) = (rules.MinFaceToFaceVisits, rules.StandardNeedsExam);
        if (!YearToDateReadable(from, to, clock.Today()))
        {
            var facts = Facts(db, programme, from, to, clock.Today());
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
    private static IQueryable<ChronicRegistration> Managed(HealthDbContext db, Programme programme, DateOnly to) =>
        db.ChronicRegistrations.Where(r => r.Programme == programme && r.RegisteredOn <= to && (r.Status == RegistrationStatus.Active || r.DeregisteredOn > to));

    /// <summary>
    /// Per managed patient: face-to-face visits and exam in the period, and the last visit's control. A period from
    /// 1 January to a month end or to today (the year, the year so far, a trend point) reads the patient's stored
    /// year-to-date row — one index probe per patient; any other period reads the period's visits.
    /// </summary>
    private static IQueryable<PatientFacts> Facts(HealthDbContext db, Programme programme, DateOnly from, DateOnly to, DateOnly today)
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
    private (DateOnly From, DateOnly To)? Period(DateOnly? from, DateOnly? to)
    {
        var today = clock.Today();
        var end = to ?? (from is { } f && f.Year < today.Year ? new DateOnly(f.Year, 12, 31) : today);
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (end > today || start > end || start.Year != end.Year) return null;
        return (start, end);
    }

    public static byte[] ReportToExcel(ChronicIndicatorReport report)
    {
        var rows = report.Rows.Select(r => new Dictionary<string, object?>
        {
            ["专案"] = ChronicMapping.ProgrammeName(r.Programme), ["机构"] = r.OrganizationName, ["管理人数"] = r.Managed, ["规范管理人数"] = r.StandardManaged,
            ["规范管理率(%)"] = r.StandardRate, ["控制人数（血压/血糖）"] = r.Controlled,
            ["控制率(%)"] = r.ControlRate,
        });
        return IndicatorMath.Excel(new Dictionary<string, object> { [$"{report.From:yyyyMMdd}-{report.To:yyyyMMdd}"] = rows });
    }

    public static byte[] PatientsToExcel(IEnumerable<ChronicIndicatorPatient> patients)
    {
        var rows = patients.Select(p => new Dictionary<string, object?>
        {
            ["姓名"] = p.Name, ["性别"] = p.Sex == "1" ? "男" : p.Sex == "2" ? "女" : "", ["出生日期"] = p.BirthDate.ToString("yyyy-MM-dd"), ["机构"] = p.OrganizationName,
            ["面对面随访次数"] = p.FaceToFaceVisits, ["年度体检"] = p.Exam ? "是" : "否", ["规范管理"] = p.StandardManaged ? "是" : "否",
            ["末次随访"] = p.LastVisitOn?.ToString("yyyy-MM-dd"), ["控制"] = p.Controlled ? "是" : "否", ["失访"] = p.Lost ? "是" : "否",
        });
        return IndicatorMath.Excel(new Dictionary<string, object> { ["患者名单"] = rows });
    }


}
