using CommunityHealth.Data;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Domain.ChronicCare;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>One visit as the stored year-to-date rows need it, with the programmes it counts for.</summary>
public sealed record StatVisit(DateOnly Date, DateTime EnteredAt, VisitMode Mode, bool ForHypertension, bool ForDiabetes, bool? BpControlled, bool? GlucoseControlled);

/// <summary>
/// Keeps <see cref="ChronicMonthStat"/> (a patient's programme year to each month end) in line with the visits and the
/// registration: every visit re-derives its year's rows from the visit list the clinic already read, (de)registration
/// updates the copied dates, a transfer moves the rows with the resident and a merge rebuilds both records' rows.
/// Derived data only — the visits and registrations stay the truth, and <see cref="RebuildAsync"/> recreates the rows.
/// </summary>
public static class ChronicStats
{
    /// <summary>
    /// The changes that bring the resident's rows for <paramref name="year"/> (<paramref name="stored"/>: the year's rows as
    /// read) in line with <paramref name="visits"/> (a visit changes one or two of the year's rows), for the follow-up's
    /// save (<see cref="IFollowUpStore.SaveAsync"/>). Only the programmes of <paramref name="registrations"/> (the active
    /// ones) are touched: a deregistered programme's rows stay as they were.
    /// </summary>
    public static List<MonthStatChange> SyncYear(IReadOnlyList<ChronicRegistration> registrations, IReadOnlyList<ChronicMonthStat> stored, Guid residentId, int year,
        IReadOnlyList<StatVisit> visits, DateTime now)
    {
        var changes = new List<MonthStatChange>();
        var existing = stored.Where(s => s.Year == year && registrations.Any(r => r.Programme == s.Programme)).ToList();
        var wanted = Rows(registrations, residentId, visits.Where(v => v.Date.Year == year).ToList(), now).ToDictionary(r => (r.Programme, r.Month));
        foreach (var row in existing)
        {
            if (!wanted.Remove((row.Programme, row.Month), out var w)) { changes.Add(new(row, RowChange.Delete)); continue; }
            if ((row.Visits, row.FaceToFace, row.LastVisitOn, row.LastControlled, row.NextMonth, row.RegisteredOn, row.DeregisteredOn, row.OrganizationId) ==
                (w.Visits, w.FaceToFace, w.LastVisitOn, w.LastControlled, w.NextMonth, w.RegisteredOn, w.DeregisteredOn, w.OrganizationId)) continue;
            (row.Visits, row.FaceToFace, row.LastVisitOn, row.LastControlled, row.NextMonth, row.RegisteredOn, row.DeregisteredOn) =
                (w.Visits, w.FaceToFace, w.LastVisitOn, w.LastControlled, w.NextMonth, w.RegisteredOn, w.DeregisteredOn);
            (row.CenterId, row.OrganizationId, row.UpdatedAt) = (w.CenterId, w.OrganizationId, now);
            changes.Add(new(row, RowChange.Update));
        }
        changes.AddRange(wanted.Values.Select(row => new MonthStatChange(row, RowChange.Insert)));
        return changes;
    }

