using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Data.Residents;

/// <summary>
/// Allocates the next 17-digit record number for a prefix inside the caller's transaction: an atomic
/// increment of the prefix's counter row (which also serialises concurrent registrations for that
/// prefix), so a number is never handed out twice or reused, even after a record is closed or merged. Hand-written
/// because EF Core has no atomic increment-and-return; benchmark row: "registration via HTTP" (docs/benchmarks.md).
/// </summary>
public static class RecordNumbers
{
    public static async Task<string?> NextAsync(HealthDbContext db, Guid districtId, string prefix, CancellationToken ct)
    {
        // One round trip on both providers (SQLite ≥ 3.35 and PostgreSQL support UPDATE … RETURNING).
        var next = await db.Database
            .SqlQuery<int>($"UPDATE record_number_sequences SET \"Next\" = \"Next\" + 1 WHERE \"Prefix\" = {prefix} RETURNING \"Next\" AS \"Value\"")
            .ToListAsync(ct);
        if (next.Count == 0)
        {
            db.RecordNumberSequences.Add(new RecordNumberSequence { Prefix = prefix, DistrictId = districtId, Next = 2 });
            await db.SaveChangesAsync(ct);
            return HealthRecordNumber.Compose(prefix, 1);
        }
        var sequence = next[0] - 1;
        return sequence > HealthRecordNumber.MaxSequence ? null : HealthRecordNumber.Compose(prefix, sequence);
    }
}
