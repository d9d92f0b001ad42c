using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// The forecast as of a date (today when absent), computed from the stored history; served as FHIR
/// ImmunizationRecommendation (Fhir/ImmunizationFhir.cs).
/// </summary>
public sealed class GetForecast(ScopedDb dbs, TimeProvider clock)
{
    /// <summary>
    /// The forecast for a resident: from the vaccination record when the child is registered, else from the birth date
    /// alone (no doses known).
    /// </summary>
    public async Task<Outcome<(Guid ResidentId, Guid? VaccineeId, Guid OrganizationId, Forecast Forecast)>> HandleAsync(StaffContext staff, Guid residentId, DateOnly? asOf, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId && r.Status != ResidentStatus.Merged)
            .Select(r => new { r.Id, r.BirthDate, r.OrganizationId }).FirstOrDefaultAsync(ct);
        if (resident is null) return new NotFound("Patient", residentId.ToString());
        var child = await db.Vaccinees.AsNoTracking().FirstOrDefaultAsync(v => v.ResidentId == residentId, ct);
        if (child is null)
            return (resident.Id, null, resident.OrganizationId, Forecaster.Evaluate(new ChildFacts(resident.BirthDate), [], asOf ?? clock.Today()));
        var (doses, cis) = await VaccinationHistory.ReadAsync(db, child, tracked: false, ct);
        return (resident.Id, child.Id, child.OrganizationId, Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(ImmunizationMapping.Given), asOf ?? clock.Today()));
    }

    /// <summary>The forecast for a registered child.</summary>
    public async Task<Outcome<(Vaccinee Child, Forecast Forecast)>> ForVaccineeAsync(StaffContext staff, Guid id, DateOnly? asOf, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        var (doses, cis) = await VaccinationHistory.ReadAsync(db, child, tracked: false, ct);
        return (child, Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(ImmunizationMapping.Given), asOf ?? clock.Today()));
    }
}
