using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>The full record of a resident in scope (the profile; hand-written point lookup, decision 0008).</summary>
public sealed class GetResident(ScopedDb dbs, IResidentReads reads, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, GetResident h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The full record (the view is audited)").Produces<ResidentDto>().ProducesProblem(404);

    public async Task<Outcome<ResidentDto>> HandleAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var r = await reads.ReadProfileAsync(db, id, ct);
        // the read is audited at the door (ReadAudit): the route or page that shows it, not every internal use
        return r is null ? new NotFound("Resident", id.ToString()) : ResidentMapping.ToDto(r, clock.Today());
    }
}
