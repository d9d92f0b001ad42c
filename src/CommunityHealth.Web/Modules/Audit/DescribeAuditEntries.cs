using System.Text.RegularExpressions;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Audit;

/// <summary>A piece of an audit entry as shown: the text, and the full value (a long id) for its tooltip.</summary>
public sealed record AuditPiece(string Text, string? Title = null);

/// <summary>
/// An audit entry as the auditor reads it: whom it is about (a resident's, organisation's or account's name where the
/// user may see it, else the id shortened), the detail with every id replaced the same way, and for a change of a
/// health record the changed fields as "field: old → new".
/// </summary>
public sealed record AuditEntryView(AuditPiece Subject, IReadOnlyList<AuditPiece> Detail, IReadOnlyList<string> Changes);

/// <summary>
/// Resolves the ids of a page of audit entries to names, in the caller's scope (an id the caller may not see stays an
/// id): residents, vaccination records (their child), organisations, teams and staff accounts; and reads the field
/// changes a resident update recorded with it. Pages only: the API answers the stored entries.
/// </summary>
public sealed partial class DescribeAuditEntries(ScopedDb dbs, OrganizationCache organizations, IEnumerable<Platform.Modules.IModule> modules)
{
    // a page of the menu is named by its menu text ("page /chronic/worklist" → 慢病随访清单), any other page by its address
    private readonly Dictionary<string, string> _pages = modules.SelectMany(m => m.Menu)
        .GroupBy(e => "/" + e.Href.Trim('/'), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);

    /// <summary>An id is shown by its first 8 characters; the full id is in the tooltip.</summary>
    public const int ShortId = 8;

