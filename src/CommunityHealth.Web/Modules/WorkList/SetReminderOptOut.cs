using CommunityHealth.Data.Audit;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.WorkList;

/// <summary>Whether the resident receives reminder messages; set with who asked for it and why.</summary>
public sealed record ReminderOptOutRequest(bool? OptOut, string? Reason);

public sealed record ReminderOptOutDto(Guid ResidentId, bool OptedOut, string? Reason, string? By, DateTime? At);

/// <summary>
/// A resident's opt-out of reminder messages (every programme): generation skips them while the row exists. Reading it needs
/// the resident in scope; setting it needs the resident write permission and is audited.
/// </summary>
public sealed class SetReminderOptOut(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/residents/{residentId:guid}/reminders", async (Guid residentId, CurrentUser user, SetReminderOptOut h, CancellationToken ct) =>
            (await h.GetAsync(await user.GetAsync(), residentId, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Whether the resident opted out of reminder messages").Produces<ReminderOptOutDto>().ProducesProblem(404);
        g.MapPut("/residents/{residentId:guid}/reminders", async (Guid residentId, ReminderOptOutRequest cmd, CurrentUser user, SetReminderOptOut h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), residentId, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Opt the resident out of reminder messages (optOut true, with a reason) or back in").Produces<ReminderOptOutDto>()
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
    }

    public async Task<Outcome<ReminderOptOutDto>> GetAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return new NotFound("Resident", residentId.ToString());
        var row = await db.ReminderOptOuts.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.ResidentId == residentId, ct);
        return new ReminderOptOutDto(residentId, row is not null, row?.Reason, row?.By, row?.CreatedAt);
    }

    public async Task<Outcome<ReminderOptOutDto>> HandleAsync(StaffContext staff, Guid residentId, ReminderOptOutRequest cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        var v = new Validation().OptionalText("reason", cmd.Reason, 200);
        if (cmd.OptOut is null) v.Add("optOut", "error.required");
        if (v.ToError() is { } invalid) return invalid;
        // a transfer does not move the row: the wish stays with the resident, found by id whatever organisation wrote it
        var row = await db.ReminderOptOuts.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.ResidentId == residentId, ct);
        if (row is not null) (row.CenterId, row.OrganizationId) = (resident.CenterId, resident.OrganizationId); // now the resident's organisation's row
        var now = clock.GetUtcNow().UtcDateTime;
        if (cmd.OptOut == true && row is null)
            db.ReminderOptOuts.Add(row = new ReminderOptOut
            {
                Id = Guid.CreateVersion7(), DistrictId = resident.DistrictId, CenterId = resident.CenterId, OrganizationId = resident.OrganizationId,
                ResidentId = residentId, Reason = string.IsNullOrWhiteSpace(cmd.Reason) ? null : cmd.Reason.Trim(), By = staff.DisplayName, CreatedAt = now,
            });
        else if (cmd.OptOut == false && row is not null) { db.ReminderOptOuts.Remove(row); row = null; }
        db.Audit(staff, "Resident", residentId.ToString(), AuditActions.Update, cmd.OptOut == true ? "reminders opt-out" : "reminders opt-in");
        await db.SaveChangesAsync(ct);
        return new ReminderOptOutDto(residentId, row is not null, row?.Reason, row?.By, row?.CreatedAt);
    }
}
