using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CommunityHealth.Data.Sqlite;

/// <summary>
/// The statements one long-lived SQLite connection has compiled, kept for the next command with the same SQL text
/// (docs/decisions/0011). Microsoft.Data.Sqlite keeps a command's compiled statements only as long as that command object
/// lives, and EF Core and hand-written reads create a new command for every execution, so every execution compiled its SQL
/// again: measured, the compilation was 40 % of the time SQLite spent per statement on the follow-up path, and a
/// three-statement point read ran in 26 µs with its command reused against 60–70 µs with a new one.
/// <para>
/// A command is <see cref="Rent">rented</see> for one execution — the caller's parameters, transaction and timeout are
/// moved onto the cached command — and <see cref="Return">returned</see> once its reader is disposed; a second execution
/// of the same text while the first is still rented gets a command of its own. At most <see cref="Capacity"/> texts are
/// kept (the least recently used is finalised first), since compiled statements hold memory and EF Core's save batches
/// produce a text per combination of rows. A statement compiled before a schema change is compiled again by SQLite on its
/// next run (sqlite3_prepare_v2), so a cached statement never runs against a stale schema. Not for pooled connections:
/// a statement belongs to the connection object that compiled it.
/// </para>
/// </summary>
public sealed class SqliteStatementCache(SqliteConnection connection, int capacity = SqliteStatementCache.DefaultCapacity) : IDisposable
{
    public const int DefaultCapacity = 100;

    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _idle = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _recent = new(); // most recently returned first
    private readonly Lock _lock = new();
    private bool _disposed;
    private long _compiled, _reused;

    public SqliteConnection Connection => connection;

    public int Capacity => capacity;

    /// <summary>Commands created (their SQL compiled on first run) and commands reused, for tests and benchmarks.</summary>
    public long Compiled => Interlocked.Read(ref _compiled);

    public long Reused => Interlocked.Read(ref _reused);

    /// <summary>Texts currently kept.</summary>
    public int Count
    {
        get { lock (_lock) return _idle.Count; }
    }

    /// <summary>A command on this connection for <paramref name="source"/>'s SQL, carrying its parameters, transaction and timeout.</summary>
    public SqliteCommand Rent(DbCommand source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.CommandText;
        SqliteCommand? cmd = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.Remove(text, out var node))
            {
                _recent.Remove(node);
                cmd = node.Value;
            }
        }
        if (cmd is null)
        {
            cmd = connection.CreateCommand();
            cmd.CommandText = text;
            Interlocked.Increment(ref _compiled);
        }
        else Interlocked.Increment(ref _reused);
        // the caller's parameter objects themselves: each execution binds every parameter again
        cmd.Parameters.Clear();
        foreach (DbParameter p in source.Parameters)
            cmd.Parameters.Add(p as SqliteParameter ?? new SqliteParameter(p.ParameterName, p.Value) { DbType = p.DbType, Size = p.Size, Direction = p.Direction });
        cmd.Transaction = (SqliteTransaction?)source.Transaction;
        cmd.CommandTimeout = source.CommandTimeout;
        return cmd;
    }

    /// <summary>Keeps a rented command (its reader disposed) for the next execution of its text.</summary>
    public void Return(SqliteCommand cmd)
    {
        cmd.Parameters.Clear();
        cmd.Transaction = null;
        SqliteCommand? evicted = null;
        lock (_lock)
        {
            if (_disposed || !ReferenceEquals(cmd.Connection, connection) || _idle.ContainsKey(cmd.CommandText)) evicted = cmd;
            else
            {
                _idle[cmd.CommandText] = _recent.AddFirst(cmd);
                if (_idle.Count > capacity)
                {
                    var last = _recent.Last!;
                    _recent.RemoveLast();
                    _idle.Remove(last.Value.CommandText);
                    evicted = last.Value;
                }
            }
        }
        evicted?.Dispose();
    }

    /// <summary>Finalises every kept statement (the connection itself belongs to the caller).</summary>
    public void Dispose()
    {
        List<SqliteCommand> all;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            all = [.. _recent];
            _recent.Clear();
            _idle.Clear();
        }
        foreach (var c in all) c.Dispose();
    }
}

/// <summary>
/// Long-lived read connections on one database file, each with its <see cref="SqliteStatementCache"/>, for the hand-written
/// reads (<see cref="RawReads"/>): a read rents a connection, runs its commands through the connection's compiled statements
/// and gives it back. Connections are opened on demand (with the application's read settings) and at most
/// <see cref="MaxIdle"/> are kept open between reads. An idle connection holds no read transaction (a statement is reset
/// when its reader is disposed), so it never holds back a checkpoint.
/// </summary>
public sealed class SqliteReadPool(string connectionString, SqlitePragmas pragmas, int maxIdle = SqliteReadPool.DefaultMaxIdle) : IDisposable
{
    public const int DefaultMaxIdle = 16;

    private readonly ConcurrentQueue<SqliteStatementCache> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;
    private long _opened;

    public int MaxIdle => maxIdle;

    /// <summary>Connections opened so far (a pool that works opens few).</summary>
    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>Compiled and reused statements over the connections now idle (tests, benchmarks).</summary>
    public (long Compiled, long Reused) Statements => _idle.Aggregate((0L, 0L), (s, c) => (s.Item1 + c.Compiled, s.Item2 + c.Reused));

    public async ValueTask<SqliteStatementCache> RentAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_idle.TryDequeue(out var cached))
        {
            Interlocked.Decrement(ref _idleCount);
            if (cached.Connection.State == ConnectionState.Open) return cached;
            Close(cached);
        }
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            pragmas.ApplyForReading(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        Interlocked.Increment(ref _opened);
        return new SqliteStatementCache(connection);
    }

    public void Return(SqliteStatementCache cached)
    {
        if (!_disposed && cached.Connection.State == ConnectionState.Open)
        {
            if (Interlocked.Increment(ref _idleCount) <= maxIdle)
            {
                _idle.Enqueue(cached);
                if (_disposed) Dispose(); // disposed meanwhile
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        Close(cached);
    }

    private static void Close(SqliteStatementCache cached)
    {
        cached.Dispose();
        cached.Connection.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var cached)) Close(cached);
    }
}
