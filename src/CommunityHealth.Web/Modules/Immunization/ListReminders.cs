using CommunityHealth.Domain.Immunization;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record ReminderDto(Guid Id, Guid? VaccineeId, Guid? ResidentId, string Programme, string Recipient, string Text, string Status, int Attempts, string? LastError,
    DateTime NextAttemptAt, DateTime? SentAt, string? Sender, DateTime CreatedAt);

/// <summary>The reminder outbox, newest first (500 at most): recipient, text, status, attempts, last error.</summary>
public sealed class ListReminders(ScopedDb dbs)
{
    public static void Map(RouteGroupBuilder reminders) =>
        reminders.MapGet("/", async (ReminderStatus? status, CurrentUser user, ListReminders h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(await user.GetAsync(), status, ct)))
            .WithSummary("The outbox: recipient, text, status, attempts, last error");

    public async Task<IReadOnlyList<ReminderDto>> HandleAsync(StaffContext staff, ReminderStatus? status, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var q = db.ReminderMessages.AsNoTracking();
        if (status is { } s) q = q.Where(m => m.Status == s);
        var rows = await q.OrderByDescending(m => m.CreatedAt).Take(500).ToListAsync(ct);
        return rows.Select(m => new ReminderDto(m.Id, m.VaccineeId, m.ResidentId, m.Programme, m.Recipient, m.Text, m.Status.ToString(), m.Attempts, m.LastError, m.NextAttemptAt, m.SentAt, m.Sender, m.CreatedAt)).ToList();
    }
}
