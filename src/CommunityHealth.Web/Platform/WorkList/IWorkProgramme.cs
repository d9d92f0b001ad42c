using CommunityHealth.Data;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Web.Platform.WorkList;

/// <summary>
/// A programme's place on the shared home list (今日待办): how its items read and where their action leads, what the daily
/// job re-evaluates, and the full recomputation from the programme's histories that back-fills a database and that tests
/// hold the stored items to. A module registers one per programme in its <c>AddServices</c>
/// (<see cref="WorkProgrammeRegistration.AddWorkProgramme{T}"/>); the module writes its items itself, through
/// <see cref="WorkItemWriter"/>, in the transaction of the record that changes them.
/// </summary>
public interface IWorkProgramme
{
    /// <summary>The key stored in <see cref="WorkItem.Programme"/> and used by <c>?programme=</c>.</summary>
    string Key { get; }

    /// <summary>The programme's name as a UI label (its Chinese text, shown through <c>Text.L</c>).</summary>
    string Name { get; }

    int Order { get; }

    /// <summary>Who sees the programme's items (its read permission) and who records an outcome or a reminder (write).</summary>
    Permission ReadPermission { get; }

    Permission WritePermission { get; }

    /// <summary>What is due, in the current language ("麻腮风疫苗 第1剂", "高血压 第3季度随访").</summary>
    string Label(WorkItem item);

    /// <summary>The page that records the item: the form of that resident, the item pre-selected (relative to the base).</summary>
    string Href(WorkItem item);

    /// <summary>The label of that action (接种, 随访).</summary>
    string ActionLabel { get; }

    /// <summary>The daily job: re-evaluates the sources whose items change with time alone. Returns how many sources changed.</summary>
    Task<int> RefreshAsync(HealthDbContext db, DateOnly today, DateTime now, CancellationToken ct);

    /// <summary>The ids of every source that can have items (active vaccination records, active registrations).</summary>
    Task<List<Guid>> SourcesAsync(HealthDbContext db, CancellationToken ct);

    /// <summary>
    /// The items the stored histories of <paramref name="sourceIds"/> give as of <paramref name="today"/>, computed by the same
    /// functions the writers use: what back-fill writes and what the consistency test compares with the stored items.
    /// </summary>
    Task<IReadOnlyList<SourceDue>> ExpectedAsync(HealthDbContext db, DateOnly today, IReadOnlyCollection<Guid> sourceIds, CancellationToken ct);

    /// <summary>
    /// The reminder message of each group (one source's items due on one day): recipient and text in the programme's own
    /// template; null where there is no one to send it to.
    /// </summary>
    Task<IReadOnlyList<ReminderDraft?>> RemindersAsync(HealthDbContext db, IReadOnlyList<IReadOnlyList<WorkItem>> groups, CancellationToken ct);
}

/// <summary>One source's open items as its programme computes them.</summary>
public sealed record SourceDue(WorkSource Source, IReadOnlyList<DueItem> Due);

/// <summary>A reminder for the items of one source due on one day: who receives it and what it says.</summary>
public sealed record ReminderDraft(string Recipient, string Text);

/// <summary>The programmes registered by the modules, in their order.</summary>
public sealed class WorkProgrammes(IEnumerable<IWorkProgramme> programmes)
{
    public IReadOnlyList<IWorkProgramme> All { get; } = programmes.OrderBy(p => p.Order).ToList();

    public IWorkProgramme? Find(string key) => All.FirstOrDefault(p => p.Key == key);

    /// <summary>The programmes whose items <paramref name="staff"/> may see.</summary>
    public IReadOnlyList<IWorkProgramme> Visible(StaffContext staff) => All.Where(p => staff.Can(p.ReadPermission)).ToList();
}

public static class WorkProgrammeRegistration
{
    public static IServiceCollection AddWorkProgramme<T>(this IServiceCollection services) where T : class, IWorkProgramme
    {
        services.AddScoped<IWorkProgramme, T>();
        return services;
    }
}
