using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CommunityHealth.Bench;

/// <summary>Writes the figures into docs/benchmarks.md, replacing the section this program owns.</summary>
public static class Report
{
    private const string Begin = "<!-- bench:foundation:begin -->";
    private const string End = "<!-- bench:foundation:end -->";

    public static void Write(string root, BenchOptions options, List<(string Provider, Measurement M)> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Begin);
        sb.AppendLine("## Foundation (issue 2): HTTP throughput and latency");
        sb.AppendLine();
        sb.AppendLine($"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `{options.CommandLine}`");
        sb.AppendLine($"- Machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        sb.AppendLine($"- Load: {options.Clients} concurrent closed-loop clients over HTTP/1.1 on loopback, {options.Seconds} s per row after a warm-up; the load generator shares the machine with the server.");
        sb.AppendLine("- The bare Kestrel endpoint is measured in the same run; the ratio to it is the figure that matters on a noisy machine.");
        sb.AppendLine();
        sb.AppendLine("| provider | endpoint | req/s | median ms | p95 ms | errors | req/s vs bare |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Provider))
        {
            var bare = group.First(r => r.M.Name.StartsWith("bare", StringComparison.Ordinal)).M.Rps;
            foreach (var (provider, m) in group)
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {m.Name} | {m.Rps:F0} | {m.Median:F2} | {m.P95:F2} | {m.Errors} | {m.Rps / bare:P1} |"));
        }
        sb.AppendLine();
        sb.AppendLine("Token issue is bounded by PBKDF2 password hashing (ASP.NET Core Identity v3: HMAC-SHA512, 100,000 iterations), by design.");
        sb.AppendLine(End);

        var path = Path.Combine(root, "docs", "benchmarks.md");
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nFigures written by `src/CommunityHealth.Bench`. Never a timing in a unit test.\n\n";
        var start = existing.IndexOf(Begin, StringComparison.Ordinal);
        var stop = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = start >= 0 && stop > start
            ? existing[..start] + sb.ToString().TrimEnd('\n') + existing[(stop + End.Length)..]
            : existing.TrimEnd('\n') + "\n\n" + sb;
        File.WriteAllText(path, updated);
        Console.WriteLine($"Wrote {path}");
    }

    public static void WriteResidents(string root, BenchOptions options, List<ResidentScenario.Result> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!-- bench:residents:begin -->");
        sb.AppendLine($"## Resident records (issue 3) at {results[0].Residents:N0} residents");
        sb.AppendLine();
        sb.AppendLine($"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `{options.CommandLine}`");
        sb.AppendLine($"- Machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        sb.AppendLine("- Searches and profile opens: one client, requests one after another (the latency a user sees), 200 sampled values each, as the district administrator (largest scope), over HTTP with a bearer token. \"raw\" is the same query hand-written in SQL through ADO.NET on one open connection, on the same database in the same run, reading every column as returned; the ratio is the application's handler in process (scope, mapping to the response) over it.");
        sb.AppendLine("- Targets: search p95 ≤ 20 ms, profile p95 ≤ 20 ms, registration through HTTP ≥ 200/s (issue 18; was 500/s), generation ≥ 20,000 residents/s, ours ÷ raw ≤ 1.5.");
        AppendRows(sb, results.Select(r => (r.Provider, r.Rows)));
        sb.AppendLine();
        sb.AppendLine("Times in ms. \"handler\" is the application's own search/profile handler called in-process (hand-written SQL with the scope condition since decision 0008, a pooled connection per call, mapping to the response: masked ID and phone, age; the profile view also queues its audit entry); \"HTTP\" adds Kestrel, bearer authentication and JSON. The p95 of a look-up that takes a few hundredths of a millisecond moves with the VM's scheduling from run to run; the median ratio is the steadier comparison. Since session 8 the handler and its raw query are measured in turn on each sample (handler, raw, next sample), so that both meet the same moments of the machine.");
        sb.AppendLine();
        sb.AppendLine("| provider | generation (residents/s) | registration via HTTP (req/s, 16 clients) | registration p95 ms | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Provider} | {r.Residents / r.GenerateSeconds:N0} | {r.Register.Rps:F0} | {r.Register.P95:F2} | {r.Register.Errors} |"));
        sb.AppendLine("<!-- bench:residents:end -->");
        Replace(root, "<!-- bench:residents:begin -->", "<!-- bench:residents:end -->", sb.ToString());
    }

