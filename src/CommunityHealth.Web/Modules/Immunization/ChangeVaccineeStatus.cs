using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record ChangeVaccineeStatusRequest(VaccineeStatus? Status, DateOnly? Date);

/// <summary>Moved away (迁出) or closed: off the work lists and out of the clinic's denominators; reactivation allowed.</summary>
public sealed class ChangeVaccineeStatus(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder vaccinees) =>
        vaccinees.MapPost("/{id:guid}/status", async (Guid id, ChangeVaccineeStatusRequest cmd, CurrentUser user, ChangeVaccineeStatus h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Active, MovedAway (off the lists and denominators) or Closed").Produces<VaccineeDto>().ProducesValidationProblem();

    public async Task<Outcome<VaccineeDto>> HandleAsync(StaffContext staff, Guid id, ChangeVaccineeStatusRequest cmd, CancellationToken ct = default)
    {
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation();
        if (cmd.Status is null) v.Add("status", "error.required");
        VaccineeValidation.CheckDay(v, "date", cmd.Date, child.BirthDate, today);
        if (v.ToError() is { } invalid) return invalid;
        child.Status = cmd.Status!.Value;
        child.StatusDate = cmd.Date ?? today;
        child.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await VaccinationHistory.RecomputeAsync(db, child, today, child.UpdatedAt, ct); // off the home list, or back on it
        db.Audit(staff, "Vaccinee", id.ToString(), AuditActions.Update, $"status {child.Status}");
        await db.SaveChangesAsync(ct);
        return await VaccinationHistory.ViewAsync(db, organizations, id, clock.Today(), ct);
    }
}
