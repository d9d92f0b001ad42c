using CommunityHealth.Data;
using CommunityHealth.Data.Residents;
using CommunityHealth.Web.Platform.WorkList;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>
/// Every table that holds a resident's history, in one place: a transfer moves the rows into the new organisation, a
/// merge moves them to the surviving record (and its undo moves exactly those rows back). A module that adds a
/// per-resident table adds it here, and both operations carry it.
/// </summary>
public static class ResidentRows
{
    /// <summary>The duplicate's rows a merge will move, by table (every row, whatever organisation holds it).</summary>
    public static async Task CollectAsync(HealthDbContext db, Guid residentId, MergeMoves moves, CancellationToken ct)
    {
        moves.Examinations = await IdsAsync(db.Examinations, residentId, ct);
        moves.Encounters = await IdsAsync(db.Encounters, residentId, ct);
        moves.Conditions = await IdsAsync(db.ResidentConditions, residentId, ct);
        moves.Changes = await IdsAsync(db.ResidentChanges, residentId, ct);
        moves.Vaccinees = await IdsAsync(db.Vaccinees, residentId, ct);
        moves.VaccinationDoses = await IdsAsync(db.VaccinationDoses, residentId, ct);
        moves.ChronicRegistrations = await IdsAsync(db.ChronicRegistrations, residentId, ct);
        moves.ChronicVisits = await IdsAsync(db.ChronicVisits, residentId, ct);
        moves.Referrals = await IdsAsync(db.Referrals, residentId, ct);
        moves.Measurements = await IdsAsync(db.Measurements, residentId, ct);
        moves.HouseholdMembers = await db.HouseholdMembers.IgnoreQueryFilters().Where(x => x.ResidentId == residentId && x.To == null).Select(x => x.Id).ToListAsync(ct);
    }

