using System.Collections.Concurrent;
using System.Security.Claims;
using CommunityHealth.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// Rejects cookies and bearer tokens whose security stamp no longer matches the account (deactivated,
/// roles or organisation changed, password reset). Stamps are cached for a short time so the check
/// costs a dictionary look-up on almost every request; handlers that change a stamp evict it at once.
/// </summary>
public sealed class StaffStamps(IHealthDbFactory factory, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, (string? Stamp, DateTimeOffset Fetched)> _cache = new();

    public void Evict(Guid userId) => _cache.TryRemove(userId, out _);

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true) return true;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return false;
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(id, out var entry) || now - entry.Fetched > Lifetime)
        {
            await using var db = factory.Create(DataScope.System);
            var stamp = await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
            entry = (stamp ?? "", now);
            _cache[id] = entry;
        }
        return entry.Stamp is { Length: > 0 } s && s == principal.FindFirstValue("stamp");
    }
}

public static class StaffStampMiddleware
{
    public static IApplicationBuilder UseStaffStampCheck(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated == true && !await ctx.RequestServices.GetRequiredService<StaffStamps>().IsCurrentAsync(ctx.User, ctx.RequestAborted))
        {
            if (ctx.User.Identity.AuthenticationType == AuthSchemes.Cookie) await ctx.SignOutAsync(AuthSchemes.Cookie);
            ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(ctx);
    });
}

/// <summary>Re-checks the stamp of a long-lived Blazor circuit every minute.</summary>
public sealed class StaffRevalidatingAuthStateProvider(ILoggerFactory logs, StaffStamps stamps) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        await stamps.IsCurrentAsync(state.User, ct);
}
