using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityHealth.Data;

/// <summary>
/// A number that changes whenever this process writes data (a save that changes more than audit rows, or a committed write
/// transaction, which also covers set-based updates), so derived figures (the indicator board) can be kept until the data
/// behind them changes. In-process only: another instance's writes are not seen here, so a cache built on it also has a
/// maximum age.
/// </summary>
public sealed class DataVersion : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private long _value;
    // per unit of work: whether the save under way changes data (read audits save audit rows only: they change no figure)
    private readonly ConditionalWeakTable<DbContext, StrongBox<bool>> _saving = new();

    public long Value => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context, result);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // the transaction a save of audit rows only opens for itself changes no figure; any other commit may have (set-based updates)
    private void Committed(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var box) && !box.Value) return;
        Bump();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _saving.Remove(context);
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        var changes = context.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not Audit.AuditEntry);
        _saving.AddOrUpdate(context, new StrongBox<bool>(changes));
    }

    private void Saved(DbContext? context, int rows)
    {
        if (context is not null && _saving.TryGetValue(context, out var box) && box.Value && rows > 0) Bump();
        Forget(context);
    }
}
