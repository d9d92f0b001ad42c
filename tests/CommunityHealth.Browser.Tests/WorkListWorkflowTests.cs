using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

/// <summary>The home list (issue 21): a station doctor filters to overdue immunizations, opens one, records the dose and sees it gone.</summary>
public sealed class WorkListWorkflowTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task A_station_doctor_opens_an_overdue_dose_from_the_home_list_records_it_and_the_item_is_gone()
    {
        var nurse = await fixture.App.ClientAsync("nurse1");
        var station = (await nurse.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var birth = Today.AddMonths(-2).AddDays(-5); // HepB 1 and BCG overdue
        var resident = await (await nurse.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station,
            record = new { name = "林小满", documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, 917), residenceType = "1" },
        })).ReadJsonAsync();
        var registered = await nurse.PostAsJsonAsync("/api/vaccinees", new
        {
            residentId = resident.Str("id"), certificateNumber = "JZ21" + Random.Shared.Next(100000, 999999), guardianName = "林妈妈", guardianRelation = "母亲",
            guardianPhone = "13912340021", motherHBsAg = "Negative",
        });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        await nurse.PostAsJsonAsync("/api/vaccine-lots", new { vaccine = "HepB", manufacturer = "深圳康泰", lotNumber = "HEPB202611", expiry = Today.AddYears(1).ToString("yyyy-MM-dd"), doses = 10 });

        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "doctor1");
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();

        // the home list, filtered to overdue immunizations
        await Expect(page.Locator("[data-testid=count-immunization]")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#wl-programme", "immunization");
        await page.SelectOptionAsync("#wl-due", "overdue");
        var item = page.Locator("[data-testid=worklist-row]", new() { HasText = "林小满" }).Filter(new() { HasText = "乙肝疫苗 第1剂" });
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync(birth.ToString("yyyy-MM-dd"));
        await Expect(item).ToContainTextAsync((Today.DayNumber - birth.DayNumber).ToString());
        await Expect(page.Locator("[data-testid=worklist-row][data-programme=hypertension]")).ToHaveCountAsync(0);

        // open it: the child's page with HepB proposed; record the dose
        await item.Locator("[data-testid=worklist-open]").ClickAsync();
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid=vaccinee-name]")).ToHaveTextAsync("林小满");
        await Expect(page.Locator("#d-vaccine-0")).ToHaveValueAsync("HepB");
        await page.ClickAsync("#visit-save");
        await Expect(page.Locator("[data-testid=message]")).ToHaveTextAsync("已保存接种记录");

        // back on the home list: the dose is gone, the child's other overdue dose stays
        await page.GotoAsync(fixture.BaseUrl + "/?programme=immunization&due=overdue");
        await page.WaitInteractiveAsync();
        var rows = page.Locator("[data-testid=worklist-row]", new() { HasText = "林小满" });
        await Expect(rows.Filter(new() { HasText = "卡介苗 第1剂" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "乙肝疫苗 第1剂" })).ToHaveCountAsync(0);
        await page.CloseAsync();
    }
}
