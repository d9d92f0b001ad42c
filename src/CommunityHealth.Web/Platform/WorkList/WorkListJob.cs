using CommunityHealth.Data;

namespace CommunityHealth.Web.Platform.WorkList;

/// <summary>
/// The daily job of the home list: once a day each programme re-evaluates the sources whose items change with time alone
/// (a dose reaching its last age). Becoming due and becoming overdue need no job: they are the stored dates compared with
/// today when the list is read. Checks every <c>WorkList:IntervalSeconds</c> (default 60) whether the day has turned.
/// </summary>
public sealed class WorkListJob(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<WorkListJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("WorkList:IntervalSeconds", 60)));
        DateOnly? refreshed = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var today = clock.Today();
            if (refreshed != today)
            {
                try
                {
                    await RunAsync(scopes, clock, today, logger, stoppingToken);
                    refreshed = today;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Work-list refresh failed; retrying");
                }
            }
            try { await Task.Delay(interval, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One day's refresh of every programme; returns how many sources changed.</summary>
    public static async Task<int> RunAsync(IServiceScopeFactory scopes, TimeProvider clock, DateOnly today, ILogger logger, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var changed = 0;
        foreach (var programme in scope.ServiceProvider.GetRequiredService<WorkProgrammes>().All)
        {
            await using var db = scope.ServiceProvider.GetRequiredService<IHealthDbFactory>().Create(DataScope.System);
            var n = await programme.RefreshAsync(db, today, clock.GetUtcNow().UtcDateTime, ct);
            logger.LogInformation("Work list {Programme} refreshed for {Today:yyyy-MM-dd}: {Changed} changed", programme.Key, today, n);
            changed += n;
        }
        return changed;
    }
}
