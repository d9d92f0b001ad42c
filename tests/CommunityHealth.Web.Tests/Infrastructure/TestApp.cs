using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunityHealth.Data;
using CommunityHealth.Web.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityHealth.Web.Tests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// The real application on a real database: a fresh SQLite file or a fresh PostgreSQL database,
/// seeded with the demo district (no residents). Demo logins share <see cref="DemoPassword"/>.
/// </summary>
public class TestApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Bootstrap2026Key";
    public const string DemoPassword = "Xihu2026Health";

    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly string? _sqliteFile;

    public TestApp(Provider provider)
    {
        Provider = provider;
        if (provider == Provider.Sqlite)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"ch-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_sqliteFile}";
        }
        else
        {
            var name = $"ch_{Guid.NewGuid():N}";
            using (var admin = new Npgsql.NpgsqlConnection(PostgresServer.ConnectionString("postgres")))
            {
                admin.Open();
                using var cmd = admin.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE {name}";
                cmd.ExecuteNonQuery();
            }
            ConnectionString = PostgresServer.ConnectionString(name);
        }
    }

    public Provider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The app's clock: stands at <see cref="TestClock.Start"/> until a test advances it, so tests pass on any date.</summary>
    public FakeTimeProvider Clock { get; } = new(TestClock.Start);

    protected virtual void Configure(IWebHostBuilder builder) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Residents", "0");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(Clock));
        Configure(builder);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public HealthDbContext SystemDb() => Service<IHealthDbFactory>().Create(DataScope.System);

    public Task FlushAuditAsync() => Service<AuditLog>().FlushAsync();

    public async Task<string> TokenAsync(string user, string? password = null)
    {
        if (password is null && _tokens.TryGetValue(user, out var cached)) return cached;
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = password ?? (user == "admin" ? AdminPassword : DemoPassword) });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var token = body.GetProperty("access_token").GetString()!;
        if (password is null) _tokens[user] = token;
        return token;
    }

    /// <summary>An HTTP client carrying <paramref name="user"/>'s bearer token.</summary>
    public async Task<HttpClient> ClientAsync(string user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_sqliteFile is not null)
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(f);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : TestApp(Provider.Sqlite);
public sealed class PostgresApp() : TestApp(Provider.Postgres);
