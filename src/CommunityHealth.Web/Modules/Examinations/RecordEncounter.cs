using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Examinations;

public sealed record RecordEncounter(DateOnly? Date, string? Subjective, string? Objective, string? Assessment, string? Plan);

/// <summary>
/// Records a 接诊记录 (SOAP note) for a resident in scope. The handler keeps the suffix because the request's name is the
/// API's (OpenAPI schema <c>RecordEncounter</c>).
/// </summary>
public sealed class RecordEncounterHandler(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder resident) =>
        resident.MapPost("/encounters", async (Guid residentId, RecordEncounter cmd, CurrentUser user, RecordEncounterHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), residentId, cmd, ct)).ToResult(e => TypedResults.Created($"/api/residents/{residentId}/encounters", e)))
            .WithTags("Encounters").WithSummary("Record a 接诊记录 (SOAP note)")
            .Produces<EncounterDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<EncounterDto>> HandleAsync(StaffContext staff, Guid residentId, RecordEncounter cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (r is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ExaminationsWrite)) return new Forbidden();
        var v = new Validation().RequireText("subjective", cmd.Subjective, 1000).OptionalText("objective", cmd.Objective, 1000)
            .OptionalText("assessment", cmd.Assessment, 1000).OptionalText("plan", cmd.Plan, 1000);
        if (cmd.Date is not { } date) v.Add("date", "error.required");
        else if (date > clock.Today()) v.Add("date", "error.date_future");
        else if (date < r.BirthDate) v.Add("date", "error.date_before_birth");
        if (r.Status != ResidentStatus.Active) v.Add("date", "error.resident.not_active");
        if (v.ToError() is { } invalid) return invalid;
        var e = new Encounter
        {
            Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId, ResidentId = r.Id,
            Date = cmd.Date!.Value, Subjective = cmd.Subjective!.Trim(), Objective = Clean(cmd.Objective), Assessment = Clean(cmd.Assessment),
            Plan = Clean(cmd.Plan), Doctor = staff.DisplayName, CreatedById = staff.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Encounters.Add(e);
        db.Audit(staff, "Encounter", e.Id.ToString(), AuditActions.Create, $"resident {r.Id}");
        await db.SaveChangesAsync(ct);
        return ExaminationMapping.ToDto(e);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
