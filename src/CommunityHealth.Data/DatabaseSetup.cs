using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Data;

/// <summary>What the host does with the database before it serves: the provider-specific parts stay in this project.</summary>
public static class DatabaseSetup
{
    /// <summary>Creates the folder of a SQLite file if it does not exist yet.</summary>
    public static void EnsureFolder(string provider, string connectionString)
    {
        if (provider.Equals(DataServiceCollectionExtensions.Sqlite, StringComparison.OrdinalIgnoreCase)
            && new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);
    }

    /// <summary>Applies the migrations (SQLite: in write-ahead-log mode first, decision 0003).</summary>
    public static async Task MigrateAsync(IHealthDbFactory factory, HealthDbContext db, CancellationToken ct)
    {
        if (factory.Provider == DataServiceCollectionExtensions.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }
}
