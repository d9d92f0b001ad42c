using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Web.Platform.Modules;

/// <summary>
/// What a module has due for the signed-in user's scope, counted for the home page (我的工作清单): each count links to the
/// module's own work list. A module registers one in its <c>AddServices</c>. (Issue 21 grows this into the shared, stored
/// list of due items; until then each module counts from its own stored next-due dates.)
/// </summary>
public interface IWorkCounts
{
    /// <summary>The permission a user needs to see the counts (the module's read permission).</summary>
    Permission Permission { get; }

    Task<IReadOnlyList<WorkCount>> CountAsync(StaffContext staff, CancellationToken ct);
}

/// <summary>One line of the home page: the programme, what is due, how many, how many of them overdue, and where the list is.</summary>
public sealed record WorkCount(string Programme, string What, int Count, int Overdue, string Href);
