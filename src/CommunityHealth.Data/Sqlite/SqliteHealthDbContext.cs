using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunityHealth.Data.Sqlite;

public sealed class SqliteHealthDbContext(DbContextOptions<SqliteHealthDbContext> options) : HealthDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // keys as 16 big-endian bytes, not 36-character text (docs/decisions/0009)
        configurationBuilder.Properties<Guid>().HaveConversion<SqliteGuidConverter>();
    }
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHealthDbContext>
{
    public SqliteHealthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHealthDbContext>().UseSqlite("Data Source=design.db").Options);
}
