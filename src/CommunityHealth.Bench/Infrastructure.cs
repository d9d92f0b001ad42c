using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CommunityHealth.Data;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Web.Modules.ChronicCare;
using CommunityHealth.Web.Modules.Examinations;
using CommunityHealth.Web.Modules.Immunization;
using CommunityHealth.Web.Modules.Residents;
using CommunityHealth.Web.Platform;
using CommunityHealth.Web.Platform.Indicators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityHealth.Bench;

/// <param name="Warmup">Seconds of load before each throughput row is measured: on 2 cores the runtime's tiered JIT needs
/// 10–20 s under load to finish optimising the hot paths, and a shorter warm-up measures the JIT, not the system.</param>
public sealed record BenchOptions(string[] Providers, int Seconds, int Clients, string CommandLine, string Scenario = "all", int Residents = 1_000_000, int Warmup = 15)
{
    public static BenchOptions Parse(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var provider = Arg("--provider", "both").ToLowerInvariant();
        string[] providers = provider switch { "sqlite" => ["Sqlite"], "postgres" => ["Postgres"], _ => ["Sqlite", "Postgres"] };
        return new(providers, int.Parse(Arg("--seconds", "10"), CultureInfo.InvariantCulture), int.Parse(Arg("--clients", "16"), CultureInfo.InvariantCulture),
            "dotnet run -c Release --project src/CommunityHealth.Bench" + (args.Length > 0 ? " -- " + string.Join(' ', args) : ""),
            Arg("--scenario", "all"), int.Parse(Arg("--residents", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Arg("--warmup", "15"), CultureInfo.InvariantCulture));
    }
}

public static class Repo
{
    public static string Root()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CommunityHealth.slnx"))) dir = dir.Parent;
        dir ??= new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CommunityHealth.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}

public static class Shell
{
    public static void Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} exited with {p.ExitCode}");
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

/// <summary>A server in its own process (the system itself, or the bare endpoint), stopped on dispose.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminPassword = "Loopback2026Run";
    private readonly Process _process;
    private readonly string? _tempDir;

    private AppProcess(Process process, string baseUrl, string? tempDir, string connectionString = "")
    {
        _process = process; BaseUrl = baseUrl; _tempDir = tempDir; ConnectionString = connectionString;
    }

    public string BaseUrl { get; }
    public string ConnectionString { get; }

    /// <summary>The system's process, for a profiler attached during a throughput measurement (BENCH_TRACE).</summary>
    public static int? LastAppPid { get; private set; }

    public static async Task<AppProcess> StartAppAsync(string root, string provider)
    {
        var port = Shell.FreePort();
        var temp = Directory.CreateTempSubdirectory("ch-bench-").FullName;
        var cs = provider == "Postgres"
            ? CreatePostgresDatabase()
            : $"Data Source={Path.Combine(temp, "bench.db")}";
        var dll = Path.Combine(root, "src", "CommunityHealth.Web", "bin", "Release", "net10.0", "CommunityHealth.Web.dll");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port}")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        psi.Environment["Database__Provider"] = provider;
        psi.Environment["Database__ConnectionString"] = cs;
        Load.PostgresConnectionString = provider == "Postgres" ? cs : null;
        psi.Environment["Database__OptimizeHours"] = "0"; // the benchmark analyses the loaded database itself (SteadyState)
        psi.Environment["Demo__Enabled"] = "true";
        psi.Environment["Demo__Residents"] = "0";
        psi.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (Environment.GetEnvironmentVariable("BENCH_PERF") is { Length: > 0 })
        {
            psi.Environment["DOTNET_PerfMapEnabled"] = "1"; // perf names JIT-compiled frames from /tmp/perf-PID.map ...
            psi.Environment["DOTNET_EnableWriteXorExecute"] = "0"; // ... which it cannot match to code mapped twice (W^X's "memfd:doublemapper")
        }
        var p = Process.Start(psi)!;
        LastAppPid = p.Id;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[app] {e.Data}"); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var app = new AppProcess(p, $"http://127.0.0.1:{port}", temp, cs);
        await app.WaitHealthyAsync("/health");
        Console.WriteLine($"Started the system on {provider} at {app.BaseUrl}");
        return app;
    }

    public static async Task<AppProcess> StartBareAsync()
    {
        var port = Shell.FreePort();
        var self = Environment.ProcessPath!;
        var psi = self.EndsWith("dotnet", StringComparison.Ordinal)
            ? new ProcessStartInfo(self, $"\"{typeof(AppProcess).Assembly.Location}\" --bare {port}")
            : new ProcessStartInfo(self, $"--bare {port}");
        psi.UseShellExecute = false;
        var app = new AppProcess(Process.Start(psi)!, $"http://127.0.0.1:{port}", null);
        await app.WaitHealthyAsync("/");
        return app;
    }

    private static string CreatePostgresDatabase()
    {
        var name = $"bench_{Guid.NewGuid():N}";
        CommunityHealth.Web.Tests.Infrastructure.PostgresServer.Durable = true; // fsync on: commits cost what they cost in production
        using var c = new Npgsql.NpgsqlConnection(CommunityHealth.Web.Tests.Infrastructure.PostgresServer.ConnectionString("postgres"));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE {name}";
        cmd.ExecuteNonQuery();
        return CommunityHealth.Web.Tests.Infrastructure.PostgresServer.ConnectionString(name);
    }

    private async Task WaitHealthyAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited) throw new InvalidOperationException($"Server exited with {_process.ExitCode}");
            try { if ((await http.GetAsync(BaseUrl + path)).IsSuccessStatusCode) return; } catch (HttpRequestException) { } catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{BaseUrl}{path} did not become healthy");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) { _process.Kill(true); await _process.WaitForExitAsync(); }
        _process.Dispose();
        // BENCH_KEEP_DB=1 keeps the SQLite file for looking at query plans afterwards
        if (_tempDir is not null && Environment.GetEnvironmentVariable("BENCH_KEEP_DB") is null) try { Directory.Delete(_tempDir, true); } catch (IOException) { }
    }
}

