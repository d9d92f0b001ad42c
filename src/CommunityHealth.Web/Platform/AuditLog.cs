using System.Diagnostics;
using System.Threading.Channels;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// The audit trail of reads (and, until they attach their rows to the write, of the clinics' writes). A write's own rows
/// go into its transaction instead: <see cref="AuditTrail.Audit"/> (docs/decisions/0013). Recording only enqueues (no I/O on the request path); <see cref="AuditWriter"/>
/// stores entries in batches. Entries still queued at shutdown are written before the host stops.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    private readonly Channel<AuditEntry> _queue = Channel.CreateUnbounded<AuditEntry>(new() { SingleReader = true });
    private long _pending;

    internal ChannelReader<AuditEntry> Reader => _queue.Reader;
    internal void MarkWritten(int count) => Interlocked.Add(ref _pending, -count);

    public void Record(StaffContext? who, string entity, string entityId, string action, string? detail = null, Guid? districtId = null)
    {
        var district = who?.DistrictId ?? districtId ?? throw new ArgumentException("An audit entry needs a district.");
        Interlocked.Increment(ref _pending);
        var actor = who?.AuditActor() ?? new AuditActor(district, null, "", [], null, null);
        _queue.Writer.TryWrite(AuditEntry.For(actor, clock.GetUtcNow().UtcDateTime, entity, entityId, action, detail));
    }

    /// <summary>Waits until everything recorded so far is stored (tests, shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        while (Interlocked.Read(ref _pending) > 0) await Task.Delay(10, ct);
    }
}

public sealed class AuditWriter(AuditLog log, IHealthDbFactory factory, ILogger<AuditWriter> logger) : BackgroundService
{
    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = log.Reader;
        var batch = new List<AuditEntry>(256);
        try
        {
            var lastWrite = 0L;
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                // under load, at most one audit transaction per BatchInterval: on SQLite every transaction queues for the
                // single writer, and a handful of entries each would cost the requests' writes their turn
                var since = Stopwatch.GetElapsedTime(lastWrite);
                if (lastWrite != 0 && since < BatchInterval) await Task.Delay(BatchInterval - since, stoppingToken);
                while (batch.Count < 500 && reader.TryRead(out var e)) batch.Add(e);
                await WriteAsync(batch, CancellationToken.None);
                lastWrite = Stopwatch.GetTimestamp();
            }
        }
        catch (OperationCanceledException) { }
        while (reader.TryRead(out var e)) batch.Add(e);
        if (batch.Count > 0) await WriteAsync(batch, CancellationToken.None);
    }

    private async Task WriteAsync(List<AuditEntry> batch, CancellationToken ct)
    {
        try
        {
            await using var db = factory.Create(DataScope.System);
            db.AuditEntries.AddRange(batch);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not store {Count} audit entries", batch.Count);
        }
        finally
        {
            log.MarkWritten(batch.Count);
            batch.Clear();
        }
    }
}

/// <summary>The write side of the audit trail: rows attached to the unit of work, saved in the write's transaction (docs/decisions/0013).</summary>
public static class AuditTrail
{
    public static AuditActor AuditActor(this StaffContext who) =>
        new(who.DistrictId, who.UserId, who.UserName, who.Roles, who.OrganizationId, who.ClientAddress);

    /// <summary>
    /// Attaches <paramref name="who"/>'s audit row to <paramref name="db"/>'s unit of work; call it before SaveChanges, inside the write's transaction when there is one: the row commits or rolls back with the write.
    /// </summary>
    public static void Audit(this HealthDbContext db, StaffContext who, string entity, string entityId, string action, string? detail = null) =>
        db.Audit(who.AuditActor(), entity, entityId, action, detail);
}
