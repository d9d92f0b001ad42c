using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>Ends a contraindication or exemption today (it stays in the history); the forecast is recomputed.</summary>
public sealed class EndContraindication(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder vaccinees) =>
        vaccinees.MapPost("/{id:guid}/contraindications/{cid:guid}/end", async (Guid id, Guid cid, CurrentUser user, EndContraindication h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cid, ct)).ToResult(TypedResults.Ok))
            .WithSummary("End a contraindication or exemption today").Produces<VaccineeDto>().ProducesValidationProblem();

    public async Task<Outcome<VaccineeDto>> HandleAsync(StaffContext staff, Guid id, Guid contraindicationId, CancellationToken ct = default)
    {
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        var ci = await db.VaccineeContraindications.FirstOrDefaultAsync(x => x.Id == contraindicationId && x.VaccineeId == id, ct);
        if (child is null || ci is null) return new NotFound("VaccineeContraindication", contraindicationId.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        if (ci.Until is { } u && u <= today) return new Invalid("until", "error.vaccination.already_ended");
        ci.Until = today < ci.From ? ci.From : today; // from today it no longer applies
        db.Audit(staff, "Vaccinee", id.ToString(), AuditActions.Update, $"end {ci.Kind} {ci.Vaccine}");
        await db.SaveChangesAsync(ct);
        await VaccinationHistory.RecomputeAsync(db, child, today, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return await VaccinationHistory.ViewAsync(db, organizations, id, clock.Today(), ct);
    }
}
