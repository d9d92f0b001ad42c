using CommunityHealth.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

/// <summary>An unknown URL shows the application's own Chinese not-found page (status 404), not Chromium's bare English one.</summary>
public sealed class NotFoundPageTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_unknown_url_shows_the_chinese_not_found_page_with_status_404()
    {
        var page = await fixture.Browser.NewPageAsync(new() { Locale = "en-US" }); // Chinese regardless of the browser's language
        var response = await page.GotoAsync(fixture.BaseUrl + "/no-such-page");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("页面不存在");
        await Expect(page.Locator("body")).ToContainTextAsync("您访问的页面不存在。");
    }

    [Fact]
    public async Task A_signed_in_user_sees_the_not_found_page_inside_the_application()
    {
        var page = await fixture.Browser.NewPageAsync(new() { Locale = "en-US" });
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "doctor1");
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();

        var response = await page.GotoAsync(fixture.BaseUrl + "/residents/no/such/page");
        Assert.Equal(404, response!.Status);
        await page.WaitInteractiveAsync(); // the interactive router keeps showing it
        await Expect(page.Locator("h1")).ToHaveTextAsync("页面不存在");
        await Expect(page.Locator("[data-testid=current-user]")).ToContainTextAsync("doctor1");
    }
}
