using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunityHealth.Data.Postgres;

public sealed class PostgresHealthDbContext(DbContextOptions<PostgresHealthDbContext> options) : HealthDbContext(options);

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHealthDbContext>
{
    public PostgresHealthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHealthDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
