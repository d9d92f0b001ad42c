using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>Possible duplicates for review: records flagged at registration (same name + birth date, or same phone + birth date) with their matches.</summary>
public sealed class ListDuplicates(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/duplicates", async (CurrentUser user, ListDuplicates h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(await user.GetAsync(), ct)))
            .WithSummary("Records flagged as possible duplicates (same name + birth date, or phone + birth date), with their matches");

    public async Task<IReadOnlyList<DuplicateCandidate>> HandleAsync(StaffContext staff, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var flagged = await db.Residents.AsNoTracking().Where(r => r.PossibleDuplicate && r.Status == ResidentStatus.Active).OrderBy(r => r.Name).Take(200).ToListAsync(ct);
        var today = clock.Today();
        var result = new List<DuplicateCandidate>();
        foreach (var r in flagged)
        {
            var matches = await db.Residents.AsNoTracking()
                .Where(x => x.Id != r.Id && x.Status != ResidentStatus.Merged && x.BirthDate == r.BirthDate && (x.Name == r.Name || (r.Phone != null && x.Phone == r.Phone)))
                .Take(10).ToListAsync(ct);
            if (matches.Count == 0) continue;
            var reason = matches.Any(m => m.Name == r.Name) ? "name+birthDate" : "phone+birthDate";
            result.Add(new DuplicateCandidate(ResidentMapping.Summary(r, today), matches.Select(m => ResidentMapping.Summary(m, today)).ToList(), reason));
        }
        return result;
    }
}
