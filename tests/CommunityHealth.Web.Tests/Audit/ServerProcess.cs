using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CommunityHealth.Web.Tests.Infrastructure;

namespace CommunityHealth.Web.Tests.Audit;

/// <summary>
/// The real server as a child process (<c>dotnet CommunityHealth.Web.dll</c> from the test's output folder), on loopback,
/// seeded with the demo district, so a test can kill it without any chance to flush and start it again on the same database.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The last lines the server printed, for a failure message.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<ServerProcess> StartAsync(Provider provider, string connectionString)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "CommunityHealth.Web.dll"), "--urls", $"http://127.0.0.1:{port}",
            $"--Database:Provider={provider}", $"--Database:ConnectionString={connectionString}",
            $"--Bootstrap:AdminPassword={TestApp.AdminPassword}", "--Demo:Enabled=true", "--Demo:Residents=0", $"--Demo:Password={TestApp.DemoPassword}",
            "--Logging:LogLevel:Default=Warning",
        }) start.ArgumentList.Add(arg);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilListeningAsync();
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    /// <summary>Kestrel listens only after migrations and seeding, so the first answer means the server is ready.</summary>
    private async Task WaitUntilListeningAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var giveUp = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var _ = await client.GetAsync("/api/organizations");
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // a guard against a hung start, not a measurement
                if (giveUp.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException($"The server did not start:\n{Output}");
                await Task.Delay(200);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no drained queues.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
