using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityHealth.Data.Sqlite;

/// <summary>
/// SQLite allows one writer at a time. Without coordination, concurrent writers in this process collide at
/// <c>BEGIN IMMEDIATE</c> (or at a lone INSERT/UPDATE); Microsoft.Data.Sqlite then retries a busy database by
/// sleeping the thread-pool thread (in steps of about 150 ms), which costs latency and starves the pool under load.
/// This gate queues the writers of one database file in process instead: a write transaction waits asynchronously
/// for its turn and holds the gate until it commits, rolls back, fails or its connection closes; a write statement
/// run outside a transaction (EF Core sends a one-statement SaveChanges, ExecuteUpdate and ExecuteDelete without one)
/// holds it for that statement. Reads never wait (WAL readers run beside the writer). Other processes on the same
/// file still fall back to SQLite's busy handling.
/// <para>
/// Checkpoints are kept off the writers' path (docs/decisions/0006): SQLite's automatic checkpoint runs inside the
/// commit that crosses the threshold, i.e. while that writer holds the database's only write lock — copying
/// thousands of pages back into the database file and syncing it (measured: a quarter of the time the gate was held).
/// Here every connection raises the automatic threshold to a safety net (<see cref="AutoCheckpointPages"/>), and after
/// every <see cref="CheckpointEvery"/> writes the gate starts a passive checkpoint on its own connection in the
/// background, which runs beside the writer and the readers.
/// </para>
/// <para>
/// One writer connection: in WAL mode a connection drops its whole page cache whenever another connection has
/// committed since its last transaction, so with every request writing through its own pooled connection each write
/// began with a cold cache and re-read every B-tree page it touched (measured: most of the time the gate was held).
/// <c>SaveChanges</c> of a context on a closed connection and outside an explicit transaction — nearly every write of
/// the application — is therefore moved, for the duration of the save, onto one long-lived connection that only this
/// gate hands out: it is the only connection that ever commits, so its (larger) cache stays warm. The context gets a
/// fresh connection of its own back afterwards. Explicit transactions and lone statements stay on their own
/// connections, behind the same gate.
/// </para>
/// </summary>
public sealed class SqliteWriteGate(string connectionString, SqlitePragmas pragmas, int writerCacheMb = SqliteWriteGate.DefaultWriterCacheMb) : DbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor, ISaveChangesInterceptor,
    IDisposable
{
    /// <summary>
    /// The writer connection's page cache in MB by default (SQLite's default for other connections is 2 MB). SQLite
    /// fills it only as pages are used, so a small database never takes it all.
    /// </summary>
    public const int DefaultWriterCacheMb = 64;

    /// <summary>The automatic checkpoint's threshold in WAL pages: reached only when the background checkpoints fall behind.</summary>
    public const int AutoCheckpointPages = 20_000;

    /// <summary>Writes between background checkpoints (a write adds some tens of pages to the WAL).</summary>
    public const int CheckpointEvery = 200;

    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, object> _holders = [];
    private readonly ConditionalWeakTable<DbCommand, object> _statements = [];
    private readonly ConditionalWeakTable<DbContext, object> _onWriter = []; // the context → why it is on the writer
    private static readonly object ForSave = new(), ForTransaction = new();
    private SqliteConnection? _writer; // used only while the gate is held
    private SqliteStatementCache? _writerStatements; // the writer's compiled statements (docs/decisions/0011)
    private readonly ConditionalWeakTable<DbCommand, SqliteCommand> _rented = []; // EF Core's command → the cached one reading for it
    private int _writesSinceCheckpoint;
    private int _checkpointRunning;
    private long _writes, _checkpoints, _writerSaves;

    /// <summary>Writes (transactions and lone write statements) that have passed the gate.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Background checkpoints completed.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Saves that ran on the writer connection.</summary>
    public long WriterSaves => Interlocked.Read(ref _writerSaves);

    /// <summary>The writer's statement cache while the writer is open (tests and benchmarks read its counters).</summary>
    public SqliteStatementCache? WriterStatements => _writerStatements;

    /// <summary>Long-lived read connections with compiled statements, for the hand-written reads (<see cref="RawReads"/>).</summary>
    public SqliteReadPool Readers { get; } = new(connectionString, pragmas);

    // ---- SaveChanges: moved onto the writer connection; the gate is held from BEGIN to COMMIT ----

    /// <summary>
    /// A save moves onto the writer before EF Core prepares its commands, but takes the gate only when its transaction
    /// begins (every moved save runs in one, <see cref="AutoTransactionBehavior.Always"/>, so no command of it touches the
    /// shared writer before that) and gives it back as soon as the transaction has committed: ordering the commands,
    /// generating the first one's SQL, and afterwards accepting the changes into the snapshots no longer keep SQLite's
    /// single writer waiting (a profile of the follow-up row: about a third of the managed time the gate was held).
    /// </summary>
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (CanMove(eventData.Context)) MoveToWriter(eventData.Context!, ForSave);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (CanMove(eventData.Context)) MoveToWriter(eventData.Context!, ForSave);
        return ValueTask.FromResult(result);
    }

    private DbContext? _saveHolder; // the moved save whose transaction holds the gate

    /// <summary>A save moved onto the writer (it takes the gate when its transaction begins, <see cref="TransactionStarting"/>).</summary>
    private bool IsMovedSave(DbContext? context) => context is not null && _onWriter.TryGetValue(context, out var why) && why == ForSave;

    private void HoldForSave(DbContext context, DbConnection connection)
    {
        if (!ReferenceEquals(connection, _writer))
        {
            // the writer was closed after a failure (MoveBack) while this save was being prepared on it
            Released();
            throw new InvalidOperationException("The SQLite writer connection was reset while this save was being prepared; retry the request.");
        }
        _saveHolder = context;
    }

    /// <summary>The moved save's transaction has ended (committed, rolled back or failed to begin): the gate is given back.</summary>
    private void EndSave(DbContext? context)
    {
        if (context is null || !ReferenceEquals(_saveHolder, context)) return;
        _saveHolder = null;
        Released();
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        MoveBack(eventData.Context, ForSave);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        MoveBack(eventData.Context, ForSave);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => MoveBack(eventData.Context, ForSave);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        MoveBack(eventData.Context, ForSave);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => MoveBack(eventData.Context, ForSave);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        MoveBack(eventData.Context, ForSave);
        return Task.CompletedTask;
    }

    /// <summary>Only a save that would open its own connection and begin its own transaction (or none) moves.</summary>
    private static bool CanMove(DbContext? context) =>
        context is not null && context.ChangeTracker.HasChanges() && context.Database.CurrentTransaction is null
        && context.Database.GetDbConnection() is { State: ConnectionState.Closed };

    /// <summary>
    /// An explicit write transaction on the writer connection: the gate is held from here until the transaction is
    /// committed, rolled back or disposed; reads and saves of the context in between run on the writer. A context that
    /// already has its connection open (or a transaction) begins an ordinary transaction, which takes the gate as usual.
    /// </summary>
    public async Task<IDbContextTransaction> BeginTransactionOnWriterAsync(DbContext context, CancellationToken ct = default)
    {
        if (context.Database.CurrentTransaction is not null || context.Database.GetDbConnection() is not { State: ConnectionState.Closed })
            return await context.Database.BeginTransactionAsync(ct);
        await EnterAsync(ct);
        MoveToWriter(context, ForTransaction);
        try
        {
            return new WriterTransaction(await context.Database.BeginTransactionAsync(ct), () => MoveBack(context, ForTransaction));
        }
        catch
        {
            MoveBack(context, ForTransaction);
            throw;
        }
    }

    /// <summary>The context's transaction on the writer; its end (commit, rollback or disposal) hands the writer back.</summary>
    private sealed class WriterTransaction(IDbContextTransaction inner, Action end) : IDbContextTransaction
    {
        private int _ended;

        public Guid TransactionId => inner.TransactionId;

        public void Commit()
        {
            inner.Commit();
            End();
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await inner.CommitAsync(cancellationToken);
            End();
        }

        public void Rollback()
        {
            inner.Rollback();
            End();
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            await inner.RollbackAsync(cancellationToken);
            End();
        }

        public void Dispose()
        {
            inner.Dispose();
            End();
        }

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            End();
        }

        private void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) end();
        }
    }

    private void MoveToWriter(DbContext context, object reason)
    {
        try
        {
            context.Database.SetDbConnection(Writer(), contextOwnsConnection: false);
            if (reason == ForSave)
            {
                _behaviours.AddOrUpdate(context, context.Database.AutoTransactionBehavior);
                context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
            }
            _onWriter.AddOrUpdate(context, reason);
        }
        catch
        {
            if (reason == ForTransaction) _gate.Release();
            throw;
        }
    }

    private readonly ConditionalWeakTable<DbContext, object> _behaviours = []; // a moved save's own AutoTransactionBehavior, restored after

    private void MoveBack(DbContext? context, object reason)
    {
        if (context is null || !_onWriter.TryGetValue(context, out var why) || why != reason) return;
        _onWriter.Remove(context);
        if (reason == ForSave)
        {
            if (_behaviours.TryGetValue(context, out var behaviour)) context.Database.AutoTransactionBehavior = (AutoTransactionBehavior)behaviour;
            _behaviours.Remove(context);
            if (!ReferenceEquals(_saveHolder, context))
            {
                // the transaction has ended (and given the gate back), or never began: the writer is not this save's to touch
                context.Database.SetDbConnection(new SqliteConnection(connectionString), contextOwnsConnection: true);
                Interlocked.Increment(ref _writerSaves);
                return;
            }
            _saveHolder = null; // failed after BEGIN without a rollback the interceptors saw: clean up below, then release
        }
        try
        {
            // a save that failed mid-way has rolled back; make sure nothing is left open on the shared writer
            if (_writer is { State: ConnectionState.Open } w && SQLitePCL.raw.sqlite3_get_autocommit(w.Handle) == 0)
            {
                using var cmd = w.CreateCommand();
                cmd.CommandText = "ROLLBACK;";
                cmd.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            CloseWriter(); // reopened by the next save
        }
        finally
        {
            context.Database.SetDbConnection(new SqliteConnection(connectionString), contextOwnsConnection: true);
            Interlocked.Increment(ref _writerSaves);
            Released();
        }
    }

    /// <summary>Rows SQLite reads per index when <see cref="OptimizeAsync"/> analyses (bounded, so it takes milliseconds).</summary>
    public const int AnalysisLimit = 1000;

    /// <summary>
    /// <c>PRAGMA optimize</c> on the writer, behind the gate: SQLite analyses the tables that were never analysed or whose
    /// size changed tenfold, reading at most <see cref="AnalysisLimit"/> rows per index. ANALYZE does not change the schema
    /// cookie, so other connections would keep planning with the statistics they loaded at open; when the statistics
    /// changed, a throw-away table is created and dropped so every connection reloads them. Returns whether they changed.
    /// </summary>
    public async Task<bool> OptimizeAsync(CancellationToken ct = default)
    {
        await EnterAsync(ct);
        try
        {
            var writer = Writer();
            await using var cmd = writer.CreateCommand();
            cmd.CommandText = "SELECT COALESCE((SELECT group_concat(tbl || idx || stat, ';') FROM sqlite_stat1), '')";
            string before;
            try { before = (string)(await cmd.ExecuteScalarAsync(ct))!; }
            catch (SqliteException) { before = ""; } // no statistics table yet
            cmd.CommandText = $"PRAGMA analysis_limit={AnalysisLimit}; PRAGMA optimize=0x10002;";
            await cmd.ExecuteNonQueryAsync(ct);
            cmd.CommandText = "SELECT COALESCE((SELECT group_concat(tbl || idx || stat, ';') FROM sqlite_stat1), '')";
            string after;
            try { after = (string)(await cmd.ExecuteScalarAsync(ct))!; }
            catch (SqliteException) { after = ""; }
            if (before == after) return false;
            cmd.CommandText = "CREATE TABLE __statistics_reload (x); DROP TABLE __statistics_reload;";
            await cmd.ExecuteNonQueryAsync(ct);
            return true;
        }
        finally
        {
            Released();
        }
    }

    /// <summary>The writer connection, opened with the application's pragmas and a larger cache; only while the gate is held.</summary>
    private SqliteConnection Writer()
    {
        lock (_writerLock) return OpenWriter();
    }

    private readonly Lock _writerLock = new(); // a save moves onto the writer before it holds the gate

    private SqliteConnection OpenWriter()
    {
        if (_writer is { State: ConnectionState.Open } w) return w;
        CloseWriterLocked();
        var writer = new SqliteConnection(connectionString);
        writer.Open();
        using (var cmd = writer.CreateCommand())
        {
            cmd.CommandText = pragmas.Statements + $"PRAGMA cache_size=-{Math.Max(2, writerCacheMb) * 1024};";
            cmd.ExecuteNonQuery();
        }
        _writerStatements = new SqliteStatementCache(writer);
        return _writer = writer;
    }

    private void CloseWriter()
    {
        lock (_writerLock) CloseWriterLocked();
    }

    private void CloseWriterLocked()
    {
        _writerStatements?.Dispose();
        _writerStatements = null;
        _writer?.Dispose();
        _writer = null;
    }

    public void Dispose()
    {
        CloseWriter();
        Readers.Dispose();
        _gate.Dispose();
    }

    // ---- commands on the writer run through its compiled statements; EF Core's own command is never executed ----

    /// <summary>The writer's cached command for <paramref name="command"/>, when EF Core runs it on the writer.</summary>
    private SqliteCommand? RentOnWriter(DbCommand command, bool hasResult) =>
        !hasResult && _writer is { } w && ReferenceEquals(command.Connection, w) && _writerStatements is { } cache ? cache.Rent(command) : null;

    private void ReturnOnWriter(SqliteCommand cached)
    {
        if (_writerStatements is { } cache) cache.Return(cached);
        else cached.Dispose();
    }

    /// <summary>Microsoft.Data.Sqlite executes synchronously whichever method is called; the reader is EF Core's from here.</summary>
    private InterceptionResult<DbDataReader> ReadOnWriter(DbCommand command, SqliteCommand cached)
    {
        DbDataReader reader;
        try { reader = cached.ExecuteReader(); }
        catch
        {
            ReturnOnWriter(cached);
            throw;
        }
        _rented.AddOrUpdate(command, cached);
        return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    private void ReaderDone(DbCommand command, DbDataReader reader)
    {
        if (!_rented.TryGetValue(command, out var cached)) return;
        _rented.Remove(command);
        reader.Dispose(); // resets the statements before another execution may rent the command
        ReturnOnWriter(cached);
    }

    // ---- transactions: the gate is held from BEGIN to COMMIT/ROLLBACK ----

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (IsMovedSave(eventData.Context))
        {
            Enter();
            HoldForSave(eventData.Context!, connection);
            return result;
        }
        if (ReferenceEquals(connection, _writer)) return result; // an explicit transaction on the writer: the gate is held already
        Enter();
        _holders.AddOrUpdate(connection, this);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (IsMovedSave(eventData.Context))
        {
            await EnterAsync(cancellationToken);
            HoldForSave(eventData.Context!, connection);
            return result;
        }
        if (ReferenceEquals(connection, _writer)) return result; // an explicit transaction on the writer: the gate is held already
        await EnterAsync(cancellationToken);
        _holders.AddOrUpdate(connection, this);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => TransactionEnded(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionEnded(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => TransactionEnded(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionEnded(eventData.Context);
        return Task.CompletedTask;
    }

    private void TransactionEnded(DbContext? context)
    {
        if (context is not null && ReferenceEquals(_saveHolder, context)) EndSave(context);
        else Release(context?.Database.GetDbConnection());
    }

    /// <summary>Only a failed BEGIN releases here: a failed statement inside the transaction keeps the write lock until rollback.</summary>
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action == "Start") TransactionEnded(eventData.Context);
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

    // ---- a write statement outside a transaction: the gate is held for the statement ----

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (RentOnWriter(command, result.HasResult) is { } cached)
            try { return InterceptionResult<int>.SuppressWithResult(cached.ExecuteNonQuery()); }
            finally { ReturnOnWriter(cached); }
        EnterStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (RentOnWriter(command, result.HasResult) is { } cached)
            try { return InterceptionResult<int>.SuppressWithResult(await cached.ExecuteNonQueryAsync(cancellationToken)); }
            finally { ReturnOnWriter(cached); }
        await EnterStatementAsync(command, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (RentOnWriter(command, result.HasResult) is { } cached) return ReadOnWriter(command, cached);
        EnterStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (RentOnWriter(command, result.HasResult) is { } cached) return ReadOnWriter(command, cached);
        await EnterStatementAsync(command, cancellationToken);
        return result;
    }

    /// <summary>A statement with RETURNING keeps the write lock until its reader is done.</summary>
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ReaderDone(command, eventData.DataReader);
        LeaveStatement(command);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        if (RentOnWriter(command, result.HasResult) is { } cached)
            try { return InterceptionResult<object>.SuppressWithResult(cached.ExecuteScalar()!); }
            finally { ReturnOnWriter(cached); }
        EnterStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        if (RentOnWriter(command, result.HasResult) is { } cached)
            try { return InterceptionResult<object>.SuppressWithResult((await cached.ExecuteScalarAsync(cancellationToken))!); }
            finally { ReturnOnWriter(cached); }
        await EnterStatementAsync(command, cancellationToken);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    private bool NeedsGate(DbCommand command) =>
        command.Connection is { } c && !ReferenceEquals(c, _writer) && !_holders.TryGetValue(c, out _) && IsWrite(command.CommandText);

    private void EnterStatement(DbCommand command)
    {
        if (!NeedsGate(command)) return;
        Enter();
        _statements.AddOrUpdate(command, this);
    }

    private async ValueTask EnterStatementAsync(DbCommand command, CancellationToken ct)
    {
        if (!NeedsGate(command)) return;
        await EnterAsync(ct);
        _statements.AddOrUpdate(command, this);
    }

    private void LeaveStatement(DbCommand command)
    {
        if (_statements.Remove(command)) Released();
    }

    /// <summary>The statement's first keyword changes data or schema (comments and blank lines before it skipped).</summary>
    public static bool IsWrite(string sql)
    {
        var s = sql.AsSpan();
        while (true)
        {
            s = s.TrimStart();
            if (s.StartsWith("--", StringComparison.Ordinal)) { var nl = s.IndexOf('\n'); if (nl < 0) return false; s = s[(nl + 1)..]; continue; }
            if (s.StartsWith("/*", StringComparison.Ordinal)) { var end = s.IndexOf("*/", StringComparison.Ordinal); if (end < 0) return false; s = s[(end + 2)..]; continue; }
            break;
        }
        var word = s[..Math.Min(s.Length, 7)];
        return word.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || word.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || word.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("CREATE", StringComparison.OrdinalIgnoreCase) || word.StartsWith("DROP", StringComparison.OrdinalIgnoreCase)
            || word.StartsWith("ALTER", StringComparison.OrdinalIgnoreCase);
    }

    private void Release(DbConnection? connection)
    {
        if (connection is not null && _holders.Remove(connection)) Released();
    }

    // ---- the gate itself, timed (the meter below) ----

    private long _acquiredAt, _releasedAt;

    private void Enter()
    {
        var start = Stopwatch.GetTimestamp();
        if (!_gate.Wait(0) && !_gate.Wait(MaxWait)) throw Timeout();
        Acquired(start);
    }

    private async ValueTask EnterAsync(CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        if (!_gate.Wait(0, CancellationToken.None) && !await _gate.WaitAsync(MaxWait, ct)) throw Timeout();
        Acquired(start);
    }

    /// <summary>
    /// A writer that had to wait counts the time from the previous writer's release (or its own arrival, if later) to
    /// running here: the hand-over, when the gate is held but nobody works under it (a thread-pool queue to get through).
    /// </summary>
    private void Acquired(long arrived)
    {
        var now = Stopwatch.GetTimestamp();
        var released = Volatile.Read(ref _releasedAt);
        if (now - arrived > 0 && released > 0) Interlocked.Add(ref s_handoffTicks, now - Math.Max(arrived, released));
        _acquiredAt = now;
        if (ThreadStats) (_acquiredThread, _acquiredSched) = (Environment.CurrentManagedThreadId, SchedStat());
    }

    /// <summary>
    /// Opt-in (environment CH_GATE_THREADSTATS=1, Linux): the holder thread's own account of the time it held the gate —
    /// on CPU, and runnable but waiting for a CPU (/proc/thread-self/schedstat) — the rest it was blocked. Says whether a
    /// held gate waits for work, for the scheduler or for I/O.
    /// </summary>
    private static readonly bool ThreadStats = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("CH_GATE_THREADSTATS") == "1";
    private int _acquiredThread;
    private (long Cpu, long Wait) _acquiredSched;
    private static long s_heldCpuNs, s_heldRunqueueNs, s_heldSampledTicks;

    private static (long Cpu, long Wait) SchedStat() => ThreadSchedStat.Read();

    private static readonly Meter GateMeter = new("CommunityHealth.Data.Sqlite");
    private static long s_heldTicks, s_handoffTicks, s_writes;

    /// <summary>
    /// The gates' totals for <c>dotnet-counters</c> (meter <c>CommunityHealth.Data.Sqlite</c>): writes, seconds held, and
    /// seconds handed over (a waiting writer not yet running) — held ÷ elapsed near 1 means the single writer limits.
    /// </summary>
    private static readonly object Instruments = new object[]
    {
        GateMeter.CreateObservableCounter("sqlite.gate.writes", () => Interlocked.Read(ref s_writes), "{write}", "Writes that passed the SQLite write gate"),
        GateMeter.CreateObservableCounter("sqlite.gate.held", () => Interlocked.Read(ref s_heldTicks) / (double)Stopwatch.Frequency, "s", "Time the SQLite write gate was held"),
        GateMeter.CreateObservableCounter("sqlite.gate.handoff", () => Interlocked.Read(ref s_handoffTicks) / (double)Stopwatch.Frequency, "s",
            "Time between a release and the next waiting writer running"),
        GateMeter.CreateObservableCounter("sqlite.gate.held.sampled", () => Interlocked.Read(ref s_heldSampledTicks) / (double)Stopwatch.Frequency, "s",
            "Held time of the holds that began and ended on one thread (CH_GATE_THREADSTATS=1)"),
        GateMeter.CreateObservableCounter("sqlite.gate.held.cpu", () => Interlocked.Read(ref s_heldCpuNs) / 1e9, "s", "Of those, on CPU"),
        GateMeter.CreateObservableCounter("sqlite.gate.held.runqueue", () => Interlocked.Read(ref s_heldRunqueueNs) / 1e9, "s", "Of those, runnable and waiting for a CPU"),
    };

    private void Released()
    {
        Interlocked.Increment(ref _writes);
        Interlocked.Increment(ref s_writes);
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref s_heldTicks, now - _acquiredAt);
        if (ThreadStats && _acquiredThread == Environment.CurrentManagedThreadId && _acquiredSched.Cpu > 0)
        {
            var (cpu, wait) = SchedStat();
            Interlocked.Add(ref s_heldCpuNs, cpu - _acquiredSched.Cpu);
            Interlocked.Add(ref s_heldRunqueueNs, wait - _acquiredSched.Wait);
            Interlocked.Add(ref s_heldSampledTicks, now - _acquiredAt);
        }
        Volatile.Write(ref _releasedAt, now);
        _gate.Release();
        if (Interlocked.Increment(ref _writesSinceCheckpoint) >= CheckpointEvery && Interlocked.CompareExchange(ref _checkpointRunning, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _writesSinceCheckpoint, 0);
            _ = Task.Run(CheckpointAsync);
        }
    }

    /// <summary>
    /// A passive checkpoint copies the WAL's committed pages into the database file without taking the write lock and
    /// without waiting for readers; what a reader still needs stays in the WAL for the next one.
    /// </summary>
    private async Task CheckpointAsync()
    {
        try
        {
            await using var c = new SqliteConnection(connectionString);
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await cmd.ExecuteNonQueryAsync();
            Interlocked.Increment(ref _checkpoints);
        }
        catch (SqliteException)
        {
            // busy or closed: the next round (or SQLite's automatic threshold) catches up
        }
        finally
        {
            Volatile.Write(ref _checkpointRunning, 0);
        }
    }

    private static TimeoutException Timeout() =>
        new($"A SQLite write waited more than {MaxWait.TotalSeconds:F0} s for the database's single writer (a write nested inside another context's write transaction?).");
}