    /// <summary>Moves the listed rows from one resident to another, into the target's organisation.</summary>
    public static async Task MoveAsync(HealthDbContext db, MergeMoves moves, Guid from, Resident to, CancellationToken ct)
    {
        var (center, org) = (to.CenterId, to.OrganizationId);
        await MoveAsync(db.Examinations, moves.Examinations, from, to.Id, center, org, ct);
        await MoveAsync(db.Encounters, moves.Encounters, from, to.Id, center, org, ct);
        await MoveAsync(db.ResidentConditions, moves.Conditions, from, to.Id, center, org, ct);
        await MoveAsync(db.ResidentChanges, moves.Changes, from, to.Id, center, org, ct);
        await MoveAsync(db.Vaccinees, moves.Vaccinees, from, to.Id, center, org, ct);
        await MoveAsync(db.VaccinationDoses, moves.VaccinationDoses, from, to.Id, center, org, ct);
        foreach (var vaccinee in moves.Vaccinees) await RelocateVaccinationAsync(db, vaccinee, center, org, ct);
        if (moves.Vaccinees.Count > 0)
            await db.Vaccinees.IgnoreQueryFilters().Where(v => moves.Vaccinees.Contains(v.Id)).ExecuteUpdateAsync(s => s.SetProperty(v => v.TeamId, to.TeamId), ct);
        await MoveAsync(db.ChronicRegistrations, moves.ChronicRegistrations, from, to.Id, center, org, ct);
        await MoveAsync(db.ChronicVisits, moves.ChronicVisits, from, to.Id, center, org, ct);
        await MoveAsync(db.Referrals, moves.Referrals, from, to.Id, center, org, ct);
        await MoveAsync(db.Measurements, moves.Measurements, from, to.Id, center, org, ct);
        await WorkItemWriter.MoveSourcesAsync(db, [.. moves.Vaccinees, .. moves.ChronicRegistrations], to.Id, center, org, to.TeamId, ct); // items follow their records
        await db.HouseholdMembers.IgnoreQueryFilters().Where(x => moves.HouseholdMembers.Contains(x.Id) && x.ResidentId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResidentId, to.Id), ct);
    }

    /// <summary>
    /// A transfer within the district: the resident's history moves into the new organisation so its staff see it and
    /// its work lists carry the resident. The programmes' responsible doctor belonged to the old station and is cleared
    /// for the new team to assign; the rows stay the resident's.
    /// </summary>
    public static async Task RelocateAsync(HealthDbContext db, Guid residentId, Guid? center, Guid org, Guid? team, CancellationToken ct)
    {
        await RelocateAsync(db.ResidentChanges, residentId, center, org, ct);
        await RelocateAsync(db.Examinations, residentId, center, org, ct);
        await RelocateAsync(db.Encounters, residentId, center, org, ct);
        await RelocateAsync(db.ResidentConditions, residentId, center, org, ct);
        foreach (var vaccinee in await db.Vaccinees.Where(v => v.ResidentId == residentId).Select(v => v.Id).ToListAsync(ct))
        {
            await db.Vaccinees.Where(v => v.Id == vaccinee).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.CenterId, center).SetProperty(v => v.OrganizationId, org).SetProperty(v => v.TeamId, team), ct);
            await RelocateVaccinationAsync(db, vaccinee, center, org, ct);
        }
        await db.ChronicRegistrations.Where(r => r.ResidentId == residentId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CenterId, center).SetProperty(r => r.OrganizationId, org).SetProperty(r => r.TeamId, team)
            .SetProperty(r => r.DoctorId, (Guid?)null).SetProperty(r => r.DoctorName, ""), ct);
        await RelocateAsync(db.ChronicVisits, residentId, center, org, ct);
        await RelocateAsync(db.Referrals, residentId, center, org, ct);
        await RelocateAsync(db.Measurements, residentId, center, org, ct);
        await RelocateAsync(db.ChronicMonthStats, residentId, center, org, ct);
        await WorkItemWriter.RelocateAsync(db, residentId, center, org, team, ct); // the new station's home list carries them
    }

    /// <summary>The rows hanging off a vaccination record (not off the resident) follow it into the organisation.</summary>
    private static async Task RelocateVaccinationAsync(HealthDbContext db, Guid vaccinee, Guid? center, Guid org, CancellationToken ct)
    {
        await db.VaccinationDoses.IgnoreQueryFilters().Where(x => x.VaccineeId == vaccinee)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CenterId, center).SetProperty(x => x.OrganizationId, org), ct);
        await db.VaccineeContraindications.IgnoreQueryFilters().Where(x => x.VaccineeId == vaccinee)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CenterId, center).SetProperty(x => x.OrganizationId, org), ct);
        await db.AdverseEvents.IgnoreQueryFilters().Where(x => x.VaccineeId == vaccinee)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CenterId, center).SetProperty(x => x.OrganizationId, org), ct);
        await db.ContactAttempts.IgnoreQueryFilters().Where(x => x.VaccineeId == vaccinee)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CenterId, center).SetProperty(x => x.OrganizationId, org), ct);
        await db.ReminderMessages.IgnoreQueryFilters().Where(x => x.VaccineeId == vaccinee)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CenterId, center).SetProperty(x => x.OrganizationId, org), ct);
    }

    private static Task<List<Guid>> IdsAsync<T>(DbSet<T> set, Guid residentId, CancellationToken ct) where T : class, IResidentRow =>
        set.IgnoreQueryFilters().Where(x => x.ResidentId == residentId).Select(x => x.Id).ToListAsync(ct);

    private static async Task MoveAsync<T>(DbSet<T> set, List<Guid> ids, Guid from, Guid to, Guid? center, Guid org, CancellationToken ct) where T : class, IResidentRow
    {
        if (ids.Count == 0) return;
        await set.IgnoreQueryFilters().Where(x => ids.Contains(x.Id) && x.ResidentId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResidentId, to).SetProperty(x => x.CenterId, center).SetProperty(x => x.OrganizationId, org), ct);
    }

    private static Task<int> RelocateAsync<T>(DbSet<T> set, Guid residentId, Guid? center, Guid org, CancellationToken ct) where T : class, IResidentRow =>
        set.Where(x => x.ResidentId == residentId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CenterId, center).SetProperty(x => x.OrganizationId, org), ct);
}