/// <summary>The reference: an empty Kestrel endpoint, so figures can be read as a ratio on a noisy machine.</summary>
public static class BareServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.RunAsync();
    }
}

/// <summary>The application's handlers called in-process, as the district administrator (the largest scope), beside the HTTP figures.</summary>
public sealed record InProcess(ServiceProvider Services, StaffContext Staff, ScopedDb Dbs, OrganizationCache Organizations)
{
    public static async Task<InProcess> CreateAsync(string provider, string connectionString, HealthDbContext db)
    {
        var services = new ServiceCollection().AddHealthData(provider, connectionString)
            .AddSingleton(TimeProvider.System).AddSingleton<ScopedDb>().AddSingleton<AuditLog>().BuildServiceProvider();
        var bureau = await db.Organizations.Where(o => o.Kind == OrganizationKind.Bureau).Select(o => new { o.Id, o.DistrictId }).SingleAsync();
        var staff = new StaffContext(Guid.Empty, "bench", "bench", ["SystemAdministrator"], bureau.Id, OrganizationKind.Bureau, null, bureau.DistrictId, "127.0.0.1");
        return new InProcess(services, staff, services.GetRequiredService<ScopedDb>(),
            new OrganizationCache(services.GetRequiredService<IHealthDbFactory>(), TimeProvider.System));
    }

    /// <summary>The indicator catalogue as the application declares it (every module's source).</summary>
    public static readonly IndicatorCatalogue Catalogue = new(
        [new ResidentIndicators([new ImmunizationIndicators(), new ChronicActivity(), new ExaminationIndicators()]), new ImmunizationIndicators(), new ChronicIndicators(), new ExaminationIndicators()],
        new ConfigurationBuilder().Build());

    /// <summary>An indicator engine with an empty cache of its own: every figure it gives is computed cold.</summary>
    public IndicatorEngine ColdIndicators() =>
        new(Services.GetRequiredService<IHealthDbFactory>(), Organizations, Catalogue, new IndicatorCache(new DataVersion(), TimeProvider.System), TimeProvider.System);
}

public static class SteadyState
{
    /// <summary>
    /// After a bulk load, the state a running system is in: statistics fresh and, on PostgreSQL, the visibility map set
    /// and a checkpoint taken; on SQLite the write-ahead log copied back into the database file and truncated (a reader
    /// searches the WAL index before every page it reads, so gigabytes of WAL left by a load slow every query until an
    /// automatic checkpoint catches up — which the measurements would then time).
    /// </summary>
    public static async Task SettleAsync(HealthDbContext db, string provider)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        if (provider == "Postgres")
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            await db.Database.ExecuteSqlRawAsync("CHECKPOINT");
            return;
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        // A connection reads sqlite_stat1 when it loads the schema, and ANALYZE does not change the schema cookie: the
        // running system's pooled connections would go on planning with the statistics they loaded before the bulk load
        // (none), and only connections opened afterwards (the in-process handlers, the raw SQL) would see the new ones.
        // Creating and dropping a table bumps the cookie, so every connection reloads the schema with the statistics.
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_reload_schema (x INTEGER); DROP TABLE bench_reload_schema;");
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var busy = (await db.Database.SqlQueryRaw<CheckpointResult>("PRAGMA wal_checkpoint(TRUNCATE)").ToListAsync()).Single();
            if (busy.busy == 0) return;
            await Task.Delay(1000);
        }
        Console.WriteLine("warning: the SQLite WAL could not be checkpointed (a reader kept it busy)");
    }

    private sealed record CheckpointResult(int busy, int log, int checkpointed);
}
