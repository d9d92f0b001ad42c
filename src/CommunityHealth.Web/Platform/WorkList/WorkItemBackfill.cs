using CommunityHealth.Data;
using CommunityHealth.Web.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Platform.WorkList;

/// <summary>
/// A database with a programme's records but none of its items (upgraded in place, or loaded in bulk) gets them once at
/// start-up, from the programme's full recomputation (<see cref="IWorkProgramme.ExpectedAsync"/>), 500 sources at a time.
/// </summary>
public static class WorkItemBackfill
{
    public static async Task RunAsync(IServiceProvider services, HealthDbContext db, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        foreach (var programme in services.GetRequiredService<WorkProgrammes>().All)
        {
            if (await db.WorkItems.AnyAsync(i => i.Programme == programme.Key, ct)) continue;
            var sources = await programme.SourcesAsync(db, ct);
            if (sources.Count == 0) continue;
            var (today, now) = (clock.Today(), clock.GetUtcNow().UtcDateTime);
            var written = 0;
            foreach (var chunk in sources.Chunk(500))
            {
                foreach (var s in await programme.ExpectedAsync(db, today, chunk, ct))
                    foreach (var d in s.Due) { db.WorkItems.Add(WorkItemWriter.New(s.Source, d, now)); written++; }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            DatabaseInitializer.Print($"[CommunityHealth] Work list back-filled: {written} {programme.Key} items from {sources.Count} records.");
        }
    }
}
