using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// An AEFI: the free-text symptoms and outcome as before, and the case-report card's items (codes of <see cref="AefiCard"/>).
/// Symptoms may be left empty when reactions are ticked (except "other"), the outcome text when the outcome is coded.
/// </summary>
public sealed record RecordAdverseEventRequest(Guid? DoseId, DateTime? OnsetAt, string? Symptoms, bool? Serious, string? Outcome, string? Note,
    DateOnly? ReportedOn = null, DateTime? VisitedAt = null, List<string>? Reactions = null, string? Diagnosis = null, bool? Hospitalized = null,
    string? Classification = null, string? OutcomeCode = null, string? Reporter = null);

/// <summary>
/// Records a suspected adverse event following immunization (疑似预防接种异常反应, AEFI), optionally tied to a dose, with the
/// items of the national case-report card (疑似预防接种异常反应个案报告卡). Death, hospitalisation, sequelae or anaphylaxis make it serious.
/// </summary>
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
        var reactions = (cmd.Reactions ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        var v = new Validation();
        if (reactions.Count == 0 || reactions.Contains("other")) v.RequireText("symptoms", cmd.Symptoms, 500);
        else v.OptionalText("symptoms", cmd.Symptoms, 500);
        if (cmd.OutcomeCode is null) v.RequireText("outcome", cmd.Outcome, 200);
        else v.OptionalText("outcome", cmd.Outcome, 200);
        v.OptionalText("note", cmd.Note, 500).OptionalText("diagnosis", cmd.Diagnosis, 200).OptionalText("reporter", cmd.Reporter, 50);
        var today = clock.Today();
        for (var i = 0; i < reactions.Count; i++)
            if (!AefiCard.Reactions.IsValid(reactions[i], today)) v.Add($"reactions[{i}]", "error.code_unknown");
            else if (reactions.IndexOf(reactions[i]) < i) v.Add($"reactions[{i}]", "error.code_duplicate");
        if (cmd.Classification is not null && !AefiCard.Classifications.IsValid(cmd.Classification, today)) v.Add("classification", "error.code_unknown");
        if (cmd.OutcomeCode is not null && !AefiCard.Outcomes.IsValid(cmd.OutcomeCode, today)) v.Add("outcomeCode", "error.code_unknown");
        var dose = cmd.DoseId is { } did ? await db.VaccinationDoses.AsNoTracking().FirstOrDefaultAsync(d => d.Id == did && d.VaccineeId == id, ct) : null;
        if (cmd.DoseId is not null && dose is null) v.Add("doseId", "error.vaccination.dose_unknown");
        var now = ChinaTime.ToChina(clock.GetUtcNow().UtcDateTime);
        var onset = cmd.OnsetAt is { } o ? ChinaTime.ToUtc(o) : (DateTime?)null;
        if (onset is null) v.Add("onsetAt", "error.required");
        else if (AefiCard.FutureProblem(ChinaTime.ToChina(onset.Value), now) is { } future) v.Add("onsetAt", future);
        else if (dose is not null && onset < dose.GivenAt) v.Add("onsetAt", "error.vaccination.onset_before_dose");
        else if (ChinaTime.DateOf(onset.Value) < child.BirthDate) v.Add("onsetAt", "error.date_before_birth");
        var visited = cmd.VisitedAt is { } va ? ChinaTime.ToUtc(va) : (DateTime?)null;
        if (visited is not null && AefiCard.FutureProblem(ChinaTime.ToChina(visited.Value), now) is { } visitFuture) v.Add("visitedAt", visitFuture);
        else if (visited is not null && onset is not null && visited < onset) v.Add("visitedAt", "error.vaccination.visit_before_onset");
        if (cmd.ReportedOn > today) v.Add("reportedOn", "error.date_future");
        else if (cmd.ReportedOn is { } rep && onset is not null && rep < ChinaTime.DateOf(onset.Value)) v.Add("reportedOn", "error.vaccination.report_before_onset");
        if (v.ToError() is { } invalid) return invalid;
        var aefi = new AdverseEvent
        {
            Id = Guid.CreateVersion7(), DistrictId = child.DistrictId, CenterId = child.CenterId, OrganizationId = child.OrganizationId, VaccineeId = id,
            DoseId = dose?.Id, OnsetAt = onset!.Value, Symptoms = cmd.Symptoms?.Trim() ?? "", Outcome = cmd.Outcome?.Trim() ?? "",
            Serious = AefiCard.Serious(cmd.Serious ?? false, cmd.Hospitalized, cmd.OutcomeCode, reactions),
            Note = Blank(cmd.Note), RecordedBy = staff.DisplayName, CreatedAt = clock.GetUtcNow().UtcDateTime,
            ReportedOn = cmd.ReportedOn ?? today, VisitedAt = visited, Reactions = reactions, Diagnosis = Blank(cmd.Diagnosis), Hospitalized = cmd.Hospitalized,
            Classification = cmd.Classification, OutcomeCode = cmd.OutcomeCode, Reporter = Blank(cmd.Reporter) ?? staff.DisplayName,
        };
        db.AdverseEvents.Add(aefi);
        db.Audit(staff, "AdverseEvent", aefi.Id.ToString(), AuditActions.Create, $"vaccinee {id}{(aefi.Serious ? " serious" : "")}");
        await db.SaveChangesAsync(ct);
        return ImmunizationMapping.ToDto(aefi);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
