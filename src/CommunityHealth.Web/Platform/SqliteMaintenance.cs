using CommunityHealth.Data.Sqlite;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// Keeps SQLite's planner statistics current (SQLite never gathers them by itself): <c>PRAGMA optimize</c> shortly
/// after start-up and then every <c>Database:OptimizeHours</c> hours (default 24; 0 turns it off). Each run analyses
/// only tables that were never analysed or changed size tenfold, with a bounded sample, behind the write gate.
/// </summary>
public sealed class SqliteMaintenance(SqliteWriteGate gate, IConfiguration config, TimeProvider clock, ILogger<SqliteMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = config.GetValue("Database:OptimizeHours", 24.0);
        if (hours <= 0) return;
        var wait = TimeSpan.FromMinutes(Math.Min(5, hours * 60)); // not in the middle of start-up and seeding
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(wait, clock, stoppingToken); } catch (OperationCanceledException) { return; }
            try
            {
                var changed = await gate.OptimizeAsync(stoppingToken);
                logger.LogInformation("SQLite statistics {Outcome}", changed ? "refreshed" : "already current");
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "PRAGMA optimize failed; trying again at the next interval");
            }
            wait = TimeSpan.FromHours(hours);
        }
    }
}
