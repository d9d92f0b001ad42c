using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Web.Tests.Audit;

/// <summary>
/// Issue 18: SIGKILL during a burst of writes lost the audit rows of acknowledged writes while they waited in the in-memory
/// queue. With the rows in the write's own transaction (docs/decisions/0013), a server killed mid-burst and started again
/// on the same database has an audit row for every write it acknowledged — and for no write it did not commit.
/// </summary>
public abstract class AuditAfterKillTests(Provider provider)
{
    private const int Workers = 8;
    private const int AcknowledgedBeforeKill = 150;

    [Fact]
    public async Task Server_killed_during_a_burst_of_registrations_has_an_audit_row_for_every_acknowledged_one()
    {
        var (connectionString, cleanUp) = NewDatabase();
        try
        {
            var acknowledged = new ConcurrentBag<string>();
            var lost = 0;
            await using (var server = await ServerProcess.StartAsync(provider, connectionString))
            {
                using var client = new HttpClient { BaseAddress = server.Address };
                var station = await StationAsync(client);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, "doctor1", TestApp.DemoPassword));

                var next = 0;
                async Task RegisterUntilKilledAsync()
                {
                    while (true)
                    {
                        var n = Interlocked.Increment(ref next);
                        var birth = new DateOnly(1940, 1, 1).AddDays(n); // a birth date each: no ID number or duplicate clash
                        try
                        {
                            var r = await client.PostAsJsonAsync("/api/residents", new
                            {
                                organizationId = station,
                                record = new { name = "断电测试", documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, 11), residenceType = "1" },
                            });
                            if (r.IsSuccessStatusCode) acknowledged.Add((await r.ReadJsonAsync()).Str("id"));
                            else Assert.Fail($"registration refused: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                        }
                        catch (Exception e) when (e is HttpRequestException or IOException)
                        {
                            Interlocked.Increment(ref lost); // in flight when the server died: not acknowledged
                            return;
                        }
                    }
                }

                var burst = Enumerable.Range(0, Workers).Select(_ => Task.Run(RegisterUntilKilledAsync)).ToList();
                while (acknowledged.Count < AcknowledgedBeforeKill && burst.All(t => !t.IsCompleted)) await Task.Delay(10);
                await server.KillAsync();
                await Task.WhenAll(burst);
            }
            Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"{acknowledged.Count} acknowledged, {lost} in flight");

            await using (var restarted = await ServerProcess.StartAsync(provider, connectionString))
            {
                await using var services = new ServiceCollection().AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestClock.Start)).AddHealthData(provider.ToString(), connectionString).BuildServiceProvider();
                await using var db = services.GetRequiredService<IHealthDbFactory>().Create(DataScope.System);
                var audited = (await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "Resident" && a.Action == AuditActions.Create)
                    .Select(a => a.EntityId).ToListAsync()).ToHashSet();
                var stored = (await db.Residents.AsNoTracking().Select(r => r.Id).ToListAsync()).Select(id => id.ToString()).ToHashSet();

                Assert.Subset(audited, acknowledged.ToHashSet()); // every acknowledged write has its audit row
                Assert.Subset(stored, acknowledged.ToHashSet());  // (and the write itself)
                Assert.Equal(stored.Order(), audited.Order());                  // no committed write without a row, no row without a write
            }
        }
        finally
        {
            cleanUp();
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string user, string password)
    {
        var r = await client.PostAsJsonAsync("/api/auth/token", new { username = user, password });
        r.EnsureSuccessStatusCode();
        return (await r.ReadJsonAsync()).Str("access_token");
    }

    private static async Task<string> StationAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/organizations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, "admin", TestApp.AdminPassword));
        var r = await client.SendAsync(request);
        r.EnsureSuccessStatusCode();
        return (await r.ReadJsonAsync()).Items().Single(o => o.Str("divisionCode") == "330106001001").Str("id");
    }

    private (string ConnectionString, Action CleanUp) NewDatabase()
    {
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"ch-kill-{Guid.NewGuid():N}.db");
            return ($"Data Source={file}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
            }
            );
        }
        var name = $"ch_kill_{Guid.NewGuid():N}";
        using (var admin = new Npgsql.NpgsqlConnection(PostgresServer.ConnectionString("postgres")))
        {
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            cmd.ExecuteNonQuery();
        }
        return (PostgresServer.ConnectionString(name), () => { });
    }
}

public sealed class AuditAfterKillTestsSqlite() : AuditAfterKillTests(Provider.Sqlite);
public sealed class AuditAfterKillTestsPostgres() : AuditAfterKillTests(Provider.Postgres);