    public static void WriteImmunization(string root, BenchOptions options, List<ImmunizationScenario.Result> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!-- bench:immunization:begin -->");
        sb.AppendLine($"## Immunization (issue 4) at {options.Residents:N0} residents");
        sb.AppendLine();
        sb.AppendLine($"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `{options.CommandLine}`");
        sb.AppendLine($"- Machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        foreach (var r in results)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {r.Provider}: {r.Children:N0} children under 18 with vaccination records, {r.Doses:N0} doses, generated and judged by the forecaster in {r.GenerateSeconds:F1} s."));
        sb.AppendLine("- Targets: forecast for one child p95 ≤ 2 ms in process; a station's due/overdue list p95 ≤ 50 ms; district coverage for one cohort ≤ 1 s; recording a dose through HTTP ≥ 200/s (issue 18; was 500/s). Lists and coverage as the district administrator (largest scope), one request after another; \"raw\" is the equivalent hand-written SQL in the same run.");
        sb.AppendLine();
        sb.AppendLine("| provider | measurement | HTTP median | HTTP p95 | handler median | handler p95 | raw SQL median | raw SQL p95 | handler ÷ raw (p95) |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Provider} | {r.Forecast.Name} | | | {r.Forecast.Median:F3} | {r.Forecast.P95:F3} | | | |"));
            foreach (var row in r.Rows)
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Provider} | {row.Name} | {row.Http.Median:F2} | {row.Http.P95:F2} | {row.Handler.Median:F2} | {row.Handler.P95:F2} | {row.Raw.Median:F2} | {row.Raw.P95:F2} | {row.Handler.P95 / row.Raw.P95:F1} |"));
        }
        sb.AppendLine();
        sb.AppendLine("| provider | record a dose via HTTP (req/s, 16 clients) | median ms | p95 ms | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Provider} | {r.Record.Rps:F0} | {r.Record.Median:F2} | {r.Record.P95:F2} | {r.Record.Errors} |"));
        sb.AppendLine("<!-- bench:immunization:end -->");
        Replace(root, "<!-- bench:immunization:begin -->", "<!-- bench:immunization:end -->", sb.ToString());
    }

    public static void WriteChronic(string root, BenchOptions options, List<ChronicScenario.Result> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!-- bench:chronic:begin -->");
        sb.AppendLine($"## Hypertension and diabetes (issue 5) at {options.Residents:N0} residents");
        sb.AppendLine();
        sb.AppendLine($"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `{options.CommandLine}`");
        sb.AppendLine($"- Machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        foreach (var r in results)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {r.Provider}: {r.Hypertension:N0} hypertension and {r.Diabetes:N0} diabetes patients, {r.Visits:N0} follow-up visits (up to four years, each judged by the rules in order), {r.Exams:N0} health examinations, {r.Measurements:N0} BP/glucose measurements, generated in {r.GenerateSeconds:F1} s."));
        sb.AppendLine("- Targets: a team's due list p95 ≤ 50 ms; the district's control-rate indicators for a year ≤ 1 s; recording a follow-up through HTTP ≥ 200/s (issue 18; was 500/s). Lists (each of the district's teams in turn) and indicators as the district administrator (largest scope), one request after another; \"raw\" is the equivalent hand-written SQL in the same run.");
        AppendRows(sb, results.Select(r => (r.Provider, r.Rows)));
        sb.AppendLine();
        sb.AppendLine("| provider | record a follow-up via HTTP (req/s, 16 clients) | median ms | p95 ms | errors |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Provider} | {r.Record.Rps:F0} | {r.Record.Median:F2} | {r.Record.P95:F2} | {r.Record.Errors} |"));
        sb.AppendLine("<!-- bench:chronic:end -->");
        Replace(root, "<!-- bench:chronic:begin -->", "<!-- bench:chronic:end -->", sb.ToString());
    }

    public static void WriteWorkList(string root, BenchOptions options, List<WorkListScenario.Result> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!-- bench:worklist:begin -->");
        sb.AppendLine($"## The home list (issue 21) at {options.Residents:N0} residents");
        sb.AppendLine();
        sb.AppendLine($"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `{options.CommandLine}`");
        sb.AppendLine($"- Machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        foreach (var r in results)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {r.Provider}: {r.Items:N0} work items (every open series' next dose of the vaccination records, every active registration's next follow-up), written from the programmes' recomputation in {r.GenerateSeconds:F1} s."));
        sb.AppendLine("- Targets: the first page (100 rows, due today incl. overdue, most days overdue first, with the counts per programme) p95 ≤ 50 ms for a team and for a center; counts per programme ≤ 100 ms. Teams as the district administrator with `?team=`, centers as each center's director (the center's scope), one request after another; \"raw\" is the page query (or the grouped count) hand-written in SQL — the handler's page also counts per programme and reads the page's residents.");
        AppendRows(sb, results.Select(r => (r.Provider, r.Rows)));
        sb.AppendLine("<!-- bench:worklist:end -->");
        Replace(root, "<!-- bench:worklist:begin -->", "<!-- bench:worklist:end -->", sb.ToString());
    }

    /// <summary>
    /// One row per performance target of the house issue (18) and of issues 3–5 that it keeps, per provider: the figure
    /// the target is judged on (the worst row of its kind where several rows measure it) and whether it is met.
    /// </summary>
    public static void WriteTargets(string root, BenchOptions options, List<ResidentScenario.Result> residents,
        List<ImmunizationScenario.Result> immunization, List<ChronicScenario.Result> chronic, List<WorkListScenario.Result> workList)
    {
        var rows = new List<(string Target, string Provider, string Figure, bool Met)>();
        static string F(double v, string unit) => v.ToString(v < 10 ? "F2" : "N0", CultureInfo.InvariantCulture) + unit;
        void Worst(string target, string provider, IEnumerable<ResidentScenario.Row> measured, double limitMs)
        {
            var list = measured.ToList();
            if (list.Count == 0) return;
            var worst = list.MaxBy(r => r.Http.P95)!;
            rows.Add((target, provider, $"{F(worst.Http.P95, " ms")} ({worst.Name})", worst.Http.P95 <= limitMs));
        }
        void WorstCold(string target, string provider, IEnumerable<ResidentScenario.Row> measured, double limitMs)
        {
            var list = measured.ToList();
            if (list.Count == 0) return;
            var worst = list.MaxBy(r => r.Handler.P95)!;
            rows.Add((target, provider, $"{F(worst.Handler.P95, " ms")} cold, {F(worst.Http.P95, " ms")} HTTP cached ({worst.Name})", worst.Handler.P95 <= limitMs));
        }
        void AtLeast(string target, string provider, double value, string unit, double floor) =>
            rows.Add((target, provider, F(value, unit), value >= floor));
        foreach (var r in residents)
        {
            var searches = r.Rows.Where(x => !x.Name.StartsWith("open profile", StringComparison.Ordinal)).ToList();
            Worst("resident search p95 ≤ 20 ms (HTTP, worst search kind)", r.Provider, searches, 20);
            Worst("profile open p95 ≤ 20 ms (HTTP)", r.Provider, r.Rows.Except(searches), 20);
            var ratio = r.Rows.MaxBy(x => x.Handler.Median / x.Raw.Median)!;
            rows.Add(("handler ÷ raw SQL ≤ 1.5 (median, worst row)", r.Provider,
                string.Create(CultureInfo.InvariantCulture, $"{ratio.Handler.Median / ratio.Raw.Median:F1} ({ratio.Name})"), ratio.Handler.Median / ratio.Raw.Median <= 1.5));
            AtLeast("generation ≥ 20,000 residents/s", r.Provider, r.Residents / r.GenerateSeconds, "/s", 20_000);
            AtLeast("register a resident ≥ 200 req/s (HTTP, 16 clients)", r.Provider, r.Register.Rps, " req/s", 200);
        }
        foreach (var r in immunization)
        {
            rows.Add(("forecast for one child p95 ≤ 2 ms (in process)", r.Provider, F(r.Forecast.P95, " ms"), r.Forecast.P95 <= 2));
            Worst("due list p95 ≤ 50 ms (HTTP, a station's vaccination list)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("station", StringComparison.Ordinal)), 50);
            WorstCold("coverage ≤ 1 s (cold in process p95, district, every dose of a year)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("district coverage", StringComparison.Ordinal)), 1000);
            AtLeast("record a dose ≥ 200 req/s (HTTP, 16 clients)", r.Provider, r.Record.Rps, " req/s", 200);
        }
        foreach (var r in chronic)
        {
            Worst("due list p95 ≤ 50 ms (HTTP, a team's follow-up list)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("team", StringComparison.Ordinal)), 50);
            WorstCold("indicators ≤ 1 s (cold in process p95, district, a year)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("district indicators", StringComparison.Ordinal)), 1000);
            AtLeast("record a follow-up ≥ 200 req/s (HTTP, 16 clients)", r.Provider, r.Record.Rps, " req/s", 200);
            WorstCold("one indicator, district, a year ≤ 1 s cold (in process, worst indicator)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("indicator catalogue", StringComparison.Ordinal)), 1000);
            WorstCold("indicator board ≤ 3 s cold (in process)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("indicator board", StringComparison.Ordinal)), 3000);
            Worst("indicator board ≤ 200 ms when nothing changed (HTTP p95)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("indicator board", StringComparison.Ordinal)), 200);
            Worst("gap list of the largest indicator, first page ≤ 200 ms (HTTP p95)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("indicator gap", StringComparison.Ordinal)), 200);
        }
        foreach (var r in workList)
        {
            Worst("home list first page p95 ≤ 50 ms (HTTP, a team)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("team home list", StringComparison.Ordinal)), 50);
            Worst("home list first page p95 ≤ 50 ms (HTTP, a center)", r.Provider, r.Rows.Where(x => x.Name.StartsWith("center home list", StringComparison.Ordinal)), 50);
            Worst("counts per programme p95 ≤ 100 ms (HTTP, team and center)", r.Provider, r.Rows.Where(x => x.Name.Contains("counts", StringComparison.Ordinal)), 100);
        }

        var sb = new StringBuilder();
        sb.AppendLine("<!-- bench:targets:begin -->");
        sb.AppendLine($"## Targets (issue 18) at {options.Residents:N0} residents");
        sb.AppendLine();
        sb.AppendLine($"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `{options.CommandLine}`");
        sb.AppendLine($"- Machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        sb.AppendLine("- Each target is judged on the figure named; where several rows measure it, the worst one. The rows behind them are in the module sections below.");
        sb.AppendLine();
        sb.AppendLine("| target | provider | figure | met |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var (target, provider, figure, met) in rows.OrderBy(r => r.Target, StringComparer.Ordinal).ThenBy(r => r.Provider, StringComparer.Ordinal))
            sb.AppendLine($"| {target} | {provider} | {figure} | {(met ? "yes" : "**no**")} |");
        sb.AppendLine("<!-- bench:targets:end -->");
        Replace(root, "<!-- bench:targets:begin -->", "<!-- bench:targets:end -->", sb.ToString());
    }

    /// <summary>The three-way table (HTTP, handler in process, hand-written SQL) every scenario writes.</summary>
    private static void AppendRows(StringBuilder sb, IEnumerable<(string Provider, List<ResidentScenario.Row> Rows)> results)
    {
        sb.AppendLine();
        sb.AppendLine("| provider | measurement | HTTP median | HTTP p95 | handler median | handler p95 | raw SQL median | raw SQL p95 | handler ÷ raw (median) | handler ÷ raw (p95) |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        // below a millisecond three decimals: a point look-up takes a few hundredths, where two decimals hide the ratio
        static string Ms(double v) => v.ToString(v < 1 ? "F3" : "F2", CultureInfo.InvariantCulture);
        foreach (var (provider, rows) in results)
            foreach (var row in rows)
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {row.Name} | {row.Http.Median:F2} | {row.Http.P95:F2} | {Ms(row.Handler.Median)} | {Ms(row.Handler.P95)} | {Ms(row.Raw.Median)} | {Ms(row.Raw.P95)} | {row.Handler.Median / row.Raw.Median:F1} | {row.Handler.P95 / row.Raw.P95:F1} |"));
    }

    private static void Replace(string root, string begin, string end, string section)
    {
        var path = Path.Combine(root, "docs", "benchmarks.md");
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\n";
        var start = existing.IndexOf(begin, StringComparison.Ordinal);
        var stop = existing.IndexOf(end, StringComparison.Ordinal);
        var updated = start >= 0 && stop > start
            ? existing[..start] + section.TrimEnd('\n') + existing[(stop + end.Length)..]
            : existing.TrimEnd('\n') + "\n\n" + section;
        File.WriteAllText(path, updated);
        Console.WriteLine($"Wrote {path}");
    }

    private static string Cpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException) { return "unknown CPU"; }
    }
}
