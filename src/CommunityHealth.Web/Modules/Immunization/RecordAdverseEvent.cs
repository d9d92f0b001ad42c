using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record RecordAdverseEventRequest(Guid? DoseId, DateTime? OnsetAt, string? Symptoms, bool? Serious, string? Outcome, string? Note);

/// <summary>Records a suspected adverse event following immunization (疑似预防接种异常反应, AEFI), optionally tied to a dose.</summary>
public sealed class RecordAdverseEvent(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder vaccinees) =>
        vaccinees.MapPost("/{id:guid}/adverse-events", async (Guid id, RecordAdverseEventRequest cmd, CurrentUser user, RecordAdverseEvent h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(r => TypedResults.Created($"/api/vaccinees/{id}", r)))
            .WithSummary("Record a suspected adverse event following immunization (AEFI)").Produces<AdverseEventDto>(201).ProducesValidationProblem();

    public async Task<Outcome<AdverseEventDto>> HandleAsync(StaffContext staff, Guid id, RecordAdverseEventRequest cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var v = new Validation().RequireText("symptoms", cmd.Symptoms, 500).RequireText("outcome", cmd.Outcome, 200).OptionalText("note", cmd.Note, 500);
        var dose = cmd.DoseId is { } did ? await db.VaccinationDoses.AsNoTracking().FirstOrDefaultAsync(d => d.Id == did && d.VaccineeId == id, ct) : null;
        if (cmd.DoseId is not null && dose is null) v.Add("doseId", "error.vaccination.dose_unknown");
        var onset = cmd.OnsetAt is { } o ? ChinaTime.ToUtc(o) : (DateTime?)null;
        if (onset is null) v.Add("onsetAt", "error.required");
        else if (onset > clock.GetUtcNow().UtcDateTime.AddMinutes(5)) v.Add("onsetAt", "error.date_future");
        else if (dose is not null && onset < dose.GivenAt) v.Add("onsetAt", "error.vaccination.onset_before_dose");
        else if (ChinaTime.DateOf(onset.Value) < child.BirthDate) v.Add("onsetAt", "error.date_before_birth");
        if (v.ToError() is { } invalid) return invalid;
        var aefi = new AdverseEvent
        {
            Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = child.CenterId, OrganizationId = child.OrganizationId, VaccineeId = id,
            DoseId = dose?.Id, OnsetAt = onset!.Value, Symptoms = cmd.Symptoms!.Trim(), Serious = cmd.Serious ?? false, Outcome = cmd.Outcome!.Trim(),
            Note = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim(), RecordedBy = staff.DisplayName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AdverseEvents.Add(aefi);
        db.Audit(staff, "AdverseEvent", aefi.Id.ToString(), AuditActions.Create, $"vaccinee {id}{(aefi.Serious ? " serious" : "")}");
        await db.SaveChangesAsync(ct);
        return ImmunizationMapping.ToDto(aefi);
    }
}
