using System.Text.RegularExpressions;

namespace CommunityHealth.Web.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token and cookie) to test UI routes over HTTP.</summary>
public static partial class Browserless
{
    public static async Task<HttpClient> SignedInClientAsync(this TestApp app, string user, string? password = null)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/login");
        var token = AntiforgeryInput().Match(login).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = user,
            ["password"] = password ?? (user == "admin" ? TestApp.AdminPassword : TestApp.DemoPassword), ["returnUrl"] = "/",
        });
        var r = await client.PostAsync("/account/login", form);
        if ((int)r.StatusCode != 302 || r.Headers.Location?.ToString() != "/")
            throw new InvalidOperationException($"Sign-in as {user} failed: {(int)r.StatusCode} {r.Headers.Location}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
