using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Platform.WorkList;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

public sealed record GenerateRemindersRequest(int? DaysAhead, Guid? OrganizationId, string? Programme = null);

public sealed record GenerateResult(int Created, int AlreadyQueued, int OptedOut = 0);

/// <summary>
/// Queues reminder messages from the home list's items (<see cref="ReminderRules"/>): for every programme the caller may
/// write (or the one named), each source's open items due within N days, one message per source and due date in the
/// programme's own template — the unique key makes a second generation a no-op. Residents who opted out get none.
/// </summary>
public sealed class GenerateReminders(ScopedDb dbs, WorkProgrammes programmes, TimeProvider clock)
{
    public const int MaxMessages = 20_000;

    public static void Map(RouteGroupBuilder reminders) =>
        reminders.MapPost("/generate", async (GenerateRemindersRequest cmd, CurrentUser user, GenerateReminders h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Queue reminder messages for the items due within daysAhead days, every programme the caller records (or programme=), never twice")
            .Produces<GenerateResult>().ProducesValidationProblem().ProducesProblem(404);

    public async Task<Outcome<GenerateResult>> HandleAsync(StaffContext staff, GenerateRemindersRequest cmd, CancellationToken ct = default)
    {
        var writable = programmes.All.Where(p => staff.Can(p.WritePermission)).ToList();
        if (cmd.Programme is { Length: > 0 } key)
        {
            if (programmes.Find(key) is not { } named || !staff.Can(named.ReadPermission)) return new NotFound("programme", key);
            writable = writable.Where(p => p.Key == key).ToList();
        }
        if (writable.Count == 0) return new Forbidden();
        var days = cmd.DaysAhead ?? ReminderRules.DefaultDaysAhead;
        if (!ReminderRules.ValidDaysAhead(days)) return new Invalid("daysAhead", "error.vaccination.days_ahead");
        var (from, until) = ReminderRules.DueWindow(clock.Today(), days);
        await using var db = dbs.For(staff);
        var now = clock.GetUtcNow().UtcDateTime;
        var (created, queued, optedOut) = (0, 0, 0);
        foreach (var programme in writable)
        {
            var q = db.WorkItems.AsNoTracking().Where(i => i.Status == WorkItemStatus.Open && i.Programme == programme.Key && i.DueOn >= from && i.DueOn <= until)
                .Where(i => db.Residents.Any(r => r.Id == i.ResidentId && r.Status == ResidentStatus.Active));
            if (cmd.OrganizationId is { } org) q = q.Where(i => i.OrganizationId == org);
            var items = await q.OrderBy(i => i.DueOn).ThenBy(i => i.Id).Take(MaxMessages).ToListAsync(ct);
            var residents = items.Select(i => i.ResidentId).Distinct().ToList();
            var opted = new HashSet<Guid>();
            foreach (var chunk in residents.Chunk(500))
                opted.UnionWith(await db.ReminderOptOuts.IgnoreQueryFilters().Where(o => chunk.Contains(o.ResidentId)).Select(o => o.ResidentId).ToListAsync(ct));
            var groups = items.Where(i => !opted.Contains(i.ResidentId)).GroupBy(i => (i.SourceId, i.DueOn))
                .Select(g => (IReadOnlyList<WorkItem>)g.OrderBy(i => i.Code, StringComparer.Ordinal).ToList()).ToList();
            optedOut += items.Where(i => opted.Contains(i.ResidentId)).Select(i => (i.SourceId, i.DueOn)).Distinct().Count();
            var keys = groups.Select(Key).ToList();
            var existing = new HashSet<string>();
            foreach (var chunk in keys.Chunk(500))
                existing.UnionWith(await db.ReminderMessages.IgnoreQueryFilters().Where(m => chunk.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct));
            var drafts = await programme.RemindersAsync(db, groups, ct);
            for (var i = 0; i < groups.Count; i++)
            {
                if (existing.Contains(keys[i])) { queued++; continue; }
                if (drafts[i] is not { } draft) continue;
                var first = groups[i][0];
                db.ReminderMessages.Add(new ReminderMessage
                {
                    Id = Guid.CreateVersion7(), DistrictId = first.DistrictId, CenterId = first.CenterId, OrganizationId = first.OrganizationId,
                    VaccineeId = programme.Key == ImmunizationWorkItems.ProgrammeKey ? first.SourceId : null, ResidentId = first.ResidentId, Programme = programme.Key,
                    DedupKey = keys[i], Recipient = draft.Recipient, Text = draft.Text.Length > 500 ? draft.Text[..500] : draft.Text,
                    Status = ReminderStatus.Pending, NextAttemptAt = now, CreatedAt = now,
                });
                existing.Add(keys[i]);
                created++;
            }
        }
        db.Audit(staff, "ReminderMessage", "-", AuditActions.Create, $"{created} reminders, due within {days} days, {string.Join(',', writable.Select(p => p.Key))}");
        await db.SaveChangesAsync(ct);
        return new GenerateResult(created, queued, optedOut);
    }

    /// <summary>One message per source, due date and the items due then: regenerating never duplicates.</summary>
    private static string Key(IReadOnlyList<WorkItem> group)
    {
        var key = $"{group[0].SourceId:N}:{group[0].DueOn:yyyyMMdd}:{string.Join(',', group.Select(i => i.Code))}";
        return key.Length > 120 ? key[..120] : key;
    }
}
