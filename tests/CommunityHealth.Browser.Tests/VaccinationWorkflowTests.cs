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

        // the proposed first row is the forecast's first due dose (HepB 1, overdue), its route the vaccine's own; each route listed once
        await Expect(page.Locator("#d-vaccine-0")).ToHaveValueAsync("HepB");
        await Expect(page.Locator("#d-route-0")).ToHaveValueAsync("IM");
        var routes = await page.Locator("#d-route-0 option").AllTextContentsAsync();
        Assert.Equal(["肌内注射（IM）", "皮下注射（SC）", "皮内注射（ID）", "口服（PO）"], routes);
        // the signed-in nurse is the vaccinator unless she names another
        await Expect(page.Locator("#f-doses-0-nurse")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^[\u4e00-\u9fff]{2,4}$"));

        // choose MMR instead: 2 months is too early, the Chinese warning asks for a reason
        await page.SelectOptionAsync("#d-vaccine-0", "MMR");
        await Expect(page.Locator("#d-route-0")).ToHaveValueAsync("SC");
        await page.ClickAsync("#visit-save");
        var warning = page.Locator("[data-field-error='doses[0].overrideReason']");
        await Expect(warning).ToContainTextAsync("早于最小接种年龄8月龄");
        await Expect(warning).ToContainTextAsync("请填写原因");

        // back to IPV: the clinic's only IPV lot is proposed; saved, the stock goes down and the forecast moves on
        await page.SelectOptionAsync("#d-vaccine-0", "IPV");
        await Expect(page.Locator("#d-lot-0")).ToHaveValueAsync(lot.Str("id"));
        await page.ClickAsync("#visit-save");
        await Expect(page.Locator("[data-testid=message]")).ToHaveTextAsync("已保存接种记录");
        await Expect(page.Locator("[data-testid=doses]")).ToContainTextAsync("IPV202611");
        await Expect(page.Locator("[data-testid=status-Polio]")).ToHaveTextAsync("未到期");
        var lots = await nurse.GetJsonAsync("/api/vaccine-lots");
        Assert.Equal(9, lots.Items().Single(l => l.Str("id") == lot.Str("id")).GetProperty("dosesOnHand").GetInt32());

        // the due list still shows the child with the guardian's phone (masked, as every list) and every dose still due, in schedule order
        await page.GotoAsync(fixture.BaseUrl + "/immunization/worklist");
        await page.WaitInteractiveAsync();
        var row = page.Locator("[data-testid=worklist] tr", new() { HasText = "陈小宝" });
        await Expect(row).ToContainTextAsync("139****5678");
        await Expect(row).ToContainTextAsync("乙肝疫苗第1剂、卡介苗第1剂、百白破疫苗第1剂");
        await page.CloseAsync();
    }

    private static async Task<(string Vaccinee, string StationName)> ChildAsync(HttpClient nurse, string name, DateOnly birth, string phone)
    {
        var station = (await nurse.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station");
        var resident = await (await nurse.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station.Str("id"),
            record = new { name, documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, Random.Shared.Next(100, 999)), residenceType = "1", address = "杭州市上城区接种路8号" },
        })).ReadJsonAsync();
        var vaccinee = await nurse.PostAsJsonAsync("/api/vaccinees", new
        {
            residentId = resident.Str("id"), certificateNumber = "JZ" + Random.Shared.Next(10000000, 99999999), guardianName = "李芳", guardianRelation = "母亲", guardianPhone = phone, motherHBsAg = "Negative",
        });
        Assert.True(vaccinee.IsSuccessStatusCode, await vaccinee.Content.ReadAsStringAsync());
        return ((await vaccinee.ReadJsonAsync()).Str("id"), station.Str("name"));
    }

    private static async Task<Microsoft.Playwright.IPage> SignInAsync(BrowserApp fixture, string user)
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();
        return page;
    }

    private static string At(DateOnly d) => $"{d:yyyy-MM-dd}T09:00:00";

    [Fact]
    public async Task A_nurse_prints_the_certificate_and_the_entry_check_which_names_the_doses_to_catch_up()
    {
        var nurse = await fixture.App.ClientAsync("nurse1");
        var birth = Today.AddYears(-3).AddMonths(-2);
        var (child, stationName) = await ChildAsync(nurse, "林小雨", birth, "13811112222");
        var visit = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new
        {
            doses = new object[]
            {
                new { vaccine = "HepB", givenAt = At(birth), lotNumber = "HB0001", manufacturer = "深圳康泰" },
                new { vaccine = "HepB", givenAt = At(birth.AddMonths(1)), lotNumber = "HB0002", manufacturer = "深圳康泰" },
                new { vaccine = "HepB", givenAt = At(birth.AddMonths(6)), lotNumber = "HB0003", manufacturer = "深圳康泰" },
                new { vaccine = "MMR", givenAt = At(birth.AddMonths(8)), lotNumber = "MMR0801", manufacturer = "北京生物" },
            },
        });
        Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());
        var nurseName = (await nurse.GetJsonAsync("/api/me")).Str("displayName");

        var page = await SignInAsync(fixture, "nurse1");
        await page.GotoAsync(fixture.BaseUrl + $"/immunization/{child}");
        await page.WaitInteractiveAsync();
        await page.ClickAsync("#certificate-link");
        var certificate = page.Locator("[data-testid=certificate]");
        await Expect(certificate.Locator("[data-testid=certificate-child]")).ToContainTextAsync("林小雨");
        await Expect(certificate.Locator("[data-testid=certificate-child]")).ToContainTextAsync("13811112222");
        await Expect(certificate.Locator("[data-testid=certificate-child]")).ToContainTextAsync("杭州市上城区接种路8号");
        // every dose in schedule order: HepB's three before MMR, with lot, manufacturer, clinic and nurse
        var hepB3 = certificate.Locator("tr[data-series=HepB]").Nth(2);
        await Expect(hepB3).ToContainTextAsync("第3剂");
        await Expect(hepB3).ToContainTextAsync(birth.AddMonths(6).ToString("yyyy-MM-dd"));
        await Expect(hepB3).ToContainTextAsync("HB0003");
        await Expect(hepB3).ToContainTextAsync("深圳康泰");
        await Expect(hepB3).ToContainTextAsync(stationName);
        await Expect(hepB3).ToContainTextAsync(nurseName);
        var rows = await certificate.Locator("tr[data-series]").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.series)");
        Assert.Equal(["HepB", "HepB", "HepB", "MMR"], rows);
        await Expect(certificate.Locator("[data-testid=print-signature]")).ToContainTextAsync(stationName);
        await Expect(certificate.Locator("[data-testid=print-signature]")).ToContainTextAsync(Today.ToString("yyyy-MM-dd"));
        await Expect(certificate).ToContainTextAsync("接种单位（盖章）");
        await Expect(page.Locator("#certificate-print")).ToHaveTextAsync("打印");

        // the entry check: HepB complete, MMR's 2nd dose (18 months) missing, so the child is referred for catch-up
        await page.GotoAsync(fixture.BaseUrl + $"/immunization/{child}/entry-check");
        await Expect(page.Locator("[data-testid=conclusion-HepB]")).ToHaveTextAsync("全程完成");
        await Expect(page.Locator("[data-testid=conclusion-MMR]")).ToHaveTextAsync("需补种");
        await Expect(page.Locator("tr[data-series=MMR]")).ToContainTextAsync("麻腮风疫苗第2剂");
        await Expect(page.Locator("[data-testid=entry-check-result]")).ToContainTextAsync("需补种");
        await Expect(page.Locator("[data-testid=entry-check]")).ToContainTextAsync("查验人签名");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_nurse_typing_a_non_number_is_told_so_at_the_field_and_sees_the_week_chart_with_the_excursion()
    {
        var nurse = await fixture.App.ClientAsync("nurse1");
        var fridge = (await (await nurse.PostAsJsonAsync("/api/refrigerators", new { name = "冷链图冰箱", location = "接种室" })).ReadJsonAsync()).Str("id");
        foreach (var celsius in new[] { 4.5m, 9.2m, 5.1m })
            Assert.True((await nurse.PostAsJsonAsync($"/api/refrigerators/{fridge}/readings", new { celsius })).IsSuccessStatusCode);

        var page = await SignInAsync(fixture, "nurse1");
        await page.GotoAsync(fixture.BaseUrl + "/immunization/cold-chain");
        await page.WaitInteractiveAsync();
        await page.SetFieldAsync($"#celsius-{fridge}", "abc");
        await page.ClickAsync($"#celsius-save-{fridge}");
        var row = page.Locator("[data-testid=fridges] tr", new() { HasText = "冷链图冰箱" });
        await Expect(row.Locator("[data-field-error=celsius]")).ToHaveTextAsync("请输入数字");
        await Expect(page.Locator("[data-field-error=celsius]")).ToHaveCountAsync(1);

        var chart = page.Locator("svg[data-fridge='冷链图冰箱']");
        await Expect(chart.Locator("[data-testid=band]")).ToHaveCountAsync(1);
        await Expect(chart.Locator("[data-testid=reading]")).ToHaveCountAsync(2);
        await Expect(chart.Locator("[data-testid=excursion]")).ToHaveCountAsync(1);
        await Expect(chart.Locator("[data-testid=excursion] title")).ToContainTextAsync("9.2 °C");

        // a number is saved and the message goes
        await page.SetFieldAsync($"#celsius-{fridge}", "6");
        await page.ClickAsync($"#celsius-save-{fridge}");
        await Expect(page.Locator("[data-field-error=celsius]")).ToHaveCountAsync(0);
        await Expect(chart.Locator("[data-testid=reading]")).ToHaveCountAsync(3);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_nurse_reports_an_aefi_on_the_case_report_card_and_is_told_a_future_time_is_later_than_now()
    {
        var nurse = await fixture.App.ClientAsync("nurse1");
        var birth = Today.AddMonths(-9);
        var (child, stationName) = await ChildAsync(nurse, "赵小满", birth, "13722223333");
        var visit = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "MMR", givenAt = $"{Today:yyyy-MM-dd}T08:00:00", lotNumber = "MMR0923", manufacturer = "北京生物" } } });
        Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());

        var page = await SignInAsync(fixture, "nurse1");
        await page.GotoAsync(fixture.BaseUrl + $"/immunization/{child}");
        await page.WaitInteractiveAsync();
        await page.SelectOptionAsync("#ae-dose", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await page.SetFieldAsync("#f-onsetTime", "23:50"); // the test clock is at 10:00
        await page.CheckAsync("#f-reactions-fever");
        await page.CheckAsync("#f-reactions-rash");
        await page.ClickAsync("#aefi-save");
        await Expect(page.Locator("[data-field-error=onsetTime]")).ToHaveTextAsync("时间不能晚于当前时间");

        await page.SetFieldAsync("#f-onsetTime", "09:10");
        await page.SetFieldAsync("#f-diagnosis", "发热伴皮疹");
        await page.SelectOptionAsync("#ae-hospitalized", "false");
        await page.SelectOptionAsync("#f-classification", "common");
        await page.SelectOptionAsync("#f-outcomeCode", "recovered");
        await page.ClickAsync("#aefi-save");
        await Expect(page.Locator("[data-testid=message]")).ToHaveTextAsync("已保存");
        var aefi = page.Locator("[data-testid^=aefi-]");
        await Expect(aefi).ToContainTextAsync("发热、皮疹");
        await Expect(aefi).ToContainTextAsync("发热伴皮疹");
        await Expect(aefi).ToContainTextAsync("一般反应");
        await Expect(aefi).ToContainTextAsync("痊愈");
        await Expect(aefi).ToContainTextAsync("未住院");

        await aefi.Locator("a").ClickAsync();
        var card = page.Locator("[data-testid=aefi-card]");
        await Expect(card).ToContainTextAsync("疑似预防接种异常反应个案报告卡");
        await Expect(card.Locator("[data-testid=certificate-child]")).ToContainTextAsync("赵小满");
        var items = card.Locator("[data-testid=aefi-card-items]");
        await Expect(items).ToContainTextAsync($"{Today:yyyy-MM-dd} 09:10");
        await Expect(items).ToContainTextAsync("MMR0923");
        await Expect(items).ToContainTextAsync("☑发热");
        await Expect(items).ToContainTextAsync("☐局部红肿");
        await Expect(items).ToContainTextAsync("☑一般反应");
        await Expect(items).ToContainTextAsync("☑痊愈");
        await Expect(card.Locator("[data-testid=print-signature]")).ToContainTextAsync(stationName);
        await page.CloseAsync();
    }
}
