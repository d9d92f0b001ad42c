using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

/// <summary>What a station doctor meets in the long forms and in households (issue 19).</summary>
public sealed class FormWorkflowTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    private static int _seq = 300;

    private static string NewId(DateOnly birth, bool male) =>
        IdCardNumber.Compose("330106", birth, (Interlocked.Increment(ref _seq) * 2 + (male ? 1 : 0)) % 1000);

    private async Task<string> StationAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("divisionCode") == "330106001001").Str("id");

    private async Task<System.Text.Json.JsonElement> RegisterAsync(string name, DateOnly birth, bool male, object? household = null)
    {
        var doctor = await fixture.App.ClientAsync("doctor1");
        var r = await doctor.PostAsJsonAsync("/api/residents", new
        {
            organizationId = await StationAsync(doctor),
            record = new { name, documentType = "01", documentNumber = NewId(birth, male), residenceType = "1", phone = "13600003333" },
            household,
        });
        var created = await r.ReadJsonAsync();
        Assert.True(r.IsSuccessStatusCode, created.GetRawText());
        return created;
    }

    private async Task<IPage> SignInAsync()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "doctor1");
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();
        return page;
    }

    private static Task<string?> FocusedIdAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement?.id");

    [Fact]
    public async Task Letters_in_a_number_field_or_a_half_typed_date_show_the_message_at_the_field_and_nothing_is_saved()
    {
        var resident = await RegisterAsync("数字测", new DateOnly(1980, 5, 6), male: true);
        var id = resident.Str("id");
        var page = await SignInAsync();
        await page.GotoAsync(fixture.BaseUrl + $"/residents/{id}/exams/new");
        await page.WaitInteractiveAsync();

        await page.SetFieldAsync("#f-vitals-leftDiastolic", "88");
        await page.SetFieldAsync("#f-vitals-leftSystolic", "146");
        // the server has taken 146/88 (the raised BP is shown) before the field is overwritten: otherwise the render of
        // 146 can arrive after "abc" was typed and put 146 back in the box, as a user typing that fast would see too
        await Expect(page.Locator("[data-testid=exam-findings]")).ToBeVisibleAsync();
        await page.SetFieldAsync("#f-vitals-leftSystolic", "abc");
        await Expect(page.Locator("[data-field-error='vitals.leftSystolic']")).ToHaveTextAsync("请输入数字");
        await page.ClickAsync("#exam-save");
        // the save is stopped in the browser and the field is focused; the page stays on the form
        Assert.Equal("f-vitals-leftSystolic", await FocusedIdAsync(page));
        await Expect(page.Locator("#exam-save")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-vitals-leftSystolic")).ToHaveValueAsync("abc");

        // a half-typed date is stopped the same way
        await page.SetFieldAsync("#f-vitals-leftSystolic", "146");
        await Expect(page.Locator("[data-field-error='vitals.leftSystolic']")).ToHaveCountAsync(0);
        var examDate = await page.Locator("#f-examDate").InputValueAsync();
        await page.SetFieldAsync("#f-examDate", examDate[..8]);
        await Expect(page.Locator("[data-field-error=examDate]")).ToContainTextAsync("yyyy-MM-dd");
        await page.ClickAsync("#exam-save");
        Assert.Equal("f-examDate", await FocusedIdAsync(page));

        var doctor = await fixture.App.ClientAsync("doctor1");
        Assert.Empty((await doctor.GetJsonAsync($"/api/residents/{id}/examinations")).Items());

        // corrected, the form saves once, with the number typed last
        await page.SetFieldAsync("#f-examDate", examDate);
        await page.ClickAsync("#exam-save");
        await Expect(page.Locator("[data-testid=exam-print]")).ToContainTextAsync("146/88");
        var exams = (await doctor.GetJsonAsync($"/api/residents/{id}/examinations")).Items().ToList();
        Assert.Single(exams);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_refused_save_focuses_the_first_field_in_error_required_fields_are_marked_and_a_corrected_field_loses_its_message()
    {
        var page = await SignInAsync();
        await page.GotoAsync(fixture.BaseUrl + "/residents/new");
        await page.WaitInteractiveAsync();

        await Expect(page.Locator("label[for=f-name] .ch-required")).ToHaveTextAsync("*");
        await Expect(page.Locator("#f-name")).ToHaveAttributeAsync("aria-required", "true");
        await Expect(page.Locator("label[for=f-phone] .ch-required")).ToHaveCountAsync(0);

        await page.SetFieldAsync("#f-name", "焦点测");
        await page.SetFieldAsync("#f-phone", "13988887777");
        await page.Locator("#resident-save").ScrollIntoViewIfNeededAsync();
        await page.ClickAsync("#resident-save");

        // the first field in error (the ID number, above sex and birth date) is focused and scrolled into view
        await Expect(page.Locator("[data-field-error=documentNumber]")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-documentNumber")).ToBeFocusedAsync();
        await Expect(page.Locator("#f-documentNumber")).ToBeInViewportAsync();
        await Expect(page.Locator("#f-documentNumber")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("[data-field-error=birthDate]")).ToBeVisibleAsync();

        // correcting a field clears its message at once; the others stay until the next save
        await page.SetFieldAsync("#f-birthDate", "1970-03-04");
        await Expect(page.Locator("[data-field-error=birthDate]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-field-error=documentNumber]")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_new_resident_is_saved_with_a_message_and_the_profile_opens_at_its_top()
    {
        var page = await SignInAsync();
        await page.GotoAsync(fixture.BaseUrl + "/residents/new");
        await page.WaitInteractiveAsync();
        await page.SetFieldAsync("#f-name", "保存测");
        await page.SetFieldAsync("#f-documentNumber", NewId(new DateOnly(1988, 7, 8), male: false));
        await page.Locator("#resident-save").ScrollIntoViewIfNeededAsync();
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0);
        await page.ClickAsync("#resident-save");

        await Expect(page.Locator("[data-testid=profile-name]")).ToHaveTextAsync("保存测");
        await Expect(page.Locator("[data-testid=profile-message]")).ToHaveTextAsync("已保存");
        await Expect(page.Locator("[data-testid=profile-name]")).ToBeInViewportAsync();
        await page.WaitForFunctionAsync("() => window.scrollY === 0", null, new() { Timeout = 5_000 });
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_family_member_is_added_from_the_profile_and_a_household_is_joined_by_looking_it_up()
    {
        var head = await RegisterAsync("家庭户主", new DateOnly(1962, 2, 3), male: true, new { newAddress = "古荡新村东区 9 幢 402 室" });
        var page = await SignInAsync();
        await page.GotoAsync(fixture.BaseUrl + $"/residents/{head.Str("id")}");
        await page.WaitInteractiveAsync();

        // 添加家庭成员: the new-resident form opens with the household chosen and its address filled in
        await page.ClickAsync("#household-add-member");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid=household-selected]")).ToContainTextAsync("古荡新村东区 9 幢 402 室");
        await Expect(page.Locator("[data-testid=household-selected]")).ToContainTextAsync("家庭户主");
        await Expect(page.Locator("#f-address")).ToHaveValueAsync("古荡新村东区 9 幢 402 室");
        await page.SetFieldAsync("#f-name", "家庭配偶");
        await page.SetFieldAsync("#f-documentNumber", NewId(new DateOnly(1964, 9, 10), male: false));
        await page.SelectOptionAsync("#f-household-relationship", "10");
        await page.ClickAsync("#resident-save");
        await Expect(page.Locator("[data-testid=profile-name]")).ToHaveTextAsync("家庭配偶");
        var members = page.Locator("[data-testid=household-members]");
        await Expect(members).ToContainTextAsync("家庭户主");
        await Expect(members).ToContainTextAsync("配偶");

        // a resident without a household joins this one from the look-up, found by a member's name
        var single = await RegisterAsync("独居测", new DateOnly(1990, 1, 1), male: true);
        await page.GotoAsync(fixture.BaseUrl + $"/residents/{single.Str("id")}");
        await page.WaitInteractiveAsync();
        await page.ClickAsync("#household-change");
        await page.FillAsync("#f-household-q", "家庭配");
        await page.ClickAsync("#household-search");
        var hit = page.Locator($"[data-household='{head.Str("householdId")}']");
        await Expect(hit).ToContainTextAsync("家庭户主");
        await Expect(hit).ToContainTextAsync("2 人");
        await Expect(hit).ToContainTextAsync("136****3333");
        await hit.ClickAsync();
        await Expect(page.Locator("[data-testid=household-selected]")).ToContainTextAsync("古荡新村东区 9 幢 402 室");
        await page.SelectOptionAsync("#f-household-relationship", "70");
        await page.ClickAsync("#household-save");
        await Expect(page.Locator("[data-testid=profile-message]")).ToHaveTextAsync("已保存");
        await Expect(members).ToContainTextAsync("家庭户主");
        await Expect(members).ToContainTextAsync("家庭配偶");
        await Expect(members).ToContainTextAsync("兄弟姐妹");
        await page.CloseAsync();
    }
}
