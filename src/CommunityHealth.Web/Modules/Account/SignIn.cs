using CommunityHealth.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace CommunityHealth.Web.Modules.Account;

/// <summary>
/// POST /account/login, the sign-in page's form: the credentials (checked by <see cref="SignInHandler"/>) become the
/// cookie, then back to the local return URL; a refusal goes back to /login with its message key.
/// </summary>
public static class SignIn
{
    public static void Map(IEndpointRouteBuilder app) =>
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
            return LocalRedirect.ToLocalOrHome(returnUrl);
        }).AllowAnonymous().ExcludeFromDescription();
}
