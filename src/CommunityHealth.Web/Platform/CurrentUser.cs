using System.Security.Claims;
using CommunityHealth.Data;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// Resolves the signed-in staff member for the current unit of work. HTTP requests (API, FHIR, static
/// pages) are stamped by middleware from <c>HttpContext.User</c>; Blazor circuits have no such request
/// and read the circuit's <see cref="AuthenticationStateProvider"/>.
/// </summary>
public sealed class CurrentUser(IServiceProvider services, IHttpContextAccessor http)
{
    private ClaimsPrincipal? _requestPrincipal;
    private StaffContext? _cached;

    internal void SetFromRequest(ClaimsPrincipal principal) => _requestPrincipal = principal;

    /// <summary>The staff member, or null when nobody is signed in.</summary>
    public async ValueTask<StaffContext?> FindAsync()
    {
        if (_cached is not null) return _cached;
        var principal = _requestPrincipal;
        if (principal is null && services.GetService<AuthenticationStateProvider>() is { } auth)
            principal = (await auth.GetAuthenticationStateAsync()).User;
        if (principal is null) return null;
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return _cached = StaffContext.FromPrincipal(principal, address);
    }

    public async ValueTask<StaffContext> GetAsync() =>
        await FindAsync() ?? throw new UnauthorizedAccessException("No signed-in staff member.");
}

/// <summary>Opens contexts in the signed-in user's data scope.</summary>
public sealed class ScopedDb(IHealthDbFactory factory)
{
    public HealthDbContext For(StaffContext staff) => factory.Create(staff.Scope);
    public HealthDbContext System() => factory.Create(DataScope.System);
}

public static class CurrentUserMiddleware
{
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.RequestServices.GetRequiredService<CurrentUser>().SetFromRequest(ctx.User);
        await next(ctx);
    });
}
