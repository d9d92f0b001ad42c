using CommunityHealth.Data;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.WorkList;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>
/// A chronic-care programme on the home list: one item per active registration, its next follow-up, due on the stored
/// next visit date and overdue from the day after (the rule of <see cref="ChronicWorkList"/>: <c>NextVisitOn &lt; today</c>).
/// Written with the registration's stored outcome: registration, every follow-up, deregistration.
/// </summary>
public abstract class ChronicWorkItems(Programme programme) : IWorkProgramme
{
    public static string KeyOf(Programme p) => p == Programme.Hypertension ? "hypertension" : "diabetes";

    public string Key => KeyOf(programme);
    public string Name => programme == Programme.Hypertension ? "高血压" : "糖尿病";
    public int Order => programme == Programme.Hypertension ? 20 : 30;
    public Permission ReadPermission => Permission.ChronicCareRead;
    public Permission WritePermission => Permission.ChronicCareWrite;
    public string ActionLabel => "随访";

    /// <summary>The item a registration gives: its next follow-up, a code per due date (a visit recorded makes the next one a new item).</summary>
    public static IReadOnlyList<DueItem> Due(ChronicRegistration reg) =>
        reg.Status == RegistrationStatus.Active && reg.NextVisitOn is { } d ? [new DueItem($"followup:{d:yyyy-MM-dd}", d, d.AddDays(1))] : [];

    public static WorkSource Source(ChronicRegistration reg) =>
        new(KeyOf(reg.Programme), "followup", reg.Id, reg.ResidentId, reg.DistrictId, reg.CenterId, reg.OrganizationId, reg.TeamId, reg.DoctorId);

    /// <summary>Brings the registration's item to its stored next visit; the one it replaces is done (a visit) or closed (a deregistration).</summary>
    public static Task SyncAsync(HealthDbContext db, ChronicRegistration reg, WorkItemStatus replacedAs, DateOnly today, DateTime now, CancellationToken ct) =>
        WorkItemWriter.SyncAsync(db, Source(reg), Due(reg), today, now, _ => replacedAs, ct);

    public string Label(WorkItem item) =>
        DateOnly.TryParse(item.Code.Replace("followup:", ""), out var d)
            ? Text.Get("worklist.chronic_followup", Text.L(Name), (d.Month - 1) / 3 + 1)
            : Text.L(Name);

    /// <summary>The patient's follow-up form.</summary>
    public string Href(WorkItem item) => $"chronic/{item.ResidentId}/visit";

    /// <summary>Nothing changes with time alone: the stored next visit date is the item's due date, and overdue is a date comparison.</summary>
    public Task<int> RefreshAsync(HealthDbContext db, DateOnly today, DateTime now, CancellationToken ct) => Task.FromResult(0);

    public Task<List<Guid>> SourcesAsync(HealthDbContext db, CancellationToken ct) =>
        db.ChronicRegistrations.Where(r => r.Programme == programme && r.Status == RegistrationStatus.Active)
            .Where(r => db.Residents.Any(x => x.Id == r.ResidentId && x.Status == ResidentStatus.Active)).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<SourceDue>> ExpectedAsync(HealthDbContext db, DateOnly today, IReadOnlyCollection<Guid> sourceIds, CancellationToken ct)
    {
        var ids = sourceIds.ToList();
        return (await db.ChronicRegistrations.AsNoTracking().Where(r => ids.Contains(r.Id) && r.Programme == programme)
                .Where(r => db.Residents.Any(x => x.Id == r.ResidentId && x.Status == ResidentStatus.Active)).ToListAsync(ct)) // a closed record has nothing due
            .Select(r => new SourceDue(Source(r), Due(r))).ToList();
    }

    /// <summary>To the patient: the follow-up's date and the doctor's station (国家基本公共卫生服务规范 第三版: 每年至少4次面对面随访).</summary>
    public async Task<IReadOnlyList<ReminderDraft?>> RemindersAsync(HealthDbContext db, IReadOnlyList<IReadOnlyList<WorkItem>> groups, CancellationToken ct)
    {
        var residents = groups.Select(g => g[0].ResidentId).Distinct().ToList();
        var people = await db.Residents.AsNoTracking().Where(r => residents.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.Phone }).ToDictionaryAsync(r => r.Id, ct);
        var orgIds = groups.Select(g => g[0].OrganizationId).Distinct().ToList();
        var stations = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return groups.Select(g =>
        {
            if (!people.TryGetValue(g[0].ResidentId, out var p) || string.IsNullOrEmpty(p.Phone)) return null;
            return new ReminderDraft(p.Phone, $"【{Name}随访提醒】{p.Name}您好：您的{Name}随访应于{g[0].DueOn:yyyy-MM-dd}进行，" +
                $"请到{stations.GetValueOrDefault(g[0].OrganizationId, "")}测量血压、血糖并复诊，或等候家庭医生联系。");
        }).ToList();
    }
}

public sealed class HypertensionWorkItems() : ChronicWorkItems(Programme.Hypertension);

public sealed class DiabetesWorkItems() : ChronicWorkItems(Programme.Diabetes);
