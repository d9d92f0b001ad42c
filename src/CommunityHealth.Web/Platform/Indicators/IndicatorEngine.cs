using System.Collections.Concurrent;
using CommunityHealth.Data;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Platform.Indicators;

/// <summary>One indicator for one organisation node and period: the numbers, the value, the target and whether it is met.</summary>
public sealed record IndicatorValue(
    string Code, string Name, string Programme, Guid OrganizationId, string OrganizationName, string Period, DateOnly From, DateOnly To,
    long Numerator, long? Denominator, decimal? Value, decimal? Target, bool? Met, bool HigherIsBetter, string? Note = null);

/// <summary>
/// Evaluates the catalogue's indicators for an organisation node (the bureau: the district; a center: itself and its
/// stations; a station) and a period. Each indicator is counted once per district, period and data version — one grouped
/// query per organisation that manages rows — and every node's value is a sum over its subtree, so a board of all
/// indicators × child organisations is one query per indicator, and nothing is recomputed until data is written
/// (<see cref="DataVersion"/>) or <see cref="MaxAge"/> passes (another instance's writes). The counts are aggregates
/// computed in the district's scope; a caller sees only the nodes within their own scope.
/// </summary>
public sealed class IndicatorEngine(IHealthDbFactory factory, OrganizationCache organizations, IndicatorCatalogue catalogue, IndicatorCache cache, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public DateOnly Today => clock.Today();

    /// <summary>The node asked for (default: the caller's own organisation), if within the caller's scope.</summary>
    public async Task<Outcome<Organization>> NodeAsync(StaffContext staff, Guid? org, CancellationToken ct)
    {
        var found = await organizations.FindActiveAsync(staff.Scope, org ?? staff.OrganizationId, ct);
        return found is null ? new Invalid("org", "error.indicator.org") : found;
    }

    /// <summary>The indicator's period from its text (default: the period running today); the shape must be the indicator's period type.</summary>
    public Outcome<ReportPeriod> Period(IndicatorInfo info, string? text)
    {
        var today = Today;
        if (string.IsNullOrWhiteSpace(text)) return ReportPeriod.Containing(info.PeriodType, today);
        if (ReportPeriod.Parse(text) is not { } p) return new Invalid([new FieldError("period", "error.indicator.period", Shape(info.PeriodType))]);
        if (p.Type != info.PeriodType) return new Invalid([new FieldError("period", "error.indicator.period_type", Shape(info.PeriodType))]);
        if (!p.HasBegun(today)) return new Invalid("period", "error.indicator.period_future");
        return p;
    }

    public static string Shape(PeriodType type) => type switch
    {
        PeriodType.CalendarYear => "2025",
        PeriodType.MchYear => "2025-MCH",
        PeriodType.Quarter => "2025-Q3",
        _ => "2025-07",
    };

    /// <summary>The active organisations of the node's subtree (the node and everything below it).</summary>
    public async Task<IReadOnlyList<Organization>> SubtreeAsync(Organization node, CancellationToken ct)
    {
        var all = await organizations.AllAsync(ct);
        var children = all.Values.Where(o => o.DistrictId == node.DistrictId && o.ParentId is not null).ToLookup(o => o.ParentId!.Value);
        var result = new List<Organization>();
        var stack = new Stack<Organization>([node]);
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            result.Add(o);
            foreach (var c in children[o.Id]) stack.Push(c);
        }
        return result;
    }

    /// <summary>The organisations a caller may choose as the node: their own and every active one below it, tree order.</summary>
    public async Task<IReadOnlyList<Organization>> ChoicesAsync(StaffContext staff, CancellationToken ct)
    {
        if (await organizations.FindActiveAsync(staff.Scope, staff.OrganizationId, ct) is not { } own) return [];
        var all = (await SubtreeAsync(own, ct)).Where(o => o.IsActive).ToList();
        return all.OrderBy(o => o.Kind).ThenBy(o => o.DivisionCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>The node's active child organisations (a bureau's centers, a center's stations), by name.</summary>
    public async Task<IReadOnlyList<Organization>> ChildrenAsync(Organization node, CancellationToken ct) =>
        (await organizations.AllAsync(ct)).Values.Where(o => o.ParentId == node.Id && o.IsActive).OrderBy(o => o.DivisionCode, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();

    public Task<IReadOnlyDictionary<Guid, string>> OrganizationNamesAsync(IEnumerable<Guid> ids, CancellationToken ct) => organizations.NamesAsync(ids, ct);

    /// <summary>The value of one indicator for each of <paramref name="nodes"/> (all in one district) and the period.</summary>
    public async Task<IReadOnlyList<IndicatorValue>> ValuesAsync(IndicatorInfo info, IReadOnlyList<Organization> nodes, ReportPeriod period, CancellationToken ct)
    {
        if (nodes.Count == 0) return [];
        var (_, source) = catalogue.Find(info.Code)!.Value;
        var range = IndicatorRange.Of(period, Today);
        var district = nodes[0].DistrictId;
        var counts = await LeafCountsAsync(district, info, source, range, ct);
        var population = info.Population is null ? null : await PopulationAsync(district, period.To.Year, ct);
        var values = new List<IndicatorValue>(nodes.Count);
        foreach (var node in nodes)
        {
            var subtree = await SubtreeAsync(node, ct);
            var sum = subtree.Aggregate(default(IndicatorTally), (acc, o) => counts.TryGetValue(o.Id, out var c) ? acc + c : acc);
            long? denominator = sum.Denominator;
            string? note = null;
            if (info.Population is { } group)
            {
                denominator = await FigureAsync(node, group, population!, ct);
                if (denominator is null) note = Text.Get("indicator.no_population");
            }
            var value = IndicatorQueries.Rate(sum.Numerator, denominator);
            var target = info.TargetFor(period.To.Year);
            values.Add(new IndicatorValue(info.Code, info.Name, info.Programme, node.Id, node.Name, period.ToString(), range.From, range.To,
                sum.Numerator, denominator, value, target, IndicatorQueries.Met(value, target, info.HigherIsBetter), info.HigherIsBetter, note));
        }
        return values;
    }

    /// <summary>
    /// The entered figure of a group for a node: its own, else the sum of its children's when every active child has one
    /// (a center's stations entered, the center not), else unknown.
    /// </summary>
    public async Task<long?> FigureAsync(Organization node, string group, IReadOnlyDictionary<(Guid Org, string Group), int> figures, CancellationToken ct)
    {
        if (figures.TryGetValue((node.Id, group), out var own)) return own;
        var children = await ChildrenAsync(node, ct);
        if (children.Count == 0) return null;
        long total = 0;
        foreach (var c in children)
        {
            if (await FigureAsync(c, group, figures, ct) is not { } v) return null;
            total += v;
        }
        return total;
    }

    /// <summary>Per managing organisation: the indicator's counts in the district for the range (cached until data changes).</summary>
    public Task<IReadOnlyDictionary<Guid, IndicatorTally>> LeafCountsAsync(Guid district, IndicatorInfo info, IIndicatorSource source, IndicatorRange range, CancellationToken ct) =>
        cache.GetAsync(("counts", district, info.Code, range.From, range.To), async () =>
        {
            await using var db = factory.Create(DataScope.District(district));
            return await source.CountAsync(db, info.Code, range, ct);
        });

    /// <summary>The district's entered population figures of a year: (organisation, group) → value.</summary>
    public Task<IReadOnlyDictionary<(Guid Org, string Group), int>> PopulationAsync(Guid district, int year, CancellationToken ct) =>
        cache.GetAsync(("population", district, year), async () =>
        {
            await using var db = factory.Create(DataScope.District(district));
            var rows = await db.PopulationFigures.AsNoTracking().Where(p => p.Year == year).Select(p => new { p.OrganizationId, p.Group, p.Value }).ToListAsync(ct);
            return (IReadOnlyDictionary<(Guid, string), int>)rows.ToDictionary(r => (r.OrganizationId, r.Group), r => r.Value);
        });
}

/// <summary>
/// Derived figures kept until this process writes data (<see cref="DataVersion"/>) or they reach <see cref="IndicatorEngine.MaxAge"/>;
/// a few thousand small entries at most (indicators × periods × districts). Concurrent askers of one key share one computation.
/// </summary>
public sealed class IndicatorCache(DataVersion version, TimeProvider clock)
{
    private const int MaxEntries = 20_000;
    private sealed record Entry(long Version, DateTime At, Task<object> Value);
    private readonly ConcurrentDictionary<object, Entry> _entries = new();

    public async Task<T> GetAsync<T>(object key, Func<Task<T>> compute) where T : class
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var v = version.Value;
        if (_entries.TryGetValue(key, out var e) && e.Version == v && now - e.At < IndicatorEngine.MaxAge && !e.Value.IsFaulted && !e.Value.IsCanceled)
            return (T)await e.Value;
        if (_entries.Count > MaxEntries) _entries.Clear();
        var task = Run(compute);
        _entries[key] = new Entry(v, now, task);
        try { return (T)await task; }
        catch { _entries.TryRemove(key, out _); throw; }
    }

    private static async Task<object> Run<T>(Func<Task<T>> compute) where T : class => await compute();
}
