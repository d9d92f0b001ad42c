using System.Diagnostics;

namespace CommunityHealth.Bench;

public sealed record Measurement(string Name, int Clients, int Requests, int Errors, double Seconds, double Median, double P95)
{
    public double Rps => Requests / Seconds;
}

/// <summary>Closed-loop load: N clients each send the next request when the previous answers, for a fixed time after a warm-up.</summary>
public static class Load
{
    /// <summary>
    /// Collects and decommits what the generators left on this process's heap before a measurement, so an in-process
    /// handler row is not charged for collecting the generator's garbage and the memory goes back to the OS page cache
    /// that holds the database file. (Most of the ~8 GB working set seen in session 7 was not heap but the bulk loader's
    /// pooled SQLite connection — its cache and memory map — which <see cref="BulkLoader"/> now closes for good.)
    /// </summary>
    public static void ReleaseGeneratorMemory()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (Environment.GetEnvironmentVariable("BENCH_HEAP") is { Length: > 0 })
            Console.WriteLine($"  (benchmark heap {GC.GetTotalMemory(false) / 1e6:F0} MB, process {Environment.WorkingSet / 1e6:F0} MB)");
    }

    public static async Task<Measurement> RunAsync(string name, string baseUrl, Func<int, HttpRequestMessage> request, BenchOptions options)
    {
        ReleaseGeneratorMemory();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

        await RunForAsync(http, request, options.Clients, TimeSpan.FromSeconds(options.Warmup), null); // warm-up: until the tiered JIT has optimised the hot paths
        var latencies = new List<double>[options.Clients];
        for (var i = 0; i < latencies.Length; i++) latencies[i] = new List<double>(4096);
        await ServerStatements.ResetAsync();
        using var trace = StartTrace(name, options.Seconds);
        var cpu = CpuTime.Read();
        var sw = Stopwatch.StartNew();
        var errors = await RunForAsync(http, request, options.Clients, TimeSpan.FromSeconds(options.Seconds), latencies);
        var elapsed = sw.Elapsed.TotalSeconds;
        var used = CpuTime.Read() - cpu;
        trace?.WaitForExit();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var m = new Measurement(name, options.Clients, all.Length, errors, elapsed, Percentile(all, 0.50), Percentile(all, 0.95));
        Console.WriteLine($"{name,-36} {m.Rps,9:F0} req/s  median {m.Median,7:F2} ms  p95 {m.P95,7:F2} ms  errors {errors}");
        if (all.Length > 0) Console.WriteLine($"  CPU per request: system {used.App * 1000 / all.Length:F2} ms, PostgreSQL {used.Postgres * 1000 / all.Length:F2} ms, "
            + $"load client {used.Client * 1000 / all.Length:F2} ms; machine busy {used.Machine / elapsed:F2} of {Environment.ProcessorCount} cores");
        await ServerStatements.PrintAsync(all.Length);
        return m;
    }

    /// <summary>
    /// CPU seconds used so far by the system's process, PostgreSQL's server processes (each by process id: a backend or
    /// worker that exits during the row takes its time with it, one that starts counts from zero), this process (the
    /// load's client) and the whole machine, from /proc: CPU per request is steadier than requests per second on a shared
    /// 2-core guest.
    /// </summary>
    private sealed record CpuTime(double App, Dictionary<int, double> Postgres, double Client, double Machine)
    {
        public static (double App, double Postgres, double Client, double Machine) operator -(CpuTime a, CpuTime b) =>
            (a.App - b.App, a.Postgres.Sum(p => Math.Max(0, p.Value - b.Postgres.GetValueOrDefault(p.Key))), a.Client - b.Client, a.Machine - b.Machine);

        public static CpuTime Read()
        {
            if (!OperatingSystem.IsLinux()) return new CpuTime(0, [], 0, 0);
            double app = 0;
            var pg = new Dictionary<int, double>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var close = stat.LastIndexOf(')');
                    var comm = stat[(stat.IndexOf('(') + 1)..close];
                    var f = stat[(close + 2)..].Split(' ');
                    var seconds = (long.Parse(f[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(f[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
                    if (pid == AppProcess.LastAppPid) app = seconds;
                    else if (comm == "postgres") pg[pid] = seconds;
                }
                catch (IOException) { } // the process ended
                catch (UnauthorizedAccessException) { }
            }
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var busy = (cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7]) / 100.0; // user, nice, system, irq, softirq, steal (guest time is inside user)
            return new CpuTime(app, pg, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, busy);
        }
    }

    /// <summary>The application's PostgreSQL database, while a PostgreSQL run is measured.</summary>
    public static string? PostgresConnectionString { get; set; }

    /// <summary>
    /// BENCH_PG_STATEMENTS=1 (with PG_EXTRA_SETTINGS="-c shared_preload_libraries=pg_stat_statements"): the server's
    /// own account of a throughput row — per statement, calls, execution time and buffers per request — printed after
    /// the row. Says which statement a write spends its server time in, which a profile of the application cannot.
    /// </summary>
    private static class ServerStatements
    {
        private static bool On => Environment.GetEnvironmentVariable("BENCH_PG_STATEMENTS") is { Length: > 0 } && PostgresConnectionString is not null;

        public static async Task ResetAsync()
        {
            if (!On) return;
            await using var c = new Npgsql.NpgsqlConnection(PostgresConnectionString);
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();";
            await cmd.ExecuteNonQueryAsync();
        }

        public static async Task PrintAsync(int requests)
        {
            if (!On || requests == 0) return;
            await using var c = new Npgsql.NpgsqlConnection(PostgresConnectionString);
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = """
                SELECT calls, total_exec_time, rows, shared_blks_hit, shared_blks_read, shared_blks_dirtied, wal_fpi, wal_bytes, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
                FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC LIMIT 20
                """;
            await using var r = await cmd.ExecuteReaderAsync();
            Console.WriteLine($"  per request: {"calls",6} {"ms",7} {"rows",6} {"hit",7} {"read",6} {"dirtied",7} {"fpi",6} {"walKB",7}  statement");
            while (await r.ReadAsync())
                Console.WriteLine($"  {"",12} {r.GetInt64(0) / (double)requests,6:F2} {r.GetDouble(1) / requests,7:F3} {r.GetInt64(2) / (double)requests,6:F2} {r.GetInt64(3) / (double)requests,7:F1} {r.GetInt64(4) / (double)requests,6:F2} {r.GetInt64(5) / (double)requests,7:F2} {r.GetInt64(6) / (double)requests,6:F2} {r.GetDecimal(7) / requests / 1024,7:F1}  {r.GetString(8)}");
        }
    }

    /// <summary>
    /// BENCH_TRACE=directory: samples the system's threads with dotnet-trace (installed as a global tool) for the
    /// measured seconds and writes a speedscope file per throughput row — where the time of a write path goes.
    /// The profiler costs throughput itself, so a traced run's figures are not the ones to report.
    /// </summary>
    private static Process? StartTrace(string name, int seconds)
    {
        if (Environment.GetEnvironmentVariable("BENCH_PERF") is { Length: > 0 } perfDir && AppProcess.LastAppPid is { } appPid) return StartPerf(perfDir, name, appPid, seconds);
        if (Environment.GetEnvironmentVariable("BENCH_TRACE") is not { Length: > 0 } dir || AppProcess.LastAppPid is not { } pid) return null;
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) + ".nettrace");
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        var p = Process.Start(new ProcessStartInfo(tool, $"collect -p {pid} --profile dotnet-sampled-thread-time --format Speedscope --duration 00:00:00:{seconds:D2} -o \"{file}\"")
        { UseShellExecute = false, RedirectStandardOutput = true })!;
        p.OutputDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        return p;
    }

    /// <summary>
    /// BENCH_PERF=directory: Linux perf samples every thread of the system — managed code (named through the JIT's perf
    /// map, which the system writes when started with DOTNET_PerfMapEnabled=1, see <see cref="AppProcess"/>), the bundled
    /// SQLite and the kernel — on CPU only, so waits never count as work (dotnet-trace's thread-time samples do count a
    /// thread blocked inside the runtime). `perf report -i file --no-children` then says where the CPU goes.
    /// </summary>
    private static Process? StartPerf(string dir, string name, int pid, int seconds)
    {
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) + ".perf.data");
        // BENCH_PERF_ALL=1: the whole machine (PostgreSQL's server processes and the load's client too), not only the system
        var target = Environment.GetEnvironmentVariable("BENCH_PERF_ALL") is { Length: > 0 } ? "-a" : $"-p {pid}";
        var p = Process.Start(new ProcessStartInfo("perf", $"record -F 499 -g {target} -o \"{file}\" -- sleep {seconds}")
        { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task<int> RunForAsync(HttpClient http, Func<int, HttpRequestMessage> request, int clients, TimeSpan duration, List<double>[]? latencies)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var errors = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var n = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request(n++), HttpCompletionOption.ResponseContentRead);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                latencies?[c].Add(ms);
            }
        }));
        return errors;
    }

    /// <summary>
    /// Sequential measurements first run their whole input until the path is in its steady state, as on a server that has
    /// been up for a minute: at least two passes and one second, and then until a pass makes the JIT compile nothing new in
    /// this process (the tiered JIT starts counting calls only after 100 ms without new tier-0 code and recompiles in the
    /// background, so two quick passes — some 50 ms — measured much of the handler's code before its optimised version;
    /// the hand-written path, a few methods already warm, did not suffer that). The pages are cached for all ways alike.
    /// </summary>
    private static async Task WarmUpAsync(Func<Task> pass)
    {
        var started = Stopwatch.StartNew();
        for (var passes = 1; ; passes++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await pass();
            var quiet = System.Runtime.JitInfo.GetCompiledMethodCount() == compiled;
            if (passes >= 2 && started.Elapsed >= TimeSpan.FromSeconds(1) && (quiet || started.Elapsed >= TimeSpan.FromSeconds(10))) return;
        }
    }

    /// <summary>One client, one request after another: the latency a user at the search box sees.</summary>
    public static async Task<Measurement> SequentialAsync(string name, HttpClient http, IReadOnlyList<string> urls)
    {
        ReleaseGeneratorMemory();
        await WarmUpAsync(async () => { foreach (var u in urls) (await http.GetAsync(u)).Dispose(); });
        var times = new List<double>(urls.Count);
        var errors = 0;
        var sw = Stopwatch.StartNew();
        foreach (var u in urls)
        {
            var start = Stopwatch.GetTimestamp();
            using var r = await http.GetAsync(u);
            await r.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!r.IsSuccessStatusCode) errors++;
        }
        var sorted = times.Order().ToArray();
        var m = new Measurement(name, 1, sorted.Length, errors, sw.Elapsed.TotalSeconds, Percentile(sorted, 0.5), Percentile(sorted, 0.95));
        Console.WriteLine($"{name,-44} median {m.Median,7:F2} ms  p95 {m.P95,7:F2} ms  errors {errors}");
        return m;
    }

    /// <summary>The application's handler called in-process, one call after another.</summary>
    public static async Task<Measurement> SequentialCallsAsync<TIn, TOut>(string name, IReadOnlyList<TIn> inputs, Func<TIn, Task<TOut>> call)
    {
        ReleaseGeneratorMemory(); // the handler runs inside the benchmark process, beside the generators' garbage
        await WarmUpAsync(async () => { foreach (var i in inputs) await call(i); });
        var times = new List<double>(inputs.Count);
        var sw = Stopwatch.StartNew();
        foreach (var i in inputs)
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return Report(name, times, sw.Elapsed);
    }

    /// <summary>A key as the provider stores it, for the hand-written side (SQLite: 16 big-endian bytes, decision 0009).</summary>
    public static object Key(string provider, Guid value) => provider == "Postgres" ? value : CommunityHealth.Data.Sqlite.SqliteGuid.ToBytes(value);

    /// <summary>The same, as hand-written SQL through a plain ADO.NET connection (reading every row).</summary>
    public static async Task<Measurement> SequentialRawAsync(string name, System.Data.Common.DbConnection c, string sql, IReadOnlyList<Dictionary<string, object>> parameters)
    {
        await WarmUpAsync(async () => { foreach (var ps in parameters) await RawOnceAsync(c, sql, ps); });
        var sw = Stopwatch.StartNew();
        var times = new List<double>();
        foreach (var ps in parameters) times.Add(await RawOnceAsync(c, sql, ps));
        return Report(name, times, sw.Elapsed);
    }

    /// <summary>
    /// A handler and its hand-written equivalent measured in turn on each sample (handler, raw, next sample, …), so that
    /// both see the same moments of the machine — a checkpoint, autovacuum or a noisy neighbour then slows both, not one
    /// of them, and their ratio is the application's own overhead. The handler runs in this process.
    /// </summary>
    public static async Task<(Measurement Handler, Measurement Raw)> PairedAsync<TIn, TOut>(string name, IReadOnlyList<TIn> inputs, Func<TIn, Task<TOut>> call,
        System.Data.Common.DbConnection c, string sql, Func<TIn, Dictionary<string, object>> parameters)
    {
        ReleaseGeneratorMemory();
        var ps = inputs.Select(parameters).ToList();
        await WarmUpAsync(async () => { for (var i = 0; i < inputs.Count; i++) { await call(inputs[i]); await RawOnceAsync(c, sql, ps[i]); } });
        var handler = new List<double>(inputs.Count);
        var raw = new List<double>(inputs.Count);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < inputs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(inputs[i]);
            handler.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            raw.Add(await RawOnceAsync(c, sql, ps[i]));
        }
        return (Report($"handler {name}", handler, sw.Elapsed), Report($"raw {name}", raw, sw.Elapsed));
    }

    private static async Task<double> RawOnceAsync(System.Data.Common.DbConnection c, string sql, Dictionary<string, object> ps)
    {
        var start = Stopwatch.GetTimestamp();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (k, v) in ps) { var p = cmd.CreateParameter(); p.ParameterName = "@" + k; p.Value = v; cmd.Parameters.Add(p); }
        await using var reader = await cmd.ExecuteReaderAsync();
        do { while (await reader.ReadAsync()) for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i); } while (await reader.NextResultAsync());
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static Measurement Report(string name, List<double> times, TimeSpan elapsed)
    {
        var sorted = times.Order().ToArray();
        var m = new Measurement(name, 1, sorted.Length, 0, elapsed.TotalSeconds, Percentile(sorted, 0.5), Percentile(sorted, 0.95));
        Console.WriteLine($"{name,-44} median {m.Median,7:F3} ms  p95 {m.P95,7:F3} ms");
        return m;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
