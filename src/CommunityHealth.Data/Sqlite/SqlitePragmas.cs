using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityHealth.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings. The database runs in WAL mode (set once, persistent); in WAL mode
/// synchronous=NORMAL is SQLite's recommended setting: commits are atomic and the file never corrupts,
/// fsync happens at checkpoints rather than at every commit (see docs/decisions/0003-sqlite-synchronous.md).
/// Reads can go through a memory map of the file (<c>Database:MmapMb</c>, off by default, docs/decisions/0010): in WAL
/// mode a connection drops its page cache whenever another connection has committed, so every read after a write copies
/// its pages back in with one system call each; the map reads them in place.
/// </summary>
public sealed class SqlitePragmas(int mmapMb = SqlitePragmas.DefaultMmapMb) : DbConnectionInterceptor
{
    /// <summary>
    /// Off: at 1,000,000 residents the map measured no gain beyond the run-to-run spread (decision 0010), and with it an
    /// I/O error on the file arrives as a signal instead of an error code. At most 2047 (MB) has an effect: the bundled
    /// SQLite (SQLitePCLRaw's e_sqlite3) is built with the default SQLITE_MAX_MMAP_SIZE (0x7fff0000 bytes) and silently
    /// caps larger settings.
    /// </summary>
    public const int DefaultMmapMb = 0;

    /// <summary>The largest map the bundled SQLite makes, in MB.</summary>
    public const int MaxMmapMb = 2047;

    private readonly string _read = $"PRAGMA mmap_size={Math.Max(0, (long)mmapMb) * 1024 * 1024};";

    /// <summary>What every connection of the application runs once when opened.</summary>
    public string Statements => "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=" + SqliteWriteGate.AutoCheckpointPages + ";" + _read;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Pooled connections keep their pragmas: apply them once per physical connection (sqlite3 handle). A handle can be
    // leased by EF Core (all settings) or by a hand-written read (RawReads: the read settings only), in either order.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Applied = [];
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> ReadApplied = [];

    private void Apply(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out _)) return;
        Run(connection, Statements);
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } h }) { Applied.AddOrUpdate(h, h); ReadApplied.AddOrUpdate(h, h); }
    }

    /// <summary>The settings a connection opened outside EF Core needs for reading (the memory map).</summary>
    public void ApplyForReading(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        if (connection.Handle is not { } handle || ReadApplied.TryGetValue(handle, out _)) return;
        Run(connection, _read);
        ReadApplied.AddOrUpdate(handle, handle);
    }

    private static void Run(DbConnection connection, string statements)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = statements;
        cmd.ExecuteNonQuery();
    }
}
