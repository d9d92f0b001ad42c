using CommunityHealth.Data;
using CommunityHealth.Domain.Immunization;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// Sends the outbox's pending messages that are due, one at a time. A message is claimed by moving its next attempt
/// forward in one conditional UPDATE before sending, so two dispatchers never send it twice; it is marked sent only
/// after the sender succeeded; a failure is retried with back-off and given up after five attempts (<see cref="ReminderRules"/>).
/// </summary>
public sealed class DispatchReminders(IHealthDbFactory factory, IReminderSender sender, TimeProvider clock, ILogger<DispatchReminders> logger)
{
    /// <summary>Returns how many were sent.</summary>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        await using var db = factory.Create(DataScope.System);
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = await db.ReminderMessages.AsNoTracking().Where(m => m.Status == ReminderStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var message in batch)
        {
            var claimedUntil = now.AddMinutes(10);
            var claimed = await db.ReminderMessages.Where(m => m.Id == message.Id && m.Status == ReminderStatus.Pending && m.NextAttemptAt == message.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimedUntil), ct);
            if (claimed == 0) continue;
            try
            {
                await sender.SendAsync(message, ct);
                await db.ReminderMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, ReminderStatus.Sent).SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.Sender, sender.Name).SetProperty(m => m.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                var next = ReminderRules.NextAttempt(attempts, clock.GetUtcNow().UtcDateTime);
                await db.ReminderMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.Sender, sender.Name)
                    .SetProperty(m => m.Status, ReminderRules.GivesUp(attempts) ? ReminderStatus.Failed : ReminderStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, next), ct);
                logger.LogWarning("Reminder {Id} attempt {Attempt} failed: {Error}", message.Id, attempts, error);
            }
        }
        return sent;
    }
}
