using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>The record's field changes, newest first.</summary>
public sealed class GetResidentHistory(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/{id:guid}/history", async (Guid id, CurrentUser user, GetResidentHistory h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Field changes, newest first").Produces<IReadOnlyList<ResidentChangeDto>>().ProducesProblem(404);

    public async Task<Outcome<IReadOnlyList<ResidentChangeDto>>> HandleAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        if (!await db.Residents.AnyAsync(r => r.Id == id, ct)) return new NotFound("Resident", id.ToString());
        var rows = await db.ResidentChanges.AsNoTracking().Where(c => c.ResidentId == id).OrderByDescending(c => c.At)
            .Select(c => new ResidentChangeDto(c.At, c.UserName, c.Field, c.OldValue, c.NewValue)).ToListAsync(ct);
        return rows;
    }
}
