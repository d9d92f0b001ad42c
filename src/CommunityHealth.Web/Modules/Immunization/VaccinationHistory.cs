using CommunityHealth.Data;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Immunization;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// A child's stored history and what every change to it runs: the forecaster once over the whole history, each dose's
/// judgement rewritten and the next due dates stored for the work lists; and the vaccinee as the API shows it.
/// </summary>
public static class VaccinationHistory
{
    /// <summary>A child's doses in order and contraindications; doses tracked only for a caller that rewrites their judgement.</summary>
    public static async Task<(List<VaccinationDose> Doses, List<VaccineeContraindication> Contraindications)> ReadAsync(HealthDbContext db, Vaccinee child, bool tracked, CancellationToken ct) =>
        (await (tracked ? db.VaccinationDoses : db.VaccinationDoses.AsNoTracking()).Where(d => d.VaccineeId == child.Id).OrderBy(d => d.GivenAt).ToListAsync(ct),
         child.HasContraindications ? await db.VaccineeContraindications.AsNoTracking().Where(c => c.VaccineeId == child.Id).ToListAsync(ct) : []);

    /// <summary>Recomputes the child's history (<see cref="Recompute"/>) and brings its work items to the forecast, in the caller's save.</summary>
    public static async Task RecomputeAsync(HealthDbContext db, Vaccinee child, DateOnly today, DateTime now, CancellationToken ct)
    {
        var (doses, cis) = await ReadAsync(db, child, tracked: true, ct);
        await ImmunizationWorkItems.SyncAsync(db, child, Recompute(child, doses, cis, today), today, now, ct);
    }

    /// <summary>
    /// Runs the forecaster once over the whole history: every dose's validity, number and timeliness are rewritten
    /// (a dose recorded late may change how later doses count), and the next due dates are stored for the work lists.
    /// A caller that saves the child also writes its work items from the forecast returned
    /// (<see cref="ImmunizationWorkItems.SyncAsync"/>), before the same save.
    /// </summary>
    public static Forecast Recompute(Vaccinee child, IReadOnlyList<VaccinationDose> doses, IEnumerable<VaccineeContraindication> cis, DateOnly today)
    {
        var forecast = Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(ImmunizationMapping.Given), today);
        var byId = doses.ToDictionary(d => d.Id);
        foreach (var e in forecast.Doses)
        {
            if (e.Dose.Id is not { } id || !byId.TryGetValue(id, out var d)) continue;
            (d.Valid, d.ValidityReason, d.Timely) = (e.Valid, e.Reason.Length > 300 ? e.Reason[..300] : e.Reason, e.Timely);
            d.DoseNumber = e.DoseNumber; // the number it counts as: a dose recorded late renumbers the later ones
        }
        (child.NextDueDate, child.NextOverdueDate, child.ReviewOn, child.NextDueDoses) = DueDates.Of(forecast);
        return forecast;
    }

    /// <summary>The vaccinee with its doses, forecast as of <paramref name="asOf"/>, contraindications, AEFI and contacts.</summary>
    public static async Task<VaccineeDto> ViewAsync(HealthDbContext db, OrganizationCache organizations, Guid id, DateOnly asOf, CancellationToken ct)
    {
        var child = await db.Vaccinees.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == child.ResidentId).Select(r => new { r.Name, r.Sex }).FirstAsync(ct);
        var org = (await organizations.NamesAsync([child.OrganizationId], ct))[child.OrganizationId];
        var (doses, cis) = await ReadAsync(db, child, tracked: false, ct);
        var forecast = Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(ImmunizationMapping.Given), asOf);
        var aefis = await db.AdverseEvents.AsNoTracking().Where(a => a.VaccineeId == id).OrderByDescending(a => a.OnsetAt).ToListAsync(ct);
        var contacts = await db.ContactAttempts.AsNoTracking().Where(a => a.VaccineeId == id).OrderByDescending(a => a.On).ThenByDescending(a => a.CreatedAt).ToListAsync(ct);
        return new VaccineeDto(child.Id, child.ResidentId, resident.Name, resident.Sex, child.BirthDate, child.CertificateNumber, child.CertificateIssuedOn,
            child.GuardianName, child.GuardianRelation, child.GuardianPhone, child.MotherHBsAg, child.BirthWeightGrams, child.Immunodeficient, child.Ppd, child.PpdDate,
            child.ImmunoglobulinDates, child.Status, child.OrganizationId, org, child.NextDueDate, child.NextOverdueDate, child.NextDueDoses,
            ImmunizationMapping.ToDto(forecast), doses.Select(ImmunizationMapping.ToDto).ToList(),
            cis.OrderByDescending(c => c.From).Select(ImmunizationMapping.ToDto).ToList(),
            aefis.Select(ImmunizationMapping.ToDto).ToList(), contacts.Select(ImmunizationMapping.ToDto).ToList());
    }
}
