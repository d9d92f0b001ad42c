using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>Reviewed: not a duplicate.</summary>
public sealed class DismissDuplicate(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/{id:guid}/not-duplicate", async (Guid id, CurrentUser user, DismissDuplicate h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(_ => TypedResults.NoContent()))
            .WithSummary("Reviewed: not a duplicate").ProducesProblem(403).ProducesProblem(404);

    /// <summary>Reviewed: not a duplicate. The flag is cleared and the review audited.</summary>
    public async Task<Outcome<bool>> HandleAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new NotFound("Resident", id.ToString());
        if (!staff.Can(Permission.ResidentsMerge)) return new Forbidden();
        r.PossibleDuplicate = false;
        db.Audit(staff, "Resident", id.ToString(), AuditActions.Update, "reviewed: not a duplicate");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
