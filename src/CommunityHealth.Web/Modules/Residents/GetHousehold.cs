using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>A household with its members, past and present.</summary>
public sealed class GetHousehold(ScopedDb dbs)
{
    /// <summary>Maps <c>/households/{id}</c> into <paramref name="api"/> (not under <c>/residents</c>).</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/households/{id:guid}", async (Guid id, CurrentUser user, GetHousehold h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithTags("Residents").WithSummary("A household with its members, past and present").Produces<HouseholdDto>().ProducesProblem(404);

    public async Task<Outcome<HouseholdDto>> HandleAsync(StaffContext staff, Guid householdId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return new NotFound("Household", householdId.ToString());
        var members = await (from m in db.HouseholdMembers.AsNoTracking()
                             join r in db.Residents.AsNoTracking() on m.ResidentId equals r.Id
                             where m.HouseholdId == householdId
                             orderby m.To == null descending, m.Relationship
                             select new HouseholdMemberDto(r.Id, r.Name, r.Sex, r.BirthDate, m.Relationship, m.From, m.To)).ToListAsync(ct);
        return new HouseholdDto(h.Id, h.Address, h.HeadId, members);
    }
}
