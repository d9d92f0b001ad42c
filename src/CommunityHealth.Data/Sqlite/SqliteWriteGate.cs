using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityHealth.Data.Sqlite;

/// <summary>
/// SQLite allows one writer at a time. Without coordination, concurrent write transactions in this process
/// collide at <c>BEGIN IMMEDIATE</c>; Microsoft.Data.Sqlite then retries a busy database by sleeping the
/// thread-pool thread (in steps of about 150 ms), which costs latency and starves the pool under load.
/// This gate queues write transactions of one database file in process instead: a transaction waits
/// asynchronously for its turn and holds the gate until it commits, rolls back, fails or its connection
/// closes. Reads never wait (WAL readers run beside the writer). Other processes on the same file still
/// fall back to SQLite's busy handling.
/// </summary>
public sealed class SqliteWriteGate : DbConnectionInterceptor, IDbTransactionInterceptor
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, object> _holders = [];

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!_gate.Wait(MaxWait)) throw Timeout();
        _holders.AddOrUpdate(connection, this);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!await _gate.WaitAsync(MaxWait, cancellationToken)) throw Timeout();
        _holders.AddOrUpdate(connection, this);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context?.Database.GetDbConnection());

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context?.Database.GetDbConnection());

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    /// <summary>Only a failed BEGIN releases here: a failed statement inside the transaction keeps the write lock until rollback.</summary>
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action == "Start") Release(eventData.Context?.Database.GetDbConnection());
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without commit or rollback ends when its connection closes.</summary>
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public override Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    private void Release(DbConnection? connection)
    {
        if (connection is not null && _holders.Remove(connection)) _gate.Release();
    }

    private static TimeoutException Timeout() =>
        new($"A SQLite write transaction waited more than {MaxWait.TotalSeconds:F0} s for the database's single writer (a write nested inside another context's write transaction?).");
}
