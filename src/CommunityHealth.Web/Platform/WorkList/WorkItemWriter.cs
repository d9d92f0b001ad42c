using CommunityHealth.Data;
using CommunityHealth.Data.WorkList;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Platform.WorkList;

/// <summary>The record items come from, and who owns them: its programme, kind, resident and organisation, team and doctor.</summary>
public sealed record WorkSource(string Programme, string Kind, Guid SourceId, Guid ResidentId, Guid DistrictId, Guid? CenterId, Guid OrganizationId,
    Guid? TeamId, Guid? DoctorId);

/// <summary>One thing due: its code within the source, the day it is due and the day it becomes overdue.</summary>
public sealed record DueItem(string Code, DateOnly DueOn, DateOnly OverdueFrom);

/// <summary>
/// Writes a source's items (docs/decisions/0017). A module calls it with the items its domain rules give, on the context of
/// the write that changed them, before that write's save: the items join the same transaction. An item whose code is still
/// due keeps its row (and its outcome), with the dates and owner brought up to date; a new code is a new item; an open item
/// no longer due is done or closed, as the caller says, and stays with its outcome.
/// </summary>
public static class WorkItemWriter
{
    public static async Task SyncAsync(HealthDbContext db, WorkSource source, IReadOnlyCollection<DueItem> due, DateOnly today, DateTime now,
        Func<string, WorkItemStatus> closeAs, CancellationToken ct)
    {
        var open = await db.WorkItems.Where(i => i.SourceId == source.SourceId && i.Status == WorkItemStatus.Open).ToListAsync(ct);
        foreach (var item in Apply(source, due, open.Where(i => i.Programme == source.Programme).ToList(), today, now, closeAs)) db.WorkItems.Add(item);
    }

    /// <summary>Closes every open item of a source (a deregistration, a record moved away or closed).</summary>
    public static Task CloseAsync(HealthDbContext db, WorkSource source, DateOnly today, DateTime now, CancellationToken ct) =>
        SyncAsync(db, source, [], today, now, _ => WorkItemStatus.Closed, ct);

    /// <summary>Closes every open item of a resident (the record closed: death, moved out, lost).</summary>
    public static async Task CloseResidentAsync(HealthDbContext db, Guid residentId, DateOnly today, DateTime now, CancellationToken ct)
    {
        foreach (var item in await db.WorkItems.Where(i => i.ResidentId == residentId && i.Status == WorkItemStatus.Open).ToListAsync(ct))
            (item.Status, item.ClosedOn, item.UpdatedAt) = (WorkItemStatus.Closed, today, now);
    }

    /// <summary>
    /// The diff, on tracked <paramref name="open"/> items of the source: changes them in place and returns the new items to add.
    /// Also used by back-fill and the benchmark loader, which read the open items of many sources at once.
    /// </summary>
    public static List<WorkItem> Apply(WorkSource source, IReadOnlyCollection<DueItem> due, IReadOnlyList<WorkItem> open, DateOnly today, DateTime now,
        Func<string, WorkItemStatus> closeAs)
    {
        var wanted = due.GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in open)
        {
            if (wanted.Remove(item.Code, out var d))
            {
                if ((item.DueOn, item.OverdueFrom, item.CenterId, item.OrganizationId, item.TeamId, item.DoctorId, item.ResidentId)
                    == (d.DueOn, d.OverdueFrom, source.CenterId, source.OrganizationId, source.TeamId, source.DoctorId, source.ResidentId)) continue;
                (item.DueOn, item.OverdueFrom, item.CenterId, item.OrganizationId, item.TeamId, item.DoctorId, item.ResidentId, item.UpdatedAt) =
                    (d.DueOn, d.OverdueFrom, source.CenterId, source.OrganizationId, source.TeamId, source.DoctorId, source.ResidentId, now);
            }
            else (item.Status, item.ClosedOn, item.UpdatedAt) = (closeAs(item.Code), today, now);
        }
        return wanted.Values.Select(d => New(source, d, now)).ToList();
    }

    public static WorkItem New(WorkSource source, DueItem d, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = source.DistrictId, CenterId = source.CenterId, OrganizationId = source.OrganizationId, TeamId = source.TeamId,
        DoctorId = source.DoctorId, ResidentId = source.ResidentId, Programme = source.Programme, Kind = source.Kind, Code = d.Code, SourceId = source.SourceId,
        DueOn = d.DueOn, OverdueFrom = d.OverdueFrom, Status = WorkItemStatus.Open, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>
    /// A transfer: the resident's open and past items move into the new organisation and team (the programmes' responsible
    /// doctor is cleared, as the registrations' is). Run inside the transfer's transaction.
    /// </summary>
    public static Task<int> RelocateAsync(HealthDbContext db, Guid residentId, Guid? center, Guid org, Guid? team, CancellationToken ct) =>
        db.WorkItems.Where(i => i.ResidentId == residentId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.CenterId, center).SetProperty(i => i.OrganizationId, org).SetProperty(i => i.TeamId, team)
            .SetProperty(i => i.DoctorId, (Guid?)null), ct);

    /// <summary>A merge or its undo moved these sources to another resident: their items follow them.</summary>
    public static async Task MoveSourcesAsync(HealthDbContext db, IReadOnlyCollection<Guid> sourceIds, Guid to, Guid? center, Guid org, Guid? team, CancellationToken ct)
    {
        if (sourceIds.Count == 0) return;
        await db.WorkItems.IgnoreQueryFilters().Where(i => sourceIds.Contains(i.SourceId)).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.ResidentId, to).SetProperty(i => i.CenterId, center).SetProperty(i => i.OrganizationId, org).SetProperty(i => i.TeamId, team), ct);
    }
}