    /// <summary>A (re-)registration or a deregistration: the rows of that programme carry the registration's dates.</summary>
    public static Task CopyRegistrationAsync(HealthDbContext db, ChronicRegistration reg, CancellationToken ct) =>
        db.ChronicMonthStats.IgnoreQueryFilters().Where(s => s.ResidentId == reg.ResidentId && s.Programme == reg.Programme)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RegisteredOn, reg.RegisteredOn).SetProperty(s => s.DeregisteredOn, reg.DeregisteredOn), ct);

    /// <summary>Recreates all of a resident's rows from the stored visits and registrations (after a merge or its undo moved them).</summary>
    public static async Task RebuildAsync(HealthDbContext db, Guid residentId, DateTime now, CancellationToken ct)
    {
        await db.ChronicMonthStats.IgnoreQueryFilters().Where(s => s.ResidentId == residentId).ExecuteDeleteAsync(ct);
        var registrations = await db.ChronicRegistrations.IgnoreQueryFilters().AsNoTracking().Where(r => r.ResidentId == residentId).ToListAsync(ct);
        var visits = await db.ChronicVisits.IgnoreQueryFilters().AsNoTracking().Where(v => v.ResidentId == residentId)
            .Select(v => new StatVisit(v.VisitDate, v.CreatedAt, v.Mode, v.ForHypertension, v.ForDiabetes, v.BpControlled, v.GlucoseControlled)).ToListAsync(ct);
        db.ChronicMonthStats.AddRange(Rows(registrations, residentId, visits, now));
    }

    /// <summary>
    /// A database whose visits predate the stored rows (upgraded in place) gets them once at start-up, derived from the
    /// visits and registrations of 500 residents per two queries (not a query per resident).
    /// </summary>
    public static async Task BackfillAsync(HealthDbContext db, DateTime now, CancellationToken ct)
    {
        if (await db.ChronicMonthStats.AnyAsync(ct) || !await db.ChronicVisits.AnyAsync(ct)) return;
        var residents = await db.ChronicVisits.Select(v => v.ResidentId).Distinct().ToListAsync(ct);
        foreach (var chunk in residents.Chunk(500))
        {
            var registrations = (await db.ChronicRegistrations.AsNoTracking().Where(r => chunk.Contains(r.ResidentId)).ToListAsync(ct)).ToLookup(r => r.ResidentId);
            var visits = (await db.ChronicVisits.AsNoTracking().Where(v => chunk.Contains(v.ResidentId))
                .Select(v => new { v.ResidentId, Visit = new StatVisit(v.VisitDate, v.CreatedAt, v.Mode, v.ForHypertension, v.ForDiabetes, v.BpControlled, v.GlucoseControlled) })
                .ToListAsync(ct)).ToLookup(v => v.ResidentId, v => v.Visit);
            foreach (var id in chunk)
                db.ChronicMonthStats.AddRange(Rows(registrations[id].ToList(), id, visits[id].ToList(), now));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// All the rows a resident's visits give, every year and programme, each carrying the programme's registration (the
    /// latest one when there were several) and its organisation; a programme without a registration gives none.
    /// </summary>
    public static IEnumerable<ChronicMonthStat> Rows(IReadOnlyList<ChronicRegistration> registrations, Guid residentId, IReadOnlyList<StatVisit> visits, DateTime now)
    {
        foreach (var programme in new[] { Programme.Hypertension, Programme.Diabetes })
        {
            var reg = registrations.Where(r => r.Programme == programme).OrderByDescending(r => r.Status == RegistrationStatus.Active).ThenByDescending(r => r.RegisteredOn)
                .FirstOrDefault();
            if (reg is null) continue;
            var counted = visits.Where(v => programme == Programme.Hypertension ? v.ForHypertension : v.ForDiabetes)
                .Select(v => new CountedVisit(v.Date, v.EnteredAt, v.Mode, programme == Programme.Hypertension ? v.BpControlled : v.GlucoseControlled)).ToList();
            foreach (var year in counted.Select(v => v.Date.Year).Distinct())
            {
                var months = YearToDate.Build(year, counted);
                for (var i = 0; i < months.Count; i++)
                {
                    var m = months[i];
                    yield return new ChronicMonthStat
                    {
                        Id = Guid.CreateVersion7(), DistrictId = reg.DistrictId, CenterId = reg.CenterId, OrganizationId = reg.OrganizationId, ResidentId = residentId,
                        Programme = programme, Year = year, Month = m.Month, Visits = m.Visits, FaceToFace = m.FaceToFace, LastVisitOn = m.LastVisitOn,
                        LastControlled = m.LastControlled, NextMonth = i == months.Count - 1 ? 13 : months[i + 1].Month, RegisteredOn = reg.RegisteredOn, DeregisteredOn = reg.DeregisteredOn,
                        UpdatedAt = now,
                    };
                }
            }
        }
    }
}
