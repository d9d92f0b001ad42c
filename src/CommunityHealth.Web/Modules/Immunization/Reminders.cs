using CommunityHealth.Domain.Staff;
using CommunityHealth.Domain.Immunization;
using System.Net.Http.Json;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record GenerateReminders(int? DaysAhead, Guid? OrganizationId);

public sealed record GenerateResult(int Created, int AlreadyQueued);

public sealed record ReminderDto(Guid Id, Guid VaccineeId, string Recipient, string Text, string Status, int Attempts, string? LastError,
    DateTime NextAttemptAt, DateTime? SentAt, string? Sender, DateTime CreatedAt);

/// <summary>Delivers one reminder; throws on failure (the dispatcher retries with back-off).</summary>
public interface IReminderSender
{
    string Name { get; }
    Task SendAsync(ReminderMessage message, CancellationToken ct);
}

/// <summary>Only records the message as sent (for sites without an SMS gateway; the outbox is the record).</summary>
public sealed class RecordingReminderSender : IReminderSender
{
    public string Name => "record";
    public Task SendAsync(ReminderMessage message, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// Posts the message as JSON to the configured gateway URL (<c>Reminders:WebhookUrl</c>). The message id goes in
/// the body and in an <c>Idempotency-Key</c> header, so a gateway can drop a retry of a message it already took.
/// </summary>
public sealed class WebhookReminderSender(HttpClient http, string url) : IReminderSender
{
    public string Name => "webhook";

    public async Task SendAsync(ReminderMessage message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new { id = message.Id, to = message.Recipient, text = message.Text }),
        };
        request.Headers.Add("Idempotency-Key", message.Id.ToString());
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Gateway answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }
}

/// <summary>
/// The reminder outbox: generating messages for guardians of children due within N days (one per child and due
/// date — the unique key makes a second generation a no-op), and dispatching pending messages with back-off.
/// </summary>
public sealed class Reminders(ScopedDb dbs, OrganizationCache organizations, IHealthDbFactory factory, IReminderSender sender, AuditLog audit, TimeProvider clock, ILogger<Reminders> logger)
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    public async Task<Outcome<GenerateResult>> GenerateAsync(StaffContext staff, GenerateReminders cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var days = cmd.DaysAhead ?? 7;
        if (days is < 0 or > 60) return new Invalid("daysAhead", "error.vaccination.days_ahead");
        var today = clock.Today();
        var until = today.AddDays(days);
        await using var db = dbs.For(staff);
        var q = db.Vaccinees.AsNoTracking().Where(v => v.Status == VaccineeStatus.Active && v.NextDueDate >= today && v.NextDueDate <= until);
        if (cmd.OrganizationId is { } org) q = q.Where(v => v.OrganizationId == org);
        var due = await q.Join(db.Residents.Where(r => r.Status == ResidentStatus.Active), v => v.ResidentId, r => r.Id, (v, r) => new { v, r.Name })
            .Take(20_000).ToListAsync(ct);
        var orgNames = await organizations.NamesAsync(due.Select(d => d.v.OrganizationId), ct);
        var keys = due.Select(d => Key(d.v)).ToList();
        var existing = new HashSet<string>();
        foreach (var chunk in keys.Chunk(500))
            existing.UnionWith(await db.ReminderMessages.IgnoreQueryFilters().Where(m => chunk.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var d in due.Where(d => !existing.Contains(Key(d.v))))
        {
            db.ReminderMessages.Add(new ReminderMessage
            {
                Id = Guid.CreateVersion7(), DistrictId = d.v.DistrictId, CenterId = d.v.CenterId, OrganizationId = d.v.OrganizationId, VaccineeId = d.v.Id,
                DedupKey = Key(d.v), Recipient = d.v.GuardianPhone, Text = Text(d.Name, d.v, orgNames.GetValueOrDefault(d.v.OrganizationId, "")),
                Status = ReminderStatus.Pending, NextAttemptAt = now, CreatedAt = now,
            });
            created++;
        }
        await db.SaveChangesAsync(ct);
        audit.Record(staff, "ReminderMessage", "-", AuditActions.Create, $"{created} reminders, due within {days} days");
        return new GenerateResult(created, due.Count - created);
    }

    /// <summary>One message per child and due date (and the doses due then): regenerating never duplicates.</summary>
    private static string Key(Vaccinee v) => $"{v.Id:N}:{v.NextDueDate:yyyyMMdd}:{v.NextDueDoses}";

    public static string Text(string childName, Vaccinee v, string clinic) =>
        $"【预防接种提醒】{v.GuardianName}您好：{childName}应于{v.NextDueDate:yyyy-MM-dd}接种{VaccinationWorkList.DueText(v.NextDueDoses)}，" +
        $"请携带预防接种证到{clinic}接种。如已接种请忽略。";

    public async Task<IReadOnlyList<ReminderDto>> ListAsync(StaffContext staff, ReminderStatus? status, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var q = db.ReminderMessages.AsNoTracking();
        if (status is { } s) q = q.Where(m => m.Status == s);
        var rows = await q.OrderByDescending(m => m.CreatedAt).Take(500).ToListAsync(ct);
        return rows.Select(m => new ReminderDto(m.Id, m.VaccineeId, m.Recipient, m.Text, m.Status.ToString(), m.Attempts, m.LastError, m.NextAttemptAt, m.SentAt, m.Sender, m.CreatedAt)).ToList();
    }

    /// <summary>
    /// Sends the pending messages that are due, one at a time. A message is claimed by moving its next attempt
    /// forward in one conditional UPDATE before sending, so two dispatchers never send it twice; it is marked
    /// sent only after the sender succeeded. Returns how many were sent.
    /// </summary>
    public async Task<int> DispatchAsync(CancellationToken ct = default)
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
                var next = clock.GetUtcNow().UtcDateTime + Backoff[Math.Min(attempts - 1, Backoff.Length - 1)];
                await db.ReminderMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.Sender, sender.Name)
                    .SetProperty(m => m.Status, attempts >= MaxAttempts ? ReminderStatus.Failed : ReminderStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, next), ct);
                logger.LogWarning("Reminder {Id} attempt {Attempt} failed: {Error}", message.Id, attempts, error);
            }
        }
        return sent;
    }
}

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
                await scope.ServiceProvider.GetRequiredService<Reminders>().DispatchAsync(stoppingToken);
                var today = clock.Today();
                if (refreshed != today)
                {
                    await using var db = scope.ServiceProvider.GetRequiredService<IHealthDbFactory>().Create(DataScope.System);
                    var changed = await scope.ServiceProvider.GetRequiredService<VaccinationWorkList>().RefreshAsync(db, today, stoppingToken);
                    logger.LogInformation("Work-list due dates refreshed for {Today}: {Changed} changed", today, changed);
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
