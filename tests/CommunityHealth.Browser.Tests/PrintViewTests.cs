using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

/// <summary>
/// Printouts under the browser's print media: A4 with 15 mm margins (no page edge-to-edge), no side menu or buttons, the
/// printing institution (the signed-in user's organisation), the print date (the app's clock) and a signature line.
/// </summary>
public sealed class PrintViewTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    private static string Today => TestClock.Today.ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_certificate_prints_on_A4_inside_margins_with_institution_date_and_signature()
    {
        var (vaccinee, institution, nurseName) = await ChildAsync();
        var page = await SignInAsync("nurse1");
        await page.GotoAsync(fixture.BaseUrl + $"/immunization/{vaccinee}/certificate");
        await page.WaitInteractiveAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var form = page.Locator("[data-testid=certificate]");
        await Expect(form.Locator("[data-testid=print-institution]")).ToHaveTextAsync(institution);
        await Expect(form.Locator("[data-testid=print-date]")).ToHaveTextAsync(Today);
        await Expect(form.Locator("[data-testid=print-footer]")).ToBeVisibleAsync();
        await Expect(form.Locator("[data-testid=print-user]")).ToHaveTextAsync(nurseName);
        await Expect(form.Locator("[data-testid=print-footer]")).ToContainTextAsync("签字");
        await Expect(form.Locator("[data-testid=print-footer]")).ToContainTextAsync(Today);
        await Expect(form.Locator("[data-testid=print-sign]")).ToBeVisibleAsync();
        // the national form keeps its own words and stamp line
        await Expect(form).ToContainTextAsync("预防接种证");
        await Expect(form).ToContainTextAsync("接种单位（盖章）");

        // the menu, the header bar and the buttons stay off the paper
        await Expect(page.Locator("nav.ch-nav")).ToBeHiddenAsync();
        await Expect(page.Locator("header.ch-header")).ToBeHiddenAsync();
        await Expect(page.Locator("#certificate-print")).ToBeHiddenAsync();
        Assert.Equal("15mm", await PageMarginAsync(page));
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_work_list_prints_with_its_title_institution_date_and_signature_but_shows_them_only_on_paper()
    {
        var (_, institution, _) = await ChildAsync();
        var page = await SignInAsync("nurse1");
        await page.GotoAsync(fixture.BaseUrl + "/immunization/worklist");
        await page.WaitInteractiveAsync();
        var header = page.Locator("[data-testid=print-header]");
        await Expect(header).ToBeHiddenAsync(); // on screen the page's own heading and filters
        await Expect(page.Locator("[data-testid=worklist]")).ToContainTextAsync("何小川");
        // dates never wrap, on screen either
        var dueDate = page.Locator("[data-testid=worklist] td.ch-date").First;
        Assert.Equal("nowrap", await dueDate.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(header).ToBeVisibleAsync();
        await Expect(header.Locator("[data-testid=print-title]")).ToContainTextAsync("接种通知单");
        await Expect(header.Locator("[data-testid=print-institution]")).ToHaveTextAsync(institution);
        await Expect(header.Locator("[data-testid=print-date]")).ToHaveTextAsync(Today);
        await Expect(page.Locator("[data-testid=print-footer]")).ToBeVisibleAsync();
        await Expect(page.Locator("nav.ch-nav")).ToBeHiddenAsync();
        await Expect(page.Locator("#worklist-print")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=pager]")).ToBeHiddenAsync();
        Assert.Equal("15mm", await PageMarginAsync(page));
        await page.CloseAsync();
    }

    /// <summary>The margin of the style sheets' @page rule (all four sides), as the browser parsed it.</summary>
    private static Task<string> PageMarginAsync(IPage page) => page.EvaluateAsync<string>(@"() => {
        const rules = [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; } catch { return []; } });
        const all = rules.flatMap(r => r instanceof CSSMediaRule ? [...r.cssRules] : [r]).filter(r => r instanceof CSSPageRule);
        const sides = all.map(r => ['margin-top', 'margin-right', 'margin-bottom', 'margin-left'].map(p => r.style.getPropertyValue(p)));
        const last = sides.filter(s => s.every(v => v)).pop();
        return last && last.every(v => v === last[0]) ? last[0] : JSON.stringify(sides);
    }");

    private async Task<(string Vaccinee, string Institution, string NurseName)> ChildAsync()
    {
        var nurse = await fixture.App.ClientAsync("nurse1");
        var me = await nurse.GetJsonAsync("/api/me");
        var orgs = (await nurse.GetJsonAsync("/api/organizations")).Items().ToList();
        var institution = orgs.Single(o => o.Str("id") == me.Str("organizationId")).Str("name");
        var station = orgs.First(o => o.Str("kind") == "Station").Str("id");
        var birth = TestClock.Today.AddMonths(-3);
        var resident = await (await nurse.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station,
            record = new { name = "何小川", documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, Random.Shared.Next(100, 999)), residenceType = "1" },
        })).ReadJsonAsync();
        var child = await nurse.PostAsJsonAsync("/api/vaccinees", new
        {
            residentId = resident.Str("id"), certificateNumber = "JZ" + Random.Shared.Next(10000000, 99999999), guardianName = "何芳", guardianRelation = "母亲", guardianPhone = "13912340020", motherHBsAg = "Negative",
        });
        Assert.True(child.IsSuccessStatusCode, await child.Content.ReadAsStringAsync());
        return ((await child.ReadJsonAsync()).Str("id"), institution, me.Str("displayName"));
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();
        return page;
    }
}
