using System.Text;
using CommunityHealth.Data.Audit;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// The one record of reads of personal data, whatever the door: a page (<see cref="Page"/>), an <c>/api</c> read or export or a
/// <c>/fhir</c> read or search (<see cref="ReadAuditEndpoints.AuditReads{TBuilder}"/>). An entry says who (the staff member,
/// roles, organisation, address), which door (the route pattern and query, or the page's route) and whom: the people
/// <see cref="PersonalData"/> finds in what was returned, plus a resident named by the route. One read of one person is one
/// entry with the person's id as <c>EntityId</c>; a list is one entry per <see cref="IdsPerEntry"/> people, every id in
/// <c>Detail</c> (docs/decisions/0014). Recording only enqueues (<see cref="AuditLog.Record"/>): no I/O on the request path.
/// </summary>
public sealed class ReadAudit(AuditLog log)
{
    /// <summary>People per entry of a list: their ids (36 characters and a space) and the door fit <c>Detail</c>'s 1,000.</summary>
    public const int IdsPerEntry = 20;

    private const int DoorLimit = 200;

    /// <summary>
    /// A page showed <paramref name="shown"/> (DTOs, lists of them, or resident ids): one call after the page has loaded
    /// its data. The door is the page's route template.
    /// </summary>
    public void Page(IComponent page, StaffContext staff, params object?[] shown)
    {
        var subjects = new HashSet<DataSubject>();
        foreach (var s in shown)
            if (s is Guid id) subjects.Add(new DataSubject("Resident", id));
            else PersonalData.Collect(s, subjects);
        var routes = page.GetType().GetCustomAttributes(typeof(RouteAttribute), true).Cast<RouteAttribute>().Select(r => r.Template);
        Record(staff, "page " + string.Join(" | ", routes), AuditActions.View, subjects);
    }

    /// <summary>One read through <paramref name="door"/> that returned <paramref name="subjects"/> (possibly none: an empty search).</summary>
    public void Record(StaffContext staff, string door, string action, IReadOnlyCollection<DataSubject> subjects)
    {
        if (door.Length > DoorLimit) door = door[..DoorLimit] + "…";
        if (subjects.Count == 0)
        {
            log.Record(staff, "Resident", ListId(action), action, $"{door} | 0");
            return;
        }
        foreach (var group in subjects.GroupBy(s => s.Entity))
        {
            var ids = group.Select(s => s.Id).ToList();
            if (ids.Count == 1)
            {
                log.Record(staff, group.Key, ids[0].ToString(), action, door);
                continue;
            }
            var parts = (ids.Count + IdsPerEntry - 1) / IdsPerEntry;
            for (var part = 0; part < parts; part++)
            {
                var detail = new StringBuilder(door).Append(" | ").Append(ids.Count);
                if (parts > 1) detail.Append(" (").Append(part + 1).Append('/').Append(parts).Append(')');
                detail.Append(" |");
                foreach (var id in ids.Skip(part * IdsPerEntry).Take(IdsPerEntry)) detail.Append(' ').Append(id);
                log.Record(staff, group.Key, ListId(action), action, detail.ToString());
            }
        }
    }

    private static string ListId(string action) => action == AuditActions.Export ? "export" : "list";
}
