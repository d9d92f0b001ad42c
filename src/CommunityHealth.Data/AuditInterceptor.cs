using System.Data.Common;
using CommunityHealth.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityHealth.Data;

/// <summary>
/// Puts the audit rows a handler attached to a unit of work (<see cref="HealthDbContext.Audit"/>) into the write's own
/// transaction (docs/decisions/0013): when a save begins they join the change tracker, so they commit with the write or
/// roll back with it. Each row's time comes
/// from the <see cref="TimeProvider"/> when it joins the write. A transaction that would commit while rows are still only
/// attached is refused: no write commits without its audit rows.
/// Registered before the SQLite write gate, so the gate sees a save whose only change is an audit row as a write.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Track(DbContext? context)
    {
        if (context is not HealthDbContext db || db.PendingAudit.Count == 0) return;
        db.AuditEntries.AddRange(Take(db));
    }

    /// <summary>The context's attached rows, stamped with the current time; the context no longer holds them.</summary>
    internal AuditEntry[] Take(HealthDbContext db)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var rows = db.PendingAudit.ToArray();
        db.PendingAudit.Clear();
        foreach (var row in rows) row.At = at;
        return rows;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Refuse(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Refuse(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>A bug, not an outcome: the handler attached audit rows and then committed without saving.</summary>
    private static void Refuse(DbContext? context)
    {
        if (context is HealthDbContext { PendingAudit.Count: > 0 } db)
            throw new InvalidOperationException($"{db.PendingAudit.Count} audit row(s) attached but not saved: call SaveChanges before committing.");
    }
}
