using CommunityHealth.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CommunityHealth.Web.Modules.Account;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType);

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapTokenEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync).AllowAnonymous().WithTags("Auth")
            .WithSummary("Exchange a user name and password for a bearer token")
            .Produces<TokenResponse>().ProducesValidationProblem().ProducesProblem(401);
        return api;
    }

    public static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async ([FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, SignInHandler handler) =>
        {
            var outcome = await handler.CheckAsync(username, password, AuthSchemes.Cookie, http.Connection.RemoteIpAddress?.ToString());
            if (!outcome.IsSuccess)
            {
                var code = outcome.Error is Invalid ? "error.login.failed" : outcome.Error!.Code;
                return Results.Redirect($"/login?error={Uri.EscapeDataString(code)}&u={Uri.EscapeDataString(username ?? "")}&returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}");
            }
            await http.SignInAsync(AuthSchemes.Cookie, outcome.Value);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(AuthSchemes.Cookie);
            return Results.LocalRedirect("/login");
        }).RequirePermission(Domain.Staff.Permission.SignedIn).ExcludeFromDescription();

        app.MapGet("/culture", (string? c, string? redirect, HttpContext http) =>
        {
            var culture = c is "en" or "en-US" ? "en-US" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(IsLocal(redirect) ? redirect! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IssueTokenAsync(TokenRequest? body, HttpContext http, SignInHandler handler,
        IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
    {
        var outcome = await handler.CheckAsync(body?.Username, body?.Password, AuthSchemes.Bearer, http.Connection.RemoteIpAddress?.ToString());
        if (!outcome.IsSuccess)
            return outcome.Error is Forbidden f
                ? TypedResults.Problem(Text.Get(f.Code), statusCode: 401, title: "invalid-credentials")
                : Problems.From(outcome.Error!);
        var now = clock.GetUtcNow();
        var props = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + AuthenticationSetup.TokenLifetime };
        var ticket = new AuthenticationTicket(outcome.Value, props, AuthSchemes.Bearer);
        var token = options.Get(AuthSchemes.Bearer).BearerTokenProtector.Protect(ticket);
        return TypedResults.Ok(new TokenResponse(token, (long)AuthenticationSetup.TokenLifetime.TotalSeconds, "Bearer"));
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
