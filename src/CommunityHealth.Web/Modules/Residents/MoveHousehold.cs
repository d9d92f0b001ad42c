using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>Moves a resident into another (or a new) household: the old membership is ended, not deleted.</summary>
public sealed class MoveHousehold(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/{id:guid}/household", async (Guid id, HouseholdChoice cmd, CurrentUser user, MoveHousehold h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Move the resident into householdId (with relationship) or into a new household at newAddress; history is kept")
            .Produces<ResidentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<ResidentDto>> HandleAsync(StaffContext staff, Guid id, HouseholdChoice cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!staff.Can(Permission.ResidentsWrite)) return new Forbidden();
        if (r.Status != ResidentStatus.Active) return new Invalid("household.householdId", "error.resident.not_active");
        if (await ResidentWrites.CheckHouseholdAsync(db, cmd, ct) is { } invalid) return invalid;
        if (cmd.HouseholdId is { } target && target == r.HouseholdId) return new Invalid("household.householdId", "error.resident.same_household");

        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var oldHousehold = r.HouseholdId;
        await using var tx = await db.BeginWriteAsync(ct);
        foreach (var m in await db.HouseholdMembers.Where(m => m.ResidentId == r.Id && m.To == null).ToListAsync(ct)) m.To = today;
        if (oldHousehold is { } old && await db.Households.FirstOrDefaultAsync(h => h.Id == old, ct) is { } previous && previous.HeadId == r.Id)
            previous.HeadId = null; // the household keeps its history; a new head is chosen by moving or re-registering members
        await ResidentWrites.JoinHouseholdAsync(db, r, cmd, clock, ct);
        db.ResidentChanges.Add(ResidentMapping.Change(r, staff, now, "householdId", oldHousehold?.ToString(), r.HouseholdId?.ToString()));
        r.UpdatedAt = now;
        db.Audit(staff, "Resident", r.Id.ToString(), AuditActions.Update, $"household {oldHousehold} -> {r.HouseholdId}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ResidentMapping.ToDto(r, clock.Today());
    }
}
