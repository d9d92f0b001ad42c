using Microsoft.AspNetCore.Authentication;

namespace CommunityHealth.Web.Modules.Account;

/// <summary>POST /account/logout: drops the cookie and goes to the sign-in page.</summary>
public static class SignOut
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(AuthSchemes.Cookie);
            return Results.LocalRedirect("/login");
        }).RequirePermission(Domain.Staff.Permission.SignedIn).ExcludeFromDescription();
}
