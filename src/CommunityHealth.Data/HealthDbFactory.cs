using CommunityHealth.Data.Postgres;
using CommunityHealth.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityHealth.Data;

/// <summary>
/// Creates contexts bound to a data scope, from one pool per scope level: a context leased from a pool
/// always has the model (query filters) of that level, and its scope values are set on every lease.
/// </summary>
public interface IHealthDbFactory
{
    HealthDbContext Create(DataScope scope);
    string Provider { get; }
}

internal sealed class HealthDbFactory<TContext>(Func<ScopeLevel, DbContextOptions<TContext>> options, string provider) : IHealthDbFactory
    where TContext : HealthDbContext
{
    private readonly Dictionary<ScopeLevel, PooledDbContextFactory<TContext>> _pools =
        Enum.GetValues<ScopeLevel>().ToDictionary(l => l, l => new PooledDbContextFactory<TContext>(options(l)));

    public string Provider => provider;

    public HealthDbContext Create(DataScope scope)
    {
        var db = _pools[scope.Level].CreateDbContext();
        db.Scope = scope;
        db.PendingAudit.Clear(); // a pooled context forgets rows a previous lease attached and never saved
        return db;
    }
}

public static class DataServiceCollectionExtensions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Registers <see cref="IHealthDbFactory"/> for the provider.</summary>
    public static IServiceCollection AddHealthData(this IServiceCollection services, string provider, string connectionString,
        int sqliteWriterCacheMb = SqliteWriteGate.DefaultWriterCacheMb, int sqliteMmapMb = SqlitePragmas.DefaultMmapMb)
    {
        // audit rows in the write's own transaction (docs/decisions/0013); first, so the SQLite gate sees them as changes
        services.AddSingleton(sp => new AuditInterceptor(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DataVersion>(); // bumped by every write, so derived figures know when to recompute
        if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var cs = PostgresConnectionString(connectionString);
            services.AddSingleton<IHealthDbFactory>(sp => new HealthDbFactory<PostgresHealthDbContext>(level =>
                Build(new DbContextOptionsBuilder<PostgresHealthDbContext>().UseNpgsql(cs).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<DataVersion>()), level, sp), Postgres));
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var pragmas = new SqlitePragmas(sqliteMmapMb);
            var gate = new SqliteWriteGate(connectionString, pragmas, sqliteWriterCacheMb); // one single writer per database file, shared by every scope level's pool
            services.AddSingleton(_ => gate); // made by a factory: the container disposes it (the writer and the read connections)
            services.AddSingleton<IHealthDbFactory>(sp =>
            {
                sp.GetRequiredService<SqliteWriteGate>(); // tracked for disposal from the first context on
                return new HealthDbFactory<SqliteHealthDbContext>(level =>
                    Build(new DbContextOptionsBuilder<SqliteHealthDbContext>().UseSqlite(connectionString)
                        // a migration that rebuilds a table (SQLite cannot alter a column) turns foreign keys off around it, outside the
                        // migration's transaction, as EF Core's recipe does: said at Information, so a normal start prints no warning
                        .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Information)))
                        .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), pragmas, gate, sp.GetRequiredService<DataVersion>()), level, sp), Sqlite);
            });
        }
        else throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'.");
        return services;
    }

    /// <summary>
    /// Defaults for the application's own pool, unless the connection string sets them (docs/decisions/0004):
    /// server-side prepared statements for the statements EF Core repeats (planned once per connection, not per
    /// request), and no DISCARD ALL when a pooled connection is reused (the application keeps no session state).
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = connectionString.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (!given.Contains("maxautoprepare=", StringComparison.Ordinal)) b.MaxAutoPrepare = 200;
        if (!given.Contains("noresetonclose=", StringComparison.Ordinal)) b.NoResetOnClose = true;
        return b.ConnectionString;
    }

    /// <summary>
    /// The host's logger factory, when there is one, so EF Core's categories follow the app's logging configuration
    /// (e.g. <c>Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information</c> logs each statement with its time).
    /// </summary>
    private static DbContextOptions<T> Build<T>(DbContextOptionsBuilder<T> builder, ScopeLevel level, IServiceProvider services) where T : DbContext
    {
        if (services.GetService<ILoggerFactory>() is { } loggers) builder.UseLoggerFactory(loggers);
        builder.ReplaceService<IModelCacheKeyFactory, ScopedModelCacheKeyFactory>();
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ScopeLevelExtension(level));
        return builder.Options;
    }
}
