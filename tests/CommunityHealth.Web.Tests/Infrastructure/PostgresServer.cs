using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommunityHealth.Web.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, on loopback, started from Debian's
/// binaries (as the postgres user when running as root). Each test app gets its own database.
/// Missing binaries are a failure, never a silent skip.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _dataDir;

    /// <summary>
    /// Set before first use to run a durable, production-like server (fsync on, 1 GB shared buffers, full-page images in
    /// the WAL compressed with lz4 — a measured +7–13 % on the write rows at 100,000 residents), as the
    /// benchmark does; tests keep the default fsync=off, which is only for throwaway clusters.
    /// </summary>
    public static bool Durable { get; set; }

    public static string ConnectionString(string database) => $"{Started.Value};Database={database}";

    /// <summary>
    /// The folder the cluster's folder goes in: CH_PG_DIR when set (test.sh gives each run its own, so it can remove exactly
    /// the clusters of its run, also after a crash), else the temp folder.
    /// </summary>
    private static string Parent =>
        Environment.GetEnvironmentVariable("CH_PG_DIR") is { Length: > 0 } dir ? dir : Path.GetTempPath();

    private static string Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install Debian's 'postgresql' package (.ci/run does).");

        var asRoot = Environment.UserName == "root";
        Directory.CreateDirectory(Parent);
        SweepStale(bin, asRoot);
        var port = FreePort();
        var root = Path.Combine(Parent, $"ch-pg-{Environment.ProcessId}-{port}");
        Directory.CreateDirectory(root);
        _dataDir = Path.Combine(root, "data");
        if (asRoot) Run("chown", $"postgres:postgres {root}");
        Pg(bin, "initdb", $"-D {_dataDir} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync", asRoot);
        var settings = Durable ? "-c shared_buffers=1GB -c max_wal_size=4GB -c wal_compression=lz4" : "-c fsync=off";
        // diagnostics: PG_EXTRA_SETTINGS adds server settings (e.g. auto_explain), PG_SERVER_LOG keeps the server's log elsewhere
        settings += Environment.GetEnvironmentVariable("PG_EXTRA_SETTINGS") is { Length: > 0 } extra ? " " + extra : "";
        var log = Environment.GetEnvironmentVariable("PG_SERVER_LOG") is { Length: > 0 } keep ? keep : $"{root}/server.log";
        Pg(bin, "pg_ctl", $"-D {_dataDir} -l {log} -w -t 60 -o \"-p {port} -k {root} -c listen_addresses=127.0.0.1 {settings} -c max_connections=300\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Pg(bin, "pg_ctl", $"-D {_dataDir} -m immediate stop", asRoot); Directory.Delete(root, true); } catch { /* best effort at exit */ }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Pooling=true;Maximum Pool Size=50";
    }

    /// <summary>
    /// The exit handler above does not run when a test process is killed; its cluster (a few hundred MB) would stay in the
    /// temp folder for good. A cluster whose owning process (the first number in its folder's name) is gone is stopped, if
    /// its server still runs, and deleted.
    /// </summary>
    private static void SweepStale(string bin, bool asRoot)
    {
        foreach (var dir in Directory.GetDirectories(Parent, "ch-pg-*"))
        {
            var parts = Path.GetFileName(dir).Split('-');
            if (parts.Length != 4 || !int.TryParse(parts[2], out var owner) || owner == Environment.ProcessId || Directory.Exists($"/proc/{owner}")) continue;
            try
            {
                var data = Path.Combine(dir, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid"))) Pg(bin, "pg_ctl", $"-D {data} -m immediate stop", asRoot);
                Directory.Delete(dir, true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
            {
                // another test process may be sweeping the same folder, or the server refuses to stop: leave it for the next run
            }
        }
    }

    private static void Pg(string bin, string tool, string args, bool asRoot)
    {
        var exe = Path.Combine(bin, tool);
        if (asRoot) Run("runuser", $"-u postgres -- {exe} {args}");
        else Run(exe, args);
    }

    private static void Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(90_000)) { p.Kill(true); throw new TimeoutException($"{file} {args}"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}): {stdout.Result} {stderr.Result}");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
