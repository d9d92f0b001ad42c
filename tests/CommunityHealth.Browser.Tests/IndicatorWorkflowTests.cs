using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

/// <summary>A center director opens the indicator board, goes to one indicator, drills into its gap and exports it.</summary>
public sealed class IndicatorWorkflowTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task A_director_opens_an_indicator_drills_into_the_gap_and_exports_it()
    {
        var doctor = await fixture.App.ClientAsync("doctor1");
        var station = (await doctor.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        async Task<string> Elder(string name, int seq)
        {
            var birth = Today.AddYears(-70).AddDays(-seq);
            var r = await doctor.PostAsJsonAsync("/api/residents", new
            {
                organizationId = station, record = new { name, documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, 600 + seq * 2), residenceType = "1" },
            });
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            return (await r.ReadJsonAsync()).Str("id");
        }
        var examined = await Elder("体检了", 11);
        await Elder("未体检", 12);
        var exam = await doctor.PostAsJsonAsync($"/api/residents/{examined}/examinations", new { examDate = Today.AddDays(-3).ToString("yyyy-MM-dd"), doctor = "王医生", vitals = new { leftSystolic = 128, leftDiastolic = 80 } });
        Assert.True(exam.IsSuccessStatusCode, await exam.Content.ReadAsStringAsync());

        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "director1");
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();

        // the board: every indicator a row, coloured cells; the director's center and its stations as columns
        await page.GotoAsync(fixture.BaseUrl + "/indicators");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid=indicator-board]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=board-row][data-code='htn.control']")).ToBeVisibleAsync();
        await page.Locator("[data-testid=board-row][data-code='elderly.exam'] td a").First.ClickAsync();
        await page.WaitInteractiveAsync();

        // the indicator page: the value, the trend and ranking charts, and the gap (whom to invite) listed first
        await Expect(page.Locator("h1")).ToHaveTextAsync("老年人健康体检率");
        await Expect(page.Locator("[data-testid=indicator-rate]")).ToContainTextAsync("%");
        await Expect(page.Locator("[data-testid=indicator-trend]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=ranking-chart]")).ToBeVisibleAsync();
        var gap = page.Locator("[data-testid=people-row]");
        await Expect(gap.Filter(new() { HasText = "未体检" })).ToHaveCountAsync(1);
        await Expect(gap.Filter(new() { HasText = "体检了" })).ToHaveCountAsync(0);
        await page.ClickAsync("#people-numerator");
        await Expect(gap.Filter(new() { HasText = "体检了" })).ToHaveCountAsync(1);
        await page.ClickAsync("#people-gap");
        await Expect(gap.Filter(new() { HasText = "未体检" })).ToHaveCountAsync(1);

        // the gap as Excel, with the page's own sign-in
        var href = await page.Locator("#people-export").GetAttributeAsync("href");
        Assert.Contains("set=Gap", href!, StringComparison.OrdinalIgnoreCase);
        var file = await page.Context.APIRequest.GetAsync(fixture.BaseUrl + "/" + href);
        Assert.Equal(200, file.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Headers["content-type"]);
        Assert.True((await file.BodyAsync()).Length > 1000);
    }
}
