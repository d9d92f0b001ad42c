using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record RecordObservationRequest(DateTime? ObservedUntil, string? Note);

/// <summary>The 30-minute observation after a dose (<see cref="VisitRules.ObservationMinutes"/>): until when, and a note.</summary>
public sealed class RecordObservation(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/vaccination-doses/{id:guid}/observation", async (Guid id, RecordObservationRequest cmd, CurrentUser user, RecordObservation h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithTags("Immunization").WithSummary("The 30-minute observation after the dose").Produces<DoseDto>().ProducesValidationProblem();

    public async Task<Outcome<DoseDto>> HandleAsync(StaffContext staff, Guid doseId, RecordObservationRequest cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var dose = await db.VaccinationDoses.FirstOrDefaultAsync(d => d.Id == doseId, ct);
        if (dose is null) return new NotFound("VaccinationDose", doseId.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var until = cmd.ObservedUntil is { } u ? ChinaTime.ToUtc(u) : clock.GetUtcNow().UtcDateTime;
        var v = new Validation().OptionalText("note", cmd.Note, 200);
        if (!VisitRules.ObservationComplete(dose.GivenAt, until)) v.Add("observedUntil", "error.vaccination.observation_short");
        else if (until > clock.GetUtcNow().UtcDateTime.AddMinutes(5)) v.Add("observedUntil", "error.date_future");
        if (v.ToError() is { } invalid) return invalid;
        dose.ObservedUntil = until;
        dose.ObservationNote = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim();
        db.Audit(staff, "VaccinationDose", dose.Id.ToString(), AuditActions.Update, "observation");
        await db.SaveChangesAsync(ct);
        return ImmunizationMapping.ToDto(dose);
    }
}
