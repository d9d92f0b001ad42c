using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

public sealed record TransferResident(Guid? OrganizationId, Guid? TeamId);

/// <summary>
/// A resident moves within the district: the managing organisation changes, the record number stays. The handler keeps the
/// suffix because the request's name is the API's (OpenAPI schema <c>TransferResident</c>).
/// </summary>
public sealed class TransferResidentHandler(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/{id:guid}/transfer", async (Guid id, TransferResident cmd, CurrentUser user, TransferResidentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Move the resident to another station or center in the caller's scope")
            .Produces<ResidentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<ResidentDto>> HandleAsync(StaffContext staff, Guid id, TransferResident cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        if (r.Status != ResidentStatus.Active) return new Invalid("organizationId", "error.resident.not_active");
        var org = cmd.OrganizationId is { } oid ? await organizations.FindActiveAsync(db.Scope, oid, ct) : null;
        if (await ResidentWrites.CheckPlacementAsync(db, org, cmd.TeamId, ct) is { } invalid) return invalid;
        if (org!.Id == r.OrganizationId && cmd.TeamId == r.TeamId) return new Invalid("organizationId", "error.resident.same_place");

        var now = clock.GetUtcNow().UtcDateTime;
        var (oldOrg, oldTeam) = (r.OrganizationId, r.TeamId);
        await using var tx = await db.BeginWriteAsync(ct);
        // the history moves with the resident so the new organisation sees it and keeps the resident on its work lists
        await ResidentRows.RelocateAsync(db, r.Id, org.CenterId, org.Id, cmd.TeamId, ct);
        r.CenterId = org.CenterId;
        r.OrganizationId = org.Id;
        r.TeamId = cmd.TeamId;
        r.UpdatedAt = now;
        db.ResidentChanges.Add(ResidentMapping.Change(r, staff, now, "organizationId", oldOrg.ToString(), org.Id.ToString()));
        if (cmd.TeamId != oldTeam) db.ResidentChanges.Add(ResidentMapping.Change(r, staff, now, "teamId", oldTeam?.ToString(), cmd.TeamId?.ToString()));
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Update, $"transfer to {org.DivisionCode}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ResidentMapping.ToDto(r, clock.Today());
    }
}
