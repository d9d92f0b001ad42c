using CommunityHealth.Data;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>Dispatches the outbox every <c>Reminders:IntervalSeconds</c> and refreshes the work-list due dates once a day.</summary>
public sealed class ImmunizationJobs(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<ImmunizationJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Reminders:IntervalSeconds", 30)));
        DateOnly? refreshed = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DispatchReminders>().HandleAsync(stoppingToken);
                var today = clock.Today();
                if (refreshed != today)
                {
                    await using var db = scope.ServiceProvider.GetRequiredService<IHealthDbFactory>().Create(DataScope.System);
                    var changed = await scope.ServiceProvider.GetRequiredService<RefreshDueDates>().HandleAsync(db, today, stoppingToken);
                    logger.LogInformation("Work-list due dates refreshed for {Today:yyyy-MM-dd}: {Changed} changed", today, changed);
                    refreshed = today;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Immunization job failed; retrying");
            }
            try { await Task.Delay(interval, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
