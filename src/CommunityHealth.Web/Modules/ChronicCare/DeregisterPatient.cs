using CommunityHealth.Data.Audit;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

public sealed record DeregisterChronic(string? Reason, DateOnly? On, string? Note);

/// <summary>Ends a registration with a coded reason (death, moved, diagnosis withdrawn, lost, other); its visits and history stay.</summary>
public sealed class DeregisterPatient(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/registrations/{id:guid}/deregister", async (Guid id, DeregisterChronic cmd, CurrentUser user, DeregisterPatient h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Deregister with a reason (1 death, 2 moved, 3 diagnosis withdrawn, 4 lost, 5 other); the history stays")
            .Produces<RegistrationDto>().ProducesValidationProblem();

    public async Task<Outcome<RegistrationDto>> HandleAsync(StaffContext staff, Guid registrationId, DeregisterChronic cmd, CancellationToken ct = default)
    {
        var today = clock.Today();
        await using var db = dbs.For(staff);
        var reg = await db.ChronicRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (reg is null) return new NotFound("ChronicRegistration", registrationId.ToString());
        if (!staff.Can(Permission.ChronicCareWrite)) return new Forbidden();
        var on = cmd.On ?? today;
        var v = new Validation().OptionalText("note", cmd.Note, 200);
        if (reg.Status != RegistrationStatus.Active) v.Add("reason", "error.chronic.not_registered");
        if (!ChronicCodes.DeregisterReason.IsValid(cmd.Reason, on)) v.Add("reason", string.IsNullOrWhiteSpace(cmd.Reason) ? "error.required" : "error.code_unknown");
        if (on > today) v.Add("on", "error.date_future");
        else if (on < reg.RegisteredOn) v.Add("on", "error.chronic.before_registration");
        if (v.ToError() is { } invalid) return invalid;
        (reg.Status, reg.DeregisteredOn, reg.DeregisterReason, reg.DeregisterNote, reg.NextVisitOn) =
            (RegistrationStatus.Deregistered, on, cmd.Reason, string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim(), null);
        var now = clock.GetUtcNow().UtcDateTime;
        reg.UpdatedAt = now;
        var resident = await db.Residents.AsNoTracking().FirstAsync(r => r.Id == reg.ResidentId, ct);
        db.ResidentChanges.Add(ResidentMapping.Change(resident, staff, now, "chronic." + reg.Programme, Text.Get("chronic.registered", ChronicMapping.ProgrammeName(reg.Programme)),
            Text.Get("chronic.deregistered", ChronicCodes.DeregisterReason.Find(cmd.Reason)?.Zh ?? "", on.ToString("yyyy-MM-dd"))));
        await using (var tx = await db.BeginWriteAsync(ct))
        {
            await ChronicStats.CopyRegistrationAsync(db, reg, ct);
            await ChronicWorkItems.SyncAsync(db, reg, WorkItemStatus.Closed, today, now, ct); // off the home list
            db.Audit(staff, "ChronicRegistration", reg.Id.ToString(), AuditActions.Update, $"deregistered {cmd.Reason}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return (await ChronicMapping.RegistrationsAsync(db, reg.ResidentId, today, ct)).First(r => r.Id == reg.Id);
    }
}
