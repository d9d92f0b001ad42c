using CommunityHealth.Data.Postgres;
using CommunityHealth.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Data;

/// <summary>
/// Creates contexts bound to a data scope. The scope is set before the context is first used, so the
/// model for its level is chosen (not pooled: a pooled instance would keep the model of its first scope).
/// </summary>
public interface IHealthDbFactory
{
    HealthDbContext Create(DataScope scope);
    string Provider { get; }
}

internal sealed class HealthDbFactory<TContext>(IDbContextFactory<TContext> inner, string provider) : IHealthDbFactory
    where TContext : HealthDbContext
{
    public string Provider => provider;

    public HealthDbContext Create(DataScope scope)
    {
        var db = inner.CreateDbContext();
        db.Scope = scope;
        return db;
    }
}

public static class DataServiceCollectionExtensions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Registers the provider's pooled factory and <see cref="IHealthDbFactory"/>.</summary>
    public static IServiceCollection AddHealthData(this IServiceCollection services, string provider, string connectionString)
    {
        if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContextFactory<PostgresHealthDbContext>(o => o.UseNpgsql(connectionString).ReplaceService<IModelCacheKeyFactory, ScopedModelCacheKeyFactory>());
            services.AddSingleton<IHealthDbFactory>(sp => new HealthDbFactory<PostgresHealthDbContext>(
                sp.GetRequiredService<IDbContextFactory<PostgresHealthDbContext>>(), Postgres));
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContextFactory<SqliteHealthDbContext>(o => o.UseSqlite(connectionString).ReplaceService<IModelCacheKeyFactory, ScopedModelCacheKeyFactory>()
                .AddInterceptors(SqlitePragmas.Instance));
            services.AddSingleton<IHealthDbFactory>(sp => new HealthDbFactory<SqliteHealthDbContext>(
                sp.GetRequiredService<IDbContextFactory<SqliteHealthDbContext>>(), Sqlite));
        }
        else throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'.");
        return services;
    }
}
