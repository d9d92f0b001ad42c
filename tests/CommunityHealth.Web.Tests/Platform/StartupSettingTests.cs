using System.Diagnostics;
using CommunityHealth.Web.Platform.Seeding;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.Platform;

/// <summary>
/// A configured password that breaks the policy stops the start (the real server as a child process, as an operator runs it)
/// with one line naming the setting and the rule in Chinese and English: no raw message key, no stack trace, exit code 1.
/// </summary>
public sealed class StartupSettingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("--Demo:Password=Nurse3Health26", "Demo:Password", "密码不能包含用户名（nurse3）", "must not contain the user name (nurse3)")]
    [InlineData("--Demo:Password=Doctor1Health26", "Demo:Password", "密码不能包含用户名（doctor1）", "must not contain the user name (doctor1)")]
    [InlineData("--Bootstrap:AdminPassword=Short1a", "Bootstrap:AdminPassword", "密码长度至少 10 位", "at least 10 characters")]
    [InlineData("--Bootstrap:AdminPassword=MyAdmin2026Pass", "Bootstrap:AdminPassword", "密码不能包含用户名（admin）", "(admin)")]
    public async Task A_password_setting_that_breaks_the_policy_stops_the_start_with_one_clear_line(string setting, string key, string zh, string en)
    {
        var (exitCode, output) = await RunServerAsync(setting);
        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output, l => l.Contains(key, StringComparison.Ordinal));
        Assert.Contains(zh, line);
        Assert.Contains(en, line);
        Assert.DoesNotContain(output, l => l.Contains("error.staff.", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal)
            || l.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_login_list_is_every_login_the_demo_seeders_create()
    {
        await using var db = app.SystemDb();
        var seeded = await db.Users.Where(u => u.UserName != "admin").Select(u => u.UserName!).ToListAsync();
        Assert.Equal(seeded.Order(), DatabaseInitializer.DemoLogins.Order());
    }

    [Fact]
    public async Task Started_from_another_folder_the_app_finds_its_settings_logs_quietly_with_iso_timestamps_and_keeps_its_key_ring()
    {
        var folder = Directory.CreateTempSubdirectory("ch-start-");
        try
        {
            // the default logging (Information), as an operator runs the published app from wherever they are
            var (_, output) = await RunServerAsync(folder, "--Logging:LogLevel:Default=Information", started: true);
            var text = string.Join('\n', output);
            Assert.Contains(output, l => l.Contains("Content root path: " + AppContext.BaseDirectory, StringComparison.Ordinal));
            Assert.DoesNotContain("Executed DbCommand", text, StringComparison.Ordinal); // EF Core at Warning
            Assert.DoesNotContain(output, l => l.Contains("warn:", StringComparison.Ordinal) || l.Contains("fail:", StringComparison.Ordinal));
            Assert.Contains(output, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2} info: "));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.FullName, "keys"), "key-*.xml")); // next to the SQLite file
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, List<string> Output)> RunServerAsync(string setting)
    {
        var folder = Directory.CreateTempSubdirectory("ch-start-");
        try
        {
            return await RunServerAsync(folder, setting, started: false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// <c>dotnet CommunityHealth.Web.dll</c> in <paramref name="folder"/> (working directory and SQLite file) until it exits, or with
    /// <paramref name="started"/> until it says it started (then it is stopped); its exit code and every line it printed.
    /// </summary>
    private static async Task<(int ExitCode, List<string> Output)> RunServerAsync(DirectoryInfo folder, string setting, bool started)
    {
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "CommunityHealth.Web.dll"), "--urls", "http://127.0.0.1:0",
                $"--Database:ConnectionString=Data Source={Path.Combine(folder.FullName, "ch.db")}", "--Demo:Enabled=true", "--Demo:Residents=0", setting,
            }) start.ArgumentList.Add(arg);
            start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            using var process = Process.Start(start)!;
            var output = new List<string>();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a guard against a start that does not stop
            try
            {
                if (started)
                {
                    while (!process.HasExited && !Printed(output, "Application started")) await Task.Delay(100, timeout.Token);
                    if (!process.HasExited) process.Kill();
                }
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                Assert.Fail((started ? "The server did not start:\n" : "The server started instead of refusing the setting:\n") + string.Join('\n', output));
            }
            process.WaitForExit(); // the last lines of the redirected streams
            lock (output) return (process.ExitCode, output.ToList());
        }
    }

    private static bool Printed(List<string> output, string text)
    {
        lock (output) return output.Any(l => l.Contains(text, StringComparison.Ordinal));
    }
}
