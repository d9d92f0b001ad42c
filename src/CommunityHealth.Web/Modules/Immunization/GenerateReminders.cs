using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record GenerateRemindersRequest(int? DaysAhead, Guid? OrganizationId);

public sealed record GenerateResult(int Created, int AlreadyQueued);

/// <summary>
/// Queues reminder messages for guardians of children due within N days (<see cref="ReminderRules"/>): one per child and
/// due date — the unique key makes a second generation a no-op.
/// </summary>
public sealed class GenerateReminders(ScopedDb dbs, OrganizationCache organizations, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder reminders) =>
        reminders.MapPost("/generate", async (GenerateRemindersRequest cmd, CurrentUser user, GenerateReminders h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Queue reminder messages for guardians of children due within daysAhead days (never twice)").Produces<GenerateResult>().ProducesValidationProblem();

    public async Task<Outcome<GenerateResult>> HandleAsync(StaffContext staff, GenerateRemindersRequest cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.ImmunizationWrite)) return new Forbidden();
        var days = cmd.DaysAhead ?? ReminderRules.DefaultDaysAhead;
        if (!ReminderRules.ValidDaysAhead(days)) return new Invalid("daysAhead", "error.vaccination.days_ahead");
        var (from, until) = ReminderRules.DueWindow(clock.Today(), days);
        await using var db = dbs.For(staff);
        var q = db.Vaccinees.AsNoTracking().Where(v => v.Status == VaccineeStatus.Active && v.NextDueDate >= from && v.NextDueDate <= until && v.GuardianPhone != ""); // no phone known: nobody to remind
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
        db.Audit(staff, "ReminderMessage", "-", AuditActions.Create, $"{created} reminders, due within {days} days");
        await db.SaveChangesAsync(ct);
        return new GenerateResult(created, due.Count - created);
    }

    /// <summary>One message per child and due date (and the doses due then): regenerating never duplicates.</summary>
    private static string Key(Vaccinee v) => $"{v.Id:N}:{v.NextDueDate:yyyyMMdd}:{v.NextDueDoses}";

    public static string Text(string childName, Vaccinee v, string clinic) =>
        $"【预防接种提醒】{v.GuardianName}您好：{childName}应于{v.NextDueDate:yyyy-MM-dd}接种{VaccinationWorkList.DueText(v.NextDueDoses)}，" +
        $"请携带预防接种证到{clinic}接种。如已接种请忽略。";
}
