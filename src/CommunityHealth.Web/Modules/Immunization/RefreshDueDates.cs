using CommunityHealth.Data;
using CommunityHealth.Domain.Immunization;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>The daily job's re-evaluation of stored due dates (<see cref="ImmunizationJobs"/>).</summary>
public sealed class RefreshDueDates(TimeProvider clock)
{
    /// <summary>
    /// Re-evaluates only the children whose review day has come (an open dose reached its last age, e.g. MPSV-A at
    /// 24 months; due dates themselves are stored and need no recomputation) so the lists stay true without
    /// recomputing anyone on read; the children's work items follow their forecast (<see cref="ImmunizationWorkItems"/>).
    /// Run daily by the work list's job; returns how many changed.
    /// </summary>
    public async Task<int> HandleAsync(HealthDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var changed = 0;
        var ids = await db.Vaccinees.Where(v => v.Status == VaccineeStatus.Active && (v.ReviewOn <= today || (v.ReviewOn == null && v.NextDueDate != null))).Select(v => v.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(500))
        {
            var batch = await db.Vaccinees.Where(v => chunk.Contains(v.Id)).ToListAsync(ct);
            foreach (var child in batch)
            {
                var before = (child.NextDueDate, child.NextOverdueDate, child.NextDueDoses);
                await VaccinationHistory.RecomputeAsync(db, child, today, clock.GetUtcNow().UtcDateTime, ct);
                if (before != (child.NextDueDate, child.NextOverdueDate, child.NextDueDoses)) changed++;
                if (child.ReviewOn <= today) child.ReviewOn = today.AddDays(1); // nothing more today
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return changed;
    }
}
