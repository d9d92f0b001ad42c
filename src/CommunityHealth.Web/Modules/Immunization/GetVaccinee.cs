using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>A child's vaccination record: doses (validity and reasons), the forecast as of a date, contraindications, AEFI, contacts.</summary>
public sealed class GetVaccinee(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder vaccinees) =>
        vaccinees.MapGet("/{id:guid}", async (Guid id, DateOnly? asOf, CurrentUser user, GetVaccinee h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, asOf, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The child with doses (validity and reasons), forecast as of asOf (default today), contraindications, AEFI, contacts")
            .Produces<VaccineeDto>().ProducesProblem(404);

    /// <summary>GET /residents/{residentId}/vaccinee, outside the /vaccinees group.</summary>
    public static void MapByResident(RouteGroupBuilder api) =>
        api.MapGet("/residents/{residentId:guid}/vaccinee", async (Guid residentId, CurrentUser user, GetVaccinee h, CancellationToken ct) =>
            (await h.ByResidentAsync(await user.GetAsync(), residentId, ct)).ToResult(TypedResults.Ok))
            .WithTags("Immunization").WithSummary("The resident's vaccination record, if registered").Produces<VaccineeDto>().ProducesProblem(404);

    public async Task<Outcome<VaccineeDto>> HandleAsync(StaffContext staff, Guid id, DateOnly? asOf = null, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.Vaccinees.AnyAsync(x => x.Id == id, ct)) return new NotFound("Vaccinee", id.ToString());
        return await VaccinationHistory.ViewAsync(db, organizations, id, asOf ?? clock.Today(), ct);
    }

    /// <summary>The record of the resident's vaccinee, if registered.</summary>
    public async Task<Outcome<VaccineeDto>> ByResidentAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var id = await db.Vaccinees.Where(x => x.ResidentId == residentId).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        if (id is null) return new NotFound("Vaccinee", residentId.ToString());
        return await VaccinationHistory.ViewAsync(db, organizations, id.Value, clock.Today(), ct);
    }

    /// <summary>The id of the resident's vaccinee, or null when the child is not registered.</summary>
    public async Task<Guid?> IdOfResidentAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        return await db.Vaccinees.Where(v => v.ResidentId == residentId).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
    }
}
