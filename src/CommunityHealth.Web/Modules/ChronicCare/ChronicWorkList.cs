using CommunityHealth.Data;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>Which patients or residents a chronic-care work list shows.</summary>
public enum ChronicList
{
    /// <summary>Follow-ups due within 7 days, overdue ones included.</summary>
    Week = 0,
    Overdue = 1,
    /// <summary>Uncontrolled at their last visit.</summary>
    Uncontrolled = 2,
    /// <summary>No health examination this year.</summary>
    NoExam = 3,
    /// <summary>Not seen for 3 months (lost-to-follow-up candidates).</summary>
    NotSeen = 4,
    /// <summary>Residents 35+ without a BP reading this year (not on the hypertension programme).</summary>
    Screening = 5,
    /// <summary>Raised readings being confirmed on different days, or suspected and not yet registered.</summary>
    Confirming = 6,
    /// <summary>Known hypertension or diabetes in the past history but not registered.</summary>
    Unregistered = 7,
}

public sealed record ChronicListRow(
    Guid ResidentId, string Name, string Sex, int Age, string? Phone, Programme? Programme, string ProgrammeName, DateOnly? LastVisitOn, string? LastClass,
    bool? LastControlled, DateOnly? NextVisitOn, int DaysOverdue, string DoctorName, Guid? TeamId, Guid OrganizationId, string OrganizationName, string? Note);

public sealed record ChronicListPage(DateOnly AsOf, ChronicList List, int Total, int Page, int PageSize, IReadOnlyList<ChronicListRow> Rows);

