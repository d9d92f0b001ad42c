using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

public sealed class ResidentWorkflowTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_doctor_registers_a_resident_from_an_id_number_and_finds_them_by_pinyin_initials()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "doctor1");
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();

        await page.ClickAsync("#nav-residents");
        await page.WaitInteractiveAsync();
        await page.ClickAsync("#resident-new");
        await page.WaitInteractiveAsync();

        var id = IdCardNumber.Compose("330106", new DateOnly(1957, 4, 18), 215); // odd sequence: male
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');
        await page.SetFieldAsync("#f-name", "诸葛明亮");
        await page.SetFieldAsync("#f-documentNumber", wrong);
        await Expect(page.Locator("[data-field-error=documentNumber]")).ToHaveTextAsync("身份证号校验位不正确，请核对号码");
        await page.SetFieldAsync("#f-documentNumber", id);
        await Expect(page.Locator("[data-field-error=documentNumber]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#f-birthDate")).ToHaveValueAsync("1957-04-18");
        await Expect(page.Locator("#f-sex")).ToHaveValueAsync("1");
        await page.SetFieldAsync("#f-phone", "13988886666");
        await page.CheckAsync("#f-drugAllergies-2");
        await page.ClickAsync("#resident-save");

        await Expect(page.Locator("[data-testid=profile-name]")).ToHaveTextAsync("诸葛明亮");
        await Expect(page.Locator("[data-testid=birth-date]")).ToContainTextAsync("1957-04-18");
        var recordNumber = (await page.Locator("[data-testid=record-number]").InnerTextAsync())[..17];
        Assert.StartsWith("330106001001", recordNumber);

        await page.ClickAsync("#nav-residents");
        await page.WaitInteractiveAsync();
        await page.FillAsync("#resident-q", "zgml");
        await page.ClickAsync("#resident-search");
        var results = page.Locator("[data-testid=resident-results]");
        await Expect(results).ToContainTextAsync("诸葛明亮");
        await Expect(results).ToContainTextAsync(id[..6] + "********" + id[14..]);
        await Expect(results).ToContainTextAsync("139****6666");
        await Expect(page.Locator("[data-testid=resident-total]")).ToContainTextAsync("共 1 条");

        // a health examination: the 65+ section appears (69 on the exam date), BMI is computed, the form prints
        await page.ClickAsync("text=诸葛明亮");
        await page.WaitInteractiveAsync();
        await page.ClickAsync("#exam-new");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid=elderly-section]")).ToBeVisibleAsync();
        await page.SetFieldAsync("#f-vitals-leftSystolic", "146");
        await page.SetFieldAsync("#f-vitals-leftDiastolic", "88");
        await page.SetFieldAsync("#f-vitals-heightCm", "170");
        await page.SetFieldAsync("#f-vitals-weightKg", "72");
        await Expect(page.Locator("[data-testid=bmi]")).ToHaveTextAsync("24.9");
        foreach (var item in new[] { "eating", "grooming", "dressing", "toileting", "mobility" })
            await page.SelectOptionAsync($"#f-elderly-selfCare-{item}", item == "mobility" ? "3" : "1");
        await Expect(page.Locator("[data-testid=self-care]")).ToContainTextAsync("5（轻度依赖）");
        await page.SetFieldAsync("#f-tests-fastingGlucose", "80");
        await page.ClickAsync("#exam-save");
        await Expect(page.Locator("[data-field-error='tests.fastingGlucose']")).ToContainTextAsync("数值应在");
        await page.SetFieldAsync("#f-tests-fastingGlucose", "6.1");
        await page.ClickAsync("#exam-save");

        var print = page.Locator("[data-testid=exam-print]");
        await Expect(print).ToContainTextAsync("健康体检表");
        await Expect(print).ToContainTextAsync("146/88");
        await Expect(page.Locator("[data-testid=print-bmi]")).ToContainTextAsync("24.9");
        await Expect(print).ToContainTextAsync("5 分 轻度依赖");
        await Expect(print).ToContainTextAsync(recordNumber[9..12] + "-" + recordNumber[12..]);
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 10_000);
        await page.CloseAsync();
    }
}
