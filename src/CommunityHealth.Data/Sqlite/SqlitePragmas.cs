using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityHealth.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings. The database runs in WAL mode (set once, persistent); in WAL mode
/// synchronous=NORMAL is SQLite's recommended setting: commits are atomic and the file never corrupts,
/// fsync happens at checkpoints rather than at every commit (see docs/decisions/0003-sqlite-synchronous.md).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    /// <summary>What every connection of the application runs once when opened.</summary>
    public static readonly string Statements = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=" + SqliteWriteGate.AutoCheckpointPages + ";";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Pooled connections keep their pragmas: apply them once per physical connection (sqlite3 handle).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Applied = [];

    private static void Apply(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out _)) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Statements;
        cmd.ExecuteNonQuery();
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } h }) Applied.AddOrUpdate(h, h);
    }
}
