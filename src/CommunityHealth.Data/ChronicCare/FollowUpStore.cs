using CommunityHealth.Domain.ChronicCare;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Data.ChronicCare;

/// <inheritdoc cref="IFollowUpStore"/>
public sealed class FollowUpStore : IFollowUpStore
{
    private static readonly string[] SyncedColumns = [nameof(ChronicMonthStat.Visits), nameof(ChronicMonthStat.FaceToFace), nameof(ChronicMonthStat.LastVisitOn),
        nameof(ChronicMonthStat.LastControlled), nameof(ChronicMonthStat.NextMonth), nameof(ChronicMonthStat.RegisteredOn), nameof(ChronicMonthStat.DeregisteredOn),
        nameof(ChronicMonthStat.CenterId), nameof(ChronicMonthStat.OrganizationId), nameof(ChronicMonthStat.UpdatedAt)];
    private static readonly string[] Rejudged = [nameof(ChronicVisit.HypertensionReasons), nameof(ChronicVisit.DiabetesReasons), nameof(ChronicVisit.NextVisitOn),
        nameof(ChronicVisit.ProposedNextVisit), nameof(ChronicVisit.ReferralAdvised)];
    private static readonly string[] RegistrationOutcome = [nameof(ChronicRegistration.LastVisitOn), nameof(ChronicRegistration.LastClass),
        nameof(ChronicRegistration.LastControlled), nameof(ChronicRegistration.NextVisitOn), nameof(ChronicRegistration.ConsecutiveUnsatisfactory),
        nameof(ChronicRegistration.UpdatedAt)];

    public async Task<FollowUpSubject?> ReadSubjectAsync(HealthDbContext db, Guid residentId, int visitYear, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId)
            .Select(r => new { r.Id, r.DistrictId, r.CenterId, r.OrganizationId, r.BirthDate, r.Status }).FirstOrDefaultAsync(ct);
        if (resident is null) return null;
        var height = await db.Examinations.AsNoTracking().Where(e => e.ResidentId == residentId && e.HeightCm != null)
            .OrderByDescending(e => e.ExamDate).Select(e => e.HeightCm).FirstOrDefaultAsync(ct);
        var registrations = await db.ChronicRegistrations.AsNoTracking()
            .Where(r => r.ResidentId == residentId && r.Status == RegistrationStatus.Active).ToListAsync(ct);
        var stats = await db.ChronicMonthStats.AsNoTracking().Where(s => s.ResidentId == residentId && s.Year == visitYear).ToListAsync(ct);
        var history = await Chain(db, residentId).ToListAsync(ct);
        return new FollowUpSubject(resident.Id, resident.DistrictId, resident.CenterId, resident.OrganizationId, resident.BirthDate, resident.Status,
            height, registrations, stats, history);
    }

    /// <summary>
    /// A patient's chain of visits, only the columns the chain and the year's rows need: all of them (and the scope's) are in
    /// the covering index <c>IX_chronic_visits_chain</c>, so the read never touches the table (SqliteQueryPlanTests).
    /// </summary>
    public static IQueryable<ChronicVisit> Chain(HealthDbContext db, Guid residentId) =>
        db.ChronicVisits.AsNoTracking().Where(v => v.ResidentId == residentId).Select(v => new ChronicVisit
        {
            Id = v.Id, VisitDate = v.VisitDate, CreatedAt = v.CreatedAt, HypertensionClass = v.HypertensionClass, DiabetesClass = v.DiabetesClass,
            Mode = v.Mode, ForHypertension = v.ForHypertension, ForDiabetes = v.ForDiabetes, BpControlled = v.BpControlled, GlucoseControlled = v.GlucoseControlled,
        });

    public async Task SaveAsync(HealthDbContext db, FollowUpSave save, CancellationToken ct)
    {
        db.ChronicVisits.Add(save.Visit);
        db.Measurements.AddRange(save.Measurements);
        foreach (var (row, change) in save.Stats)
        {
            switch (change)
            {
                case RowChange.Insert: db.ChronicMonthStats.Add(row); break;
                case RowChange.Update: Modified(db, row, SyncedColumns); break;
                default: db.ChronicMonthStats.Remove(row); break;
            }
        }
        foreach (var v in save.Rejudged) Modified(db, v, Rejudged);
        foreach (var reg in save.Registrations) Modified(db, reg, RegistrationOutcome);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An untracked row whose <paramref name="columns"/> are written (and only those).</summary>
    private static void Modified<T>(HealthDbContext db, T row, string[] columns) where T : class
    {
        var entry = db.Attach(row);
        foreach (var c in columns) entry.Property(c).IsModified = true;
    }
}
