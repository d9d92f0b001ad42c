using System.Diagnostics;

namespace CommunityHealth.Bench;

public sealed record Measurement(string Name, int Clients, int Requests, int Errors, double Seconds, double Median, double P95)
{
    public double Rps => Requests / Seconds;
}

/// <summary>Closed-loop load: N clients each send the next request when the previous answers, for a fixed time after a warm-up.</summary>
public static class Load
{
    public static async Task<Measurement> RunAsync(string name, string baseUrl, Func<int, HttpRequestMessage> request, BenchOptions options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

        await RunForAsync(http, request, options.Clients, TimeSpan.FromSeconds(Math.Max(2, options.Seconds / 5)), null); // warm-up
        var latencies = new List<double>[options.Clients];
        for (var i = 0; i < latencies.Length; i++) latencies[i] = new List<double>(4096);
        var sw = Stopwatch.StartNew();
        var errors = await RunForAsync(http, request, options.Clients, TimeSpan.FromSeconds(options.Seconds), latencies);
        var elapsed = sw.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var m = new Measurement(name, options.Clients, all.Length, errors, elapsed, Percentile(all, 0.50), Percentile(all, 0.95));
        Console.WriteLine($"{name,-36} {m.Rps,9:F0} req/s  median {m.Median,7:F2} ms  p95 {m.P95,7:F2} ms  errors {errors}");
        return m;
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

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