    // the audit row is written at SaveChanges, the change rows carry the handler's clock: the same save, moments apart
    private static readonly TimeSpan SameSave = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyDictionary<Guid, AuditEntryView>> HandleAsync(StaffContext staff, IReadOnlyList<AuditRow> rows, CancellationToken ct = default)
    {
        var ids = rows.SelectMany(r => Ids(r.EntityId).Concat(Ids(r.Detail))).ToHashSet();
        var names = new Dictionary<Guid, string>();
        await using var db = dbs.For(staff);
        if (ids.Count > 0)
        {
            var list = ids.ToList();
            foreach (var r in await db.Residents.AsNoTracking().Where(r => list.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                names[r.Id] = r.Name;
            var children = await db.Vaccinees.AsNoTracking().Where(v => list.Contains(v.Id)).Select(v => new { v.Id, v.ResidentId }).ToListAsync(ct);
            if (children.Count > 0)
            {
                var residentIds = children.Select(c => c.ResidentId).Distinct().ToList();
                var childNames = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
                foreach (var c in children) if (childNames.TryGetValue(c.ResidentId, out var n)) names[c.Id] = n;
            }
            foreach (var t in await db.Teams.AsNoTracking().Where(t => list.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
                names[t.Id] = t.Name;
            foreach (var u in await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct))
                names[u.Id] = $"{u.DisplayName}（{u.UserName}）";
            foreach (var (id, name) in await organizations.NamesAsync(list.Where(i => !names.ContainsKey(i)), ct))
                if (name.Length > 0) names[id] = name;
        }
        var changes = await ChangesAsync(db, rows, ct);
        return rows.ToDictionary(r => r.Id, r => new AuditEntryView(Subject(r, names), Detail(r, names),
            changes.TryGetValue(r.Id, out var c) ? c.Select(x => Change(x.Field, x.OldValue, x.NewValue, names)).ToList() : []));
    }

    /// <summary>The field changes saved with each resident update (same resident, same user, the same moment).</summary>
    private static async Task<Dictionary<Guid, List<Data.Residents.ResidentChange>>> ChangesAsync(HealthDbContext db, IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        var updates = rows.Where(r => r.Entity == "Resident" && r.Action == AuditActions.Update && Guid.TryParse(r.EntityId, out _)).ToList();
        if (updates.Count == 0) return [];
        var residents = updates.Select(r => Guid.Parse(r.EntityId)).Distinct().ToList();
        var from = updates.Min(r => r.At) - SameSave;
        var to = updates.Max(r => r.At) + SameSave;
        var found = await db.ResidentChanges.AsNoTracking().Where(c => residents.Contains(c.ResidentId) && c.At >= from && c.At <= to).ToListAsync(ct);
        return updates.ToDictionary(r => r.Id, r => found
            .Where(c => c.ResidentId == Guid.Parse(r.EntityId) && c.UserName == r.UserName && (c.At - r.At).Duration() <= SameSave)
            .OrderBy(c => c.At).ToList());
    }

    private static AuditPiece Subject(AuditRow r, Dictionary<Guid, string> names) => r.EntityId switch
    {
        "list" => new(Text.L("列表")),
        "export" => new(Text.L("导出文件")),
        "-" or "" => new("—"),
        var id when Guid.TryParse(id, out var g) => Piece(g, names),
        var other => new(other),
    };

    /// <summary>The detail, its ids as names or shortened. A list read ("door | 20 (1/2) | id id …") shows the door, the count and the names.</summary>
    private IReadOnlyList<AuditPiece> Detail(AuditRow r, Dictionary<Guid, string> names)
    {
        var detail = AuditEntities.Detail(r.Action, r.Detail);
        if (string.IsNullOrEmpty(detail)) return [];
        var pieces = new List<AuditPiece>();
        var parts = detail.Split(" | ");
        if (parts.Length >= 2 && ListCount().Match(parts[1]) is { Success: true } count)
        {
            pieces.Add(new(Door(parts[0]) + " · "));
            pieces.Add(new(string.Format(Text.L("{0} 人"), count.Groups[1].Value) + (count.Groups[2].Success ? $" ({count.Groups[2].Value})" : "")));
            if (parts.Length > 2)
            {
                pieces.Add(new("："));
                var people = Ids(parts[2]).ToList();
                for (var i = 0; i < people.Count; i++)
                {
                    if (i > 0) pieces.Add(new(Text.IsEnglish ? ", " : "、"));
                    pieces.Add(Piece(people[i], names));
                }
            }
            return pieces;
        }
        var at = 0;
        foreach (Match m in GuidPattern().Matches(detail))
        {
            if (m.Index > at) pieces.Add(new(Door(detail[at..m.Index])));
            pieces.Add(Piece(Guid.Parse(m.Value), names));
            at = m.Index + m.Length;
        }
        if (at < detail.Length) pieces.Add(new(Door(detail[at..])));
        return pieces;
    }

    // "page /immunization/{Id:guid}" reads as the page's address; the route's parameter syntax is noise to an auditor
    private string Door(string s)
    {
        if (!s.StartsWith("page ", StringComparison.Ordinal)) return s;
        var route = s[5..].Trim();
        return Text.L("页面") + " " + (_pages.TryGetValue(route, out var label) ? Text.L(label) : RouteParameter().Replace(route, "{$1}"));
    }

    private static string Change(string field, string? from, string? to, Dictionary<Guid, string> names) =>
        $"{(Text.All.ContainsKey("field." + field) ? Text.Get("field." + field) : field)}: {Value(from, names)} → {Value(to, names)}";

    private static string Value(string? v, Dictionary<Guid, string> names) =>
        string.IsNullOrEmpty(v) ? "—" : Guid.TryParse(v, out var g) ? Piece(g, names).Text : v;

    private static AuditPiece Piece(Guid id, Dictionary<Guid, string> names) =>
        names.TryGetValue(id, out var name) ? new(name, id.ToString()) : new(id.ToString()[..ShortId] + "…", id.ToString());

    private static IEnumerable<Guid> Ids(string? s) =>
        s is null ? [] : GuidPattern().Matches(s).Select(m => Guid.Parse(m.Value));

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"^(\d+)(?: \((\d+/\d+)\))?$")]
    private static partial Regex ListCount();

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex RouteParameter();
}
