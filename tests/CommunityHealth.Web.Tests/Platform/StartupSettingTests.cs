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

    /// <summary><c>dotnet CommunityHealth.Web.dll</c> on a fresh SQLite file; its exit code and every line it printed.</summary>
    private static async Task<(int ExitCode, List<string> Output)> RunServerAsync(string setting)
    {
        var folder = Directory.CreateTempSubdirectory("ch-start-");
        try
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
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                Assert.Fail("The server started instead of refusing the setting:\n" + string.Join('\n', output));
            }
            process.WaitForExit(); // the last lines of the redirected streams
            return (process.ExitCode, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
