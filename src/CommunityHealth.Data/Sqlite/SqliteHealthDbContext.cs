using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunityHealth.Data.Sqlite;

public sealed class SqliteHealthDbContext(DbContextOptions<SqliteHealthDbContext> options) : HealthDbContext(options);

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHealthDbContext>
{
    public SqliteHealthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHealthDbContext>().UseSqlite("Data Source=design.db").Options);
}
