using CommunityHealth.Data;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CommunityHealth.Web.Platform;

public static class AuthSchemes
{
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Bearer = "Bearer";
    public const string Smart = "CookieOrBearer";
}

public static class AuthenticationSetup
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// Identity for accounts (password hashing, lockout); a cookie for the browser; opaque
    /// data-protected bearer tokens for /api and /fhir. One policy scheme picks by the header.
    /// </summary>
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddScoped<HealthDbContext>(sp => sp.GetRequiredService<IHealthDbFactory>().Create(DataScope.System));
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = StaffRules.PasswordMin;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<HealthDbContext>();

        services.AddAuthentication(AuthSchemes.Smart)
            .AddPolicyScheme(AuthSchemes.Smart, AuthSchemes.Smart, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AuthSchemes.Bearer : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Cookie.Name = "ch.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, 401);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, 403);
            })
            .AddBearerToken(AuthSchemes.Bearer, o => o.BearerTokenExpiration = TokenLifetime);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (IsMachinePath(ctx.Request.Path)) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/fhir");
}
