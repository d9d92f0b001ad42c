using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record RecordContraindicationRequest(string? Vaccine, ContraindicationKind? Kind, DateOnly? From, DateOnly? Until, string? Reason);

/// <summary>Records a contraindication or exemption for a vaccine; the forecast is recomputed with it.</summary>
public sealed class RecordContraindication(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder vaccinees) =>
        vaccinees.MapPost("/{id:guid}/contraindications", async (Guid id, RecordContraindicationRequest cmd, CurrentUser user, RecordContraindication h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Record a contraindication or exemption for a vaccine").Produces<VaccineeDto>().ProducesValidationProblem();

    public async Task<Outcome<VaccineeDto>> HandleAsync(StaffContext staff, Guid id, RecordContraindicationRequest cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation().RequireText("reason", cmd.Reason, 200);
        VaccineeValidation.CheckVaccine(v, cmd.Vaccine);
        if (cmd.From is null) v.Add("from", "error.required");
        VaccineeValidation.CheckDay(v, "from", cmd.From, child.BirthDate, clock.Today());
        if (cmd.Until is { } until && cmd.From is { } from && until <= from) v.Add("until", "error.vaccination.until_before_from");
        if (v.ToError() is { } invalid) return invalid;
        db.VaccineeContraindications.Add(new VaccineeContraindication
        {
            Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = child.CenterId, OrganizationId = child.OrganizationId, VaccineeId = id,
            Vaccine = cmd.Vaccine!, Kind = cmd.Kind ?? ContraindicationKind.Contraindication, From = cmd.From!.Value, Until = cmd.Until,
            Reason = cmd.Reason!.Trim(), RecordedBy = staff.DisplayName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        child.HasContraindications = true;
        db.Audit(staff, "Vaccinee", id.ToString(), AuditActions.Update, $"{cmd.Kind ?? ContraindicationKind.Contraindication} {cmd.Vaccine}");
        await db.SaveChangesAsync(ct);
        await VaccinationHistory.RecomputeAsync(db, child, clock.Today(), clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return await VaccinationHistory.ViewAsync(db, organizations, id, clock.Today(), ct);
    }
}
