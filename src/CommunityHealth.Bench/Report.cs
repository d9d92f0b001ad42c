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

    private static string Cpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException) { return "unknown CPU"; }
    }
}
