using CommunityHealth.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunityHealth.Data.Postgres;

public sealed class PostgresHealthDbContext(DbContextOptions<PostgresHealthDbContext> options) : HealthDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Prefix searches are ranges (name >= 'x' AND name < 'y'): byte order ("C") makes them exact and
        // index-served whatever the cluster's locale. SQLite compares BINARY by default.
        builder.Entity<Resident>().Property(r => r.Name).UseCollation("C");
        builder.Entity<Resident>().Property(r => r.NameInitials).UseCollation("C");
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHealthDbContext>
{
    public PostgresHealthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHealthDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
