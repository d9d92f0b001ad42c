using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

public sealed class ChronicCareWorkflowTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task A_doctor_records_a_follow_up_with_sbp_185_sees_the_urgent_banner_and_creates_the_referral()
    {
        var doctor = await fixture.App.ClientAsync("doctor1");
        var station = (await doctor.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var birth = Today.AddYears(-61).AddDays(-40);
        var resident = await (await doctor.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station, record = new { name = "高建国", documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, 733), residenceType = "1", phone = "13800001111" },
        })).ReadJsonAsync();
        var id = resident.Str("id");

        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "doctor1");
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();

        // from the profile to the chronic-care page; register on the hypertension programme
        await page.GotoAsync(fixture.BaseUrl + $"/residents/{id}");
        await page.WaitInteractiveAsync();
        await page.ClickAsync("#chronic-open");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid=bp-state]")).ToHaveTextAsync("待测血压");
        await page.FillAsync("#f-diagnosedOn", Today.AddYears(-2).ToString("yyyy-MM-dd"));
        await page.Locator("#f-diagnosedOn").DispatchEventAsync("change");
        await page.FillAsync("#f-diagnosedAt", "区人民医院");
        await page.Locator("#f-diagnosedAt").DispatchEventAsync("change");
        await page.ClickAsync("#register-save");
        await Expect(page.Locator("[data-testid=message]")).ToHaveTextAsync("已建立专案");

        // the follow-up: an SBP of 185 raises the red banner as soon as it is typed
        await Expect(page.Locator("#visit-new")).ToBeVisibleAsync();
        await page.GotoAsync(fixture.BaseUrl + $"/chronic/{id}/visit");
        await page.WaitInteractiveAsync();
        await page.FillAsync("#f-systolic", "185");
        await page.Locator("#f-systolic").DispatchEventAsync("change");
        await page.FillAsync("#f-diastolic", "100");
        await page.Locator("#f-diastolic").DispatchEventAsync("change");
        await Expect(page.Locator("[data-testid=urgent-banner]")).ToContainTextAsync("收缩压 185 mmHg ≥ 180");
        await page.ClickAsync("#visit-save");
        await Expect(page.Locator("[data-testid=visit-result]")).ToContainTextAsync("紧急转诊");
        await Expect(page.Locator("[data-testid=next-visit]")).ToHaveTextAsync(Today.AddDays(14).ToString("yyyy-MM-dd"));

        // one click to the referral, prefilled with the reasons
        await page.ClickAsync("#referral-open");
        await Expect(page.Locator("#f-reason")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("收缩压 185"));
        await page.FillAsync("#f-toDepartment", "心内科");
        await page.Locator("#f-toDepartment").DispatchEventAsync("change");
        await page.ClickAsync("#referral-save");
        await Expect(page.Locator("[data-testid=referral-created]")).ToContainTextAsync("心内科");

        var patient = await doctor.GetJsonAsync($"/api/chronic/patients/{id}");
        var referral = patient.GetProperty("referrals")[0];
        Assert.True(referral.GetProperty("urgent").GetBoolean());
        Assert.Equal("区人民医院", referral.Str("toFacility"));
        Assert.Equal(referral.Str("id"), patient.GetProperty("visits")[0].Str("referralId"));

        // the resident's profile timeline lists the follow-up and the referral
        await page.GotoAsync(fixture.BaseUrl + $"/residents/{id}");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("慢病随访：185/100 mmHg 高血压控制不满意 紧急转诊");
        await Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("转诊：区人民医院");
    }
}
