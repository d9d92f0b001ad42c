using CommunityHealth.Data;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Platform.WorkList;

/// <summary>The due window of the home list: due by today (overdue included), within 7 or 30 days, or overdue only.</summary>
public enum DueWindow { Today, Week, Overdue, Days30 }

/// <summary>The list's filters, checked: every value is known (<see cref="WorkListQuery.Parse"/>).</summary>
public sealed record WorkListFilter(IReadOnlyList<IWorkProgramme> Programmes, IWorkProgramme? Programme, Guid? TeamId, Guid? DoctorId, string? Grid,
    DueWindow Due, bool LatestFirst, DateOnly AsOf, bool Restricted = false);

/// <summary>One row of the home list: the resident, the programme, what is due, when, how late, the outcome so far and the action.</summary>
public sealed record WorkItemDto(
    Guid Id, Guid ResidentId, string Name, string Sex, int AgeYears, string Age, string RecordNumber, string? Phone, string? Address,
    string Programme, string ProgrammeName, string Kind, string Code, string Label, DateOnly DueOn, DateOnly OverdueFrom, bool Overdue, int DaysOverdue,
    Guid OrganizationId, string OrganizationName, Guid? TeamId, Guid? DoctorId, string Status, string? Outcome, string? OutcomeNote, string? OutcomeBy,
    DateTime? OutcomeAt, string Href, string ActionLabel);

/// <summary>How many items each programme has in the window (the filters other than the programme applied), and how many are overdue.</summary>
public sealed record ProgrammeCount(string Programme, string Name, int Count, int Overdue);

public sealed record WorkListAnswer(DateOnly AsOf, string Due, int Total, int Page, int PageSize, IReadOnlyList<WorkItemDto> Items,
    IReadOnlyList<ProgrammeCount> CountsByProgramme);

/// <summary>
/// The home list's reads: open items of the caller's scope (the context's filters) in the window, as index ranges over
/// <c>(DistrictId, OrganizationId|CenterId|TeamId|DoctorId, Status, DueOn)</c>; the page's residents are read by id.
/// </summary>
public static class WorkListQuery
{
    public const int MaxPageSize = 2000;

    public static readonly IReadOnlyDictionary<string, DueWindow> Windows = new Dictionary<string, DueWindow>
    {
        ["today"] = DueWindow.Today, ["week"] = DueWindow.Week, ["overdue"] = DueWindow.Overdue, ["30d"] = DueWindow.Days30,
    };

    public static string Name(DueWindow w) => Windows.First(p => p.Value == w).Key;

    /// <summary>Checks the query's values; an unknown programme is a 404 (the resource named does not exist), other bad values 400 at their field.</summary>
    public static Outcome<WorkListFilter> Parse(WorkProgrammes registry, StaffContext staff, string? programme, Guid? team, Guid? doctor, string? grid,
        string? due, string? sort, DateOnly today)
    {
        var visible = registry.Visible(staff);
        IWorkProgramme? one = null;
        if (programme is { Length: > 0 })
        {
            one = visible.FirstOrDefault(p => p.Key == programme);
            if (one is null) return new NotFound("programme", programme);
        }
        var v = new Validation();
        var window = DueWindow.Today;
        if (due is { Length: > 0 } && !Windows.TryGetValue(due, out window)) v.Add("due", "error.code_unknown");
        if (sort is { Length: > 0 } && sort is not ("overdue" or "recent")) v.Add("sort", "error.code_unknown");
        if (grid is { Length: > 50 }) v.Add("grid", "error.too_long", 50);
        if (v.ToError() is { } invalid) return invalid;
        return new WorkListFilter(visible, one, team, doctor, string.IsNullOrWhiteSpace(grid) ? null : grid.Trim(), window, sort == "recent", today,
            visible.Count < registry.All.Count);
    }

    /// <summary>The open items in the window, with every filter but the programme (the counts group this).</summary>
    public static IQueryable<WorkItem> InWindow(HealthDbContext db, WorkListFilter f)
    {
        var q = db.WorkItems.AsNoTracking().Where(i => i.Status == WorkItemStatus.Open);
        var today = f.AsOf;
        q = f.Due switch
        {
            DueWindow.Overdue => q.Where(i => i.DueOn <= today && i.OverdueFrom <= today), // the first bound walks the index
            DueWindow.Week => q.Where(i => i.DueOn <= today.AddDays(7)),
            DueWindow.Days30 => q.Where(i => i.DueOn <= today.AddDays(30)),
            _ => q.Where(i => i.DueOn <= today),
        };
        if (f.TeamId is { } team) q = q.Where(i => i.TeamId == team);
        if (f.DoctorId is { } doctor) q = q.Where(i => i.DoctorId == doctor);
        // residents carry no grid key: the grid is the team's area named in the address (as the registration forms write it)
        if (f.Grid is { } grid) q = q.Where(i => db.Residents.Any(r => r.Id == i.ResidentId && r.Address != null && r.Address.Contains(grid)));
        if (f.Restricted)
        {
            var keys = f.Programmes.Select(p => p.Key).ToList(); // only the programmes the caller may read
            q = q.Where(i => keys.Contains(i.Programme));
        }
        return q;
    }

