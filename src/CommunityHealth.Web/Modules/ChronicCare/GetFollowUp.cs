using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>One follow-up visit with its outcomes and the referral issued from it, if any.</summary>
public sealed class GetFollowUp(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/visits/{id:guid}", async (Guid id, CurrentUser user, GetFollowUp h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok)).WithSummary("One follow-up visit").Produces<ChronicVisitDto>().ProducesProblem(404);

    public async Task<Outcome<ChronicVisitDto>> HandleAsync(StaffContext staff, Guid visitId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var visit = await db.ChronicVisits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == visitId, ct);
        if (visit is null) return new NotFound("ChronicVisit", visitId.ToString());
        var referral = await db.Referrals.Where(r => r.VisitId == visitId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        return ChronicMapping.ToDto(visit, referral);
    }
}
