using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

public sealed class VaccinationWorkflowTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task A_nurse_registers_a_child_sees_the_forecast_is_warned_about_an_early_dose_and_records_the_visit()
    {
        var nurse = await fixture.App.ClientAsync("nurse1");
        var station = (await nurse.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var birth = Today.AddMonths(-2).AddDays(-5);
        var resident = await (await nurse.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station,
            record = new { name = "陈小宝", documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, 911), residenceType = "1", contactName = "陈妈妈", contactPhone = "13912345678" },
        })).ReadJsonAsync();
        var lot = await (await nurse.PostAsJsonAsync("/api/vaccine-lots", new { vaccine = "IPV", manufacturer = "北京科兴", lotNumber = "IPV202611", expiry = Today.AddYears(1).ToString("yyyy-MM-dd"), doses = 10 })).ReadJsonAsync();
        await nurse.PostAsJsonAsync("/api/vaccine-lots", new { vaccine = "MMR", manufacturer = "北京生物", lotNumber = "MMR202611", expiry = Today.AddYears(1).ToString("yyyy-MM-dd"), doses = 10 });

        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "nurse1");
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();

        // register from the resident's profile
        await page.GotoAsync(fixture.BaseUrl + $"/residents/{resident.Str("id")}");
        await page.WaitInteractiveAsync();
        await page.ClickAsync("#vaccinee-new");
        await page.WaitInteractiveAsync();
        await page.FillAsync("#f-certificateNumber", "JZ330106" + Random.Shared.Next(100000, 999999));
        await page.Locator("#f-certificateNumber").DispatchEventAsync("change");
        await page.FillAsync("#f-guardianRelation", "母亲");
        await page.Locator("#f-guardianRelation").DispatchEventAsync("change");
        await page.ClickAsync("#vaccinee-save");
        await Expect(page.Locator("[data-testid=vaccinee-name]")).ToHaveTextAsync("陈小宝");
        await Expect(page.Locator("[data-testid=status-HepB]")).ToHaveTextAsync("逾期");
        await Expect(page.Locator("[data-testid=status-Polio]")).ToHaveTextAsync("到期");

        // the proposed first row is a dose due today; choose MMR instead: 2 months is too early, the Chinese warning asks for a reason
        await page.SelectOptionAsync("#d-vaccine-0", "MMR");
        await page.ClickAsync("#visit-save");
        var warning = page.Locator("[data-field-error='doses[0].overrideReason']");
        await Expect(warning).ToContainTextAsync("早于最小接种年龄8月龄");
        await Expect(warning).ToContainTextAsync("请填写原因");

        // back to IPV from stock, saved; the stock goes down and the forecast moves on
        await page.SelectOptionAsync("#d-vaccine-0", "IPV");
        await page.SelectOptionAsync("#d-lot-0", lot.Str("id"));
        await page.ClickAsync("#visit-save");
        await Expect(page.Locator("[data-testid=message]")).ToHaveTextAsync("已保存接种记录");
        await Expect(page.Locator("[data-testid=doses]")).ToContainTextAsync("IPV202611");
        await Expect(page.Locator("[data-testid=status-Polio]")).ToHaveTextAsync("未到期");
        var lots = await nurse.GetJsonAsync("/api/vaccine-lots");
        Assert.Equal(9, lots.Items().Single(l => l.Str("id") == lot.Str("id")).GetProperty("dosesOnHand").GetInt32());

        // the due list still shows the child (HepB overdue), with the guardian's phone, and prints
        await page.GotoAsync(fixture.BaseUrl + "/immunization/worklist");
        await page.WaitInteractiveAsync();
        var row = page.Locator("[data-testid=worklist] tr", new() { HasText = "陈小宝" });
        await Expect(row).ToContainTextAsync("13912345678");
        await Expect(row).ToContainTextAsync("乙肝疫苗第1剂");
        await page.CloseAsync();
    }
}
