using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>The follow-ups and referrals for the resident profile's timeline (the profile view itself is audited there).</summary>
public sealed class GetChronicTimeline(ScopedDb dbs)
{
    public async Task<(IReadOnlyList<ChronicVisitDto> Visits, IReadOnlyList<ReferralDto> Referrals)> HandleAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var visits = await db.ChronicVisits.AsNoTracking().Where(x => x.ResidentId == residentId).OrderByDescending(x => x.VisitDate).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ResidentId == residentId).OrderByDescending(r => r.IssuedAt).ToListAsync(ct);
        return (visits.Select(x => ChronicMapping.ToDto(x, null)).ToList(), referrals.Select(ChronicMapping.ToDto).ToList());
    }
}
