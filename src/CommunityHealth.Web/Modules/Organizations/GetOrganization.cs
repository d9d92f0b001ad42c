using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

/// <summary>One organisation, inside the caller's data scope (404 outside it).</summary>
public sealed class GetOrganization(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, GetOrganization h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .Produces<OrganizationDto>().ProducesProblem(404);

    public async Task<Outcome<OrganizationDto>> HandleAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return org is null ? new NotFound("Organization", id.ToString()) : OrganizationMapping.ToDto(org);
    }
}