    public static async Task<IReadOnlyList<ProgrammeCount>> CountsAsync(HealthDbContext db, WorkListFilter f, CancellationToken ct)
    {
        var today = f.AsOf;
        var counts = await InWindow(db, f).GroupBy(i => i.Programme)
            .Select(g => new { g.Key, Count = g.Count(), Overdue = g.Count(i => i.OverdueFrom <= today) }).ToListAsync(ct);
        return f.Programmes.Select(p => counts.FirstOrDefault(c => c.Key == p.Key) is { } c
            ? new ProgrammeCount(p.Key, Text.L(p.Name), c.Count, c.Overdue) : new ProgrammeCount(p.Key, Text.L(p.Name), 0, 0)).ToList();
    }

    public static async Task<WorkListAnswer> PageAsync(HealthDbContext db, OrganizationCache organizations, WorkListFilter f, PageRequest page, CancellationToken ct)
    {
        var counts = await CountsAsync(db, f, ct);
        var total = f.Programme is { } one ? counts.Single(c => c.Programme == one.Key).Count : counts.Sum(c => c.Count);
        if (page.Skip >= total) return new WorkListAnswer(f.AsOf, Name(f.Due), total, page.Page, page.PageSize, [], counts);
        var q = InWindow(db, f);
        if (f.Programme is { } p) q = q.Where(i => i.Programme == p.Key);
        // most days overdue first is the earliest due date first; "recent" reverses it
        q = f.LatestFirst ? q.OrderByDescending(i => i.DueOn).ThenByDescending(i => i.Id) : q.OrderBy(i => i.DueOn).ThenBy(i => i.Id);
        var items = await q.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new WorkListAnswer(f.AsOf, Name(f.Due), total, page.Page, page.PageSize, await RowsAsync(db, organizations, f.Programmes, items, f.AsOf, ct), counts);
    }

    /// <summary>
    /// The rows of some items: their residents read by id (one query), organisation names from the cache. The phone is the
    /// resident's own, else the contact's (a child's guardian), masked as in every list.
    /// </summary>
    public static async Task<IReadOnlyList<WorkItemDto>> RowsAsync(HealthDbContext db, OrganizationCache organizations, IReadOnlyList<IWorkProgramme> programmes,
        IReadOnlyList<WorkItem> items, DateOnly today, CancellationToken ct)
    {
        if (items.Count == 0) return [];
        var ids = items.Select(i => i.ResidentId).Distinct().ToList();
        var people = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate, r.RecordNumber, Phone = r.Phone ?? r.ContactPhone, r.Address }).ToDictionaryAsync(r => r.Id, ct);
        var names = await organizations.NamesAsync(items.Select(i => i.OrganizationId), ct);
        var byKey = programmes.ToDictionary(p => p.Key);
        return items.Where(i => people.ContainsKey(i.ResidentId) && byKey.ContainsKey(i.Programme)).Select(i =>
        {
            var r = people[i.ResidentId];
            var p = byKey[i.Programme];
            var overdue = i.OverdueFrom <= today;
            return new WorkItemDto(i.Id, i.ResidentId, r.Name, r.Sex, Age.CompletedYears(r.BirthDate, today), AgeText(r.BirthDate, today), r.RecordNumber,
                r.Phone is null ? null : PhoneNumber.Mask(r.Phone), r.Address, i.Programme, Text.L(p.Name), i.Kind, i.Code, p.Label(i), i.DueOn, i.OverdueFrom,
                overdue, overdue ? Math.Max(0, today.DayNumber - i.DueOn.DayNumber) : 0, i.OrganizationId, names.GetValueOrDefault(i.OrganizationId, ""), i.TeamId,
                i.DoctorId, i.Status.ToString(), i.Outcome?.ToString(), i.OutcomeNote, i.OutcomeBy, i.OutcomeAt, p.Href(i), Text.L(p.ActionLabel));
        }).ToList();
    }

    /// <summary>Months under two years ("5月龄"), then years ("3岁"), as the vaccination lists show age.</summary>
    public static string AgeText(DateOnly birth, DateOnly today)
    {
        var months = Age.CompletedMonths(birth, today);
        return months < 24 ? Text.Get("worklist.age_months", months) : Text.Get("worklist.age_years", months / 12);
    }
}
