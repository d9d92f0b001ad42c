using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.WorkList;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

public sealed record CloseResident(string? Reason, DateOnly? Date, string? Note);

/// <summary>
/// Closes a record (death, moved out, lost); it stays readable. The handler keeps the suffix because the request's name is
/// the API's (OpenAPI schema <c>CloseResident</c>).
/// </summary>
public sealed class CloseResidentHandler(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/{id:guid}/close", async (Guid id, CloseResident cmd, CurrentUser user, CloseResidentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Close a record (death, moved-out, lost); it stays readable")
            .Produces<ResidentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<ResidentDto>> HandleAsync(StaffContext staff, Guid id, CloseResident cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        var v = new Validation();
        if (r.Status != ResidentStatus.Active) v.Add("reason", "error.resident.not_active");
        if (!ResidentCodes.CloseReason.IsValid(cmd.Reason, clock.Today())) v.Add("reason", string.IsNullOrEmpty(cmd.Reason) ? "error.required" : "error.code_unknown");
        if (cmd.Date is null) v.Add("date", "error.required");
        else if (cmd.Date > clock.Today()) v.Add("date", "error.date_future");
        else if (cmd.Date < r.BirthDate) v.Add("date", "error.date_before_birth");
        if (cmd.Reason == "death" && string.IsNullOrWhiteSpace(cmd.Note)) v.Add("note", "error.resident.death_cause_required");
        v.OptionalText("note", cmd.Note, 200);
        if (v.ToError() is { } invalid) return invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        r.Status = ResidentStatus.Closed;
        r.ClosedOn = cmd.Date;
        r.CloseReason = cmd.Reason;
        r.CloseNote = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim();
        r.UpdatedAt = now;
        db.ResidentChanges.Add(ResidentMapping.Change(r, staff, now, "status", "Active", $"Closed {cmd.Reason} {cmd.Date:yyyy-MM-dd} {r.CloseNote}".Trim()));
        await WorkItemWriter.CloseResidentAsync(db, r.Id, clock.Today(), now, ct); // nothing more is due for a closed record
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Close, $"{cmd.Reason} {cmd.Date:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return ResidentMapping.ToDto(r, clock.Today());
    }
}
