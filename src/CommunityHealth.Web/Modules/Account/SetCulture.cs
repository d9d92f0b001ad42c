using Microsoft.AspNetCore.Localization;

namespace CommunityHealth.Web.Modules.Account;

/// <summary>GET /culture?c=en (anything else: Chinese): the UI language, kept for a year in the culture cookie, then back to the local page.</summary>
public static class SetCulture
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string? c, string? redirect, HttpContext http) =>
        {
            var culture = c is "en" or "en-US" ? "en-US" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return LocalRedirect.ToLocalOrHome(redirect);
        }).AllowAnonymous().ExcludeFromDescription();
}
