namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// Dispatches the outbox every <c>Reminders:IntervalSeconds</c>. (The daily re-evaluation of due dates runs in the work
/// list's job, <see cref="Platform.WorkList.WorkListJob"/>, through <see cref="ImmunizationWorkItems.RefreshAsync"/>.)
/// </summary>
public sealed class ImmunizationJobs(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<ImmunizationJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Reminders:IntervalSeconds", 30)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DispatchReminders>().HandleAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Immunization job failed; retrying");
            }
            try { await Task.Delay(interval, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
