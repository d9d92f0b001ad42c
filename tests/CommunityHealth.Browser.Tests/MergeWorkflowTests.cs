using System.Net.Http.Json;
using CommunityHealth.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

public sealed class MergeWorkflowTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_director_merges_a_flagged_duplicate_and_undoes_it_from_the_profile()
    {
        var doctor = await fixture.App.ClientAsync("doctor2");
        var station = (await doctor.GetJsonAsync("/api/organizations")).Items().Single().Str("id");
        var survivor = await (await doctor.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name = "周合并", documentType = "03", documentNumber = "M0001", sex = "2", birthDate = "1955-05-05", residenceType = "1" } })).ReadJsonAsync();
        await doctor.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name = "周合并", documentType = "03", documentNumber = "M0002", sex = "2", birthDate = "1955-05-05", residenceType = "1" } });

        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "director1");
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();
        await page.GotoAsync(fixture.BaseUrl + "/residents/duplicates");
        await page.WaitInteractiveAsync();
        var card = page.Locator(".ch-card", new() { HasText = "周合并" });
        await Expect(card).ToContainTextAsync("姓名和出生日期相同");
        await card.Locator("button:has-text('合并到此档案')").ClickAsync();
        await Expect(page.Locator("text=已合并，可在档案的合并记录中撤销")).ToBeVisibleAsync();

        await page.GotoAsync(fixture.BaseUrl + $"/residents/{survivor.Str("id")}");
        await page.WaitInteractiveAsync();
        var merges = page.Locator("[data-testid=merges]");
        await Expect(merges).ToContainTextAsync("疑似重复档案核查后合并");
        await merges.Locator("button:has-text('撤销合并')").ClickAsync();
        await Expect(merges).ToContainTextAsync("已撤销");
        await page.CloseAsync();
    }
}
