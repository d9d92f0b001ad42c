using CommunityHealth.Data;
using CommunityHealth.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// The organisation tree in memory (a few hundred rows per district, read on every registration and transfer):
/// reloaded at most every 30 seconds and at once after a local change, so a write path saves a database round trip.
/// Scope is still checked on every lookup. Another instance's change is seen within 30 seconds.
/// </summary>
public sealed class OrganizationCache(IHealthDbFactory factory, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private sealed record Snapshot(DateTime At, IReadOnlyDictionary<Guid, Organization> Organizations);
    private volatile Snapshot? _snapshot;

    /// <summary>The active organisation <paramref name="id"/> if <paramref name="scope"/> contains it; the instance is shared: read it only.</summary>
    public async Task<Organization?> FindActiveAsync(DataScope scope, Guid id, CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        return all.TryGetValue(id, out var org) && org.IsActive && scope.Contains(org) ? org : null;
    }

    /// <summary>The names of organisations the caller already holds rows of (lists show where each child is managed).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        return ids.Distinct().ToDictionary(id => id, id => all.TryGetValue(id, out var o) ? o.Name : "");
    }

    /// <summary>Every organisation of every district (shared instances: read them only).</summary>
    public async Task<IReadOnlyDictionary<Guid, Organization>> AllAsync(CancellationToken ct = default)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow().UtcDateTime - snapshot.At > MaxAge)
        {
            await using var db = factory.Create(DataScope.System);
            var all = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
            _snapshot = snapshot = new Snapshot(clock.GetUtcNow().UtcDateTime, all);
        }
        return snapshot.Organizations;
    }

    public void Invalidate() => _snapshot = null;
}
