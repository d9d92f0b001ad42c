using CommunityHealth.Data;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Web.Tests.Database;

/// <summary>The plans SQLite chooses for the hot reads, on a migrated database file.</summary>
public sealed class SqliteQueryPlanTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ch-plan-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;
    private IHealthDbFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestClock.Start)).AddHealthData("Sqlite", $"Data Source={_file}").BuildServiceProvider();
        _factory = _services.GetRequiredService<IHealthDbFactory>();
        await using var db = _factory.Create(DataScope.System);
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    public static TheoryData<string> Scopes => ["station", "center", "district"];

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task A_patients_chain_of_visits_is_read_from_the_covering_index_alone(string level)
    {
        var (d, c, o) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var scope = level switch { "station" => DataScope.Station(d, c, o), "center" => DataScope.Center(d, c), _ => DataScope.District(d) };
        await using var db = _factory.Create(scope);
        // EF Core's own SQL for the read, its parameters inlined as the literals it prints them as
        var printed = FollowUpStore.Chain(db, Guid.CreateVersion7()).ToQueryString().Split('\n');
        var sql = string.Join('\n', printed.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var p in printed.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)).Select(l => l[".param set ".Length..].Split(' ', 2)))
            sql = sql.Replace(p[0], p[1], StringComparison.Ordinal);
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) plan.Add(r.GetString(3));
        // a column the read needs missing from the index would show "USING INDEX" (a table page per visit) instead
        Assert.Contains(plan, p => p.Contains($"USING COVERING INDEX {ChronicVisitConfiguration.ChainIndex}", StringComparison.Ordinal));
    }
}