/// <summary>
/// Team and doctor work lists. Follow-up lists are index ranges over the registrations' stored next visit dates and last
/// outcomes (kept current by every visit); the screening lists are anti-joins on the measurement history.
/// </summary>
public sealed class ChronicWorkList(ScopedDb dbs, OrganizationCache organizations, TimeProvider clock)
{
    public const int MaxRows = 2000;

    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/worklist", async (ChronicList? list, Programme? programme, Guid? organizationId, Guid? teamId, Guid? doctorId, DateOnly? asOf, int? page,
                int? pageSize, CurrentUser user, ChronicWorkList h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), list ?? ChronicList.Week, programme, organizationId, teamId, doctorId, asOf, page, pageSize, ct))
            .ToResult(TypedResults.Ok))
            .WithSummary("Week (due within 7 days), Overdue, Uncontrolled, NoExam, NotSeen (3 months), Screening (35+ without BP this year), Confirming, " +
                "Unregistered; one page (page from 1, pageSize 1–2000, default 100) and the total")
            .Produces<ChronicListPage>().ProducesValidationProblem();

    public async Task<Outcome<ChronicListPage>> HandleAsync(StaffContext staff, ChronicList list, Programme? programme, Guid? organizationId, Guid? teamId,
        Guid? doctorId, DateOnly? asOf = null, int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        var today = asOf ?? clock.Today();
        if (!Enum.IsDefined(list)) return new Invalid("list", "error.code_unknown");
        var paging = PageRequest.Of(page, pageSize, MaxRows);
        if (!paging.IsSuccess) return paging.Error!;
        var pg = paging.Value;
        await using var db = dbs.For(staff);
        var (total, rows) = list <= ChronicList.NotSeen
            ? await RegistrationListAsync(db, list, programme, organizationId, teamId, doctorId, today, pg, ct)
            : await ResidentListAsync(db, list, programme, organizationId, teamId, today, pg, ct);
        var names = await organizations.NamesAsync(rows.Select(r => r.OrganizationId), ct);
        return new ChronicListPage(today, list, total, pg.Page, pg.PageSize,
            rows.Select(r => r with { OrganizationName = names.GetValueOrDefault(r.OrganizationId, "") }).ToList());
    }

    private static async Task<(int, List<ChronicListRow>)> RegistrationListAsync(HealthDbContext db, ChronicList list, Programme? programme, Guid? org, Guid? team,
        Guid? doctor, DateOnly today, PageRequest page, CancellationToken ct)
    {
        var q = db.ChronicRegistrations.AsNoTracking().Where(r => r.Status == RegistrationStatus.Active);
        if (org is { } o) q = q.Where(r => r.OrganizationId == o);
        if (team is { } t) q = q.Where(r => r.TeamId == t);
        if (doctor is { } d) q = q.Where(r => r.DoctorId == d);
        if (programme is { } p) q = q.Where(r => r.Programme == p);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var rules = ChronicRuleSet.For(today);
        var notSeenSince = FollowUpVisit.NotSeenSince(today, rules);
        q = list switch
        {
            ChronicList.Overdue => q.Where(r => r.NextVisitOn < today),
            ChronicList.Uncontrolled => q.Where(r => r.LastControlled == false),
            ChronicList.NoExam => q.Where(r => !db.Examinations.Any(e => e.ResidentId == r.ResidentId && e.ExamDate >= yearStart && e.ExamDate <= today)),
            ChronicList.NotSeen => q.Where(r => r.LastVisitOn < notSeenSince || (r.LastVisitOn == null && r.RegisteredOn < notSeenSince)),
            _ => q.Where(r => r.NextVisitOn <= today.AddDays(7)),
        };
        var total = await q.CountAsync(ct);
        var ordered = list is ChronicList.Week or ChronicList.Overdue ? q.OrderBy(r => r.NextVisitOn).ThenBy(r => r.Id)
            : list == ChronicList.NotSeen ? q.OrderBy(r => r.LastVisitOn).ThenBy(r => r.Id) : q.OrderBy(r => r.ResidentId).ThenBy(r => r.Programme);
        if (page.Skip >= total) return (total, []);
        var rows = await ordered.Skip(page.Skip).Take(page.PageSize)
            .Join(db.Residents.Where(x => x.Status == ResidentStatus.Active), r => r.ResidentId, x => x.Id, (r, x) => new
            {
                r.ResidentId, x.Name, x.Sex, x.BirthDate, x.Phone, r.Programme, r.LastVisitOn, r.LastClass, r.LastControlled, r.NextVisitOn, r.DoctorName, r.TeamId,
                r.OrganizationId, r.ConsecutiveUnsatisfactory,
            }).ToListAsync(ct);
        return (total, rows.Select(r => new ChronicListRow(r.ResidentId, r.Name, r.Sex, Age.CompletedYears(r.BirthDate, today), Masked(r.Phone), r.Programme,
            ChronicMapping.ProgrammeName(r.Programme), r.LastVisitOn, r.LastClass is { } c ? ChronicMapping.ClassName(c) : null, r.LastControlled, r.NextVisitOn,
            r.NextVisitOn is { } n && n < today ? today.DayNumber - n.DayNumber : 0, r.DoctorName, r.TeamId, r.OrganizationId, "",
            FollowUpVisit.ReferralForRun(r.ConsecutiveUnsatisfactory, rules) is { } refer ? Findings.Render(refer) : null)).ToList());
    }

    private static async Task<(int, List<ChronicListRow>)> ResidentListAsync(HealthDbContext db, ChronicList list, Programme? programme, Guid? org, Guid? team,
        DateOnly today, PageRequest page, CancellationToken ct)
    {
        var rules = ChronicRuleSet.For(today);
        var q = db.Residents.AsNoTracking().Where(r => r.Status == ResidentStatus.Active);
        if (org is { } o) q = q.Where(r => r.OrganizationId == o);
        if (team is { } t) q = q.Where(r => r.TeamId == t);
        var bornBy = ChronicScreening.ScreeningAgeBornBy(today, rules);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var active = db.ChronicRegistrations.Where(c => c.Status == RegistrationStatus.Active);
        const MeasurementKind bp = MeasurementKind.BloodPressure;
        switch (list)
        {
            case ChronicList.Screening:
                q = q.Where(r => r.BirthDate <= bornBy
                    && !db.Measurements.Any(m => m.ResidentId == r.Id && m.Kind == bp && m.On >= yearStart && m.On <= today)
                    && !active.Any(c => c.ResidentId == r.Id && c.Programme == Programme.Hypertension));
                break;
            case ChronicList.Confirming:
                {
                    var since = ChronicScreening.ConfirmingSince(today);
                    q = q.Where(r => db.Measurements.Any(m => m.ResidentId == r.Id && m.Kind == bp && m.On >= since && m.On <= today
                            && (m.Systolic >= rules.ControlledSystolic || m.Diastolic >= rules.ControlledDiastolic))
                        && !active.Any(c => c.ResidentId == r.Id && c.Programme == Programme.Hypertension));
                    break;
                }
            default:
                {
                    var codes = programme switch { Programme.Hypertension => new[] { "2" }, Programme.Diabetes => ["3"], _ => ["2", "3"] };
                    q = q.Where(r => db.ResidentConditions.Any(c => c.ResidentId == r.Id && codes.Contains(c.Code)
                        && !active.Any(a => a.ResidentId == r.Id && a.Programme == (c.Code == "2" ? Programme.Hypertension : Programme.Diabetes))));
                    break;
                }
        }
        var total = await q.CountAsync(ct);
        // the confirming list is judged by the screening rule in memory: its candidates (a few hundred per team) are read
        // up to the largest page and paged after judging, so its total counts only the people it shows
        var judged = list == ChronicList.Confirming;
        if (!judged && page.Skip >= total) return (total, []);
        var window = judged ? q.OrderBy(r => r.BirthDate).ThenBy(r => r.Id).Take(MaxRows) : q.OrderBy(r => r.BirthDate).ThenBy(r => r.Id).Skip(page.Skip).Take(page.PageSize);
        var people = await window
            .Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate, r.Phone, r.TeamId, r.OrganizationId }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var notes = new Dictionary<Guid, string>();
        var keep = ids.ToHashSet();
        if (list == ChronicList.Confirming)
        {
            // judge each candidate's readings with the screening rule (three raised days, a normal day ends the run)
            var readings = new List<(Guid ResidentId, DateOnly On, int S, int D)>();
            foreach (var chunk in ids.Chunk(500))
                readings.AddRange((await db.Measurements.AsNoTracking().Where(m => chunk.Contains(m.ResidentId) && m.Kind == bp && m.Systolic != null)
                    .Select(m => new { m.ResidentId, m.On, m.Systolic, m.Diastolic }).ToListAsync(ct)).Select(m => (m.ResidentId, m.On, m.Systolic!.Value, m.Diastolic!.Value)));
            foreach (var g in readings.GroupBy(r => r.ResidentId))
            {
                var s = BpScreeningRules.Evaluate(g.Select(r => new BpReading(r.On, r.S, r.D)), false, today, rules);
                if (s.State is BpScreeningState.Confirming or BpScreeningState.Suspected) notes[g.Key] = string.Join("；", s.Reasons.Select(Findings.Render));
                else keep.Remove(g.Key);
            }
        }
        else if (list == ChronicList.Unregistered)
        {
            foreach (var chunk in ids.Chunk(500))
                foreach (var c in await db.ResidentConditions.AsNoTracking().Where(c => chunk.Contains(c.ResidentId) && (c.Code == "2" || c.Code == "3"))
                             .Select(c => new { c.ResidentId, c.Code, c.DiagnosedOn }).ToListAsync(ct))
                    notes[c.ResidentId] = (notes.TryGetValue(c.ResidentId, out var n) ? n + "；" : "")
                        + ChronicMapping.ProgrammeName(c.Code == "2" ? Programme.Hypertension : Programme.Diabetes) + (c.DiagnosedOn is { } on ? $" {on:yyyy-MM-dd}" : "");
        }
        var rows = people.Where(p => keep.Contains(p.Id)).Select(p => new ChronicListRow(p.Id, p.Name, p.Sex, Age.CompletedYears(p.BirthDate, today), Masked(p.Phone), null, "",
            null, null, null, null, 0, "", p.TeamId, p.OrganizationId, "", notes.GetValueOrDefault(p.Id))).ToList();
        return judged ? (rows.Count, rows.Skip(page.Skip).Take(page.PageSize).ToList()) : (total, rows);
    }

    /// <summary>Lists show phones masked, as the resident search does; the full number is on the record (its read is audited).</summary>
    private static string? Masked(string? phone) => phone is null ? null : PhoneNumber.Mask(phone);
}
