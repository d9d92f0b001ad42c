using CommunityHealth.Data;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityHealth.Browser.Tests;

public sealed class AdminWorkflowTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    private async Task<IPage> SignInAsync(string user, string password)
    {
        var page = await fixture.Browser.NewPageAsync(new() { Locale = "en-US" }); // Chinese regardless of the browser's language
        await page.GotoAsync(fixture.BaseUrl + "/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task Administrator_signs_in_sees_the_work_list_creates_a_station_and_an_account()
    {
        var page = await SignInAsync("admin", TestApp.AdminPassword);
        await Expect(page.Locator("h1")).ToHaveTextAsync("我的工作清单");
        await Expect(page.Locator("[data-testid=worklist-empty]")).ToContainTextAsync("当前没有到期或逾期的工作"); // a district with no residents yet
        await Expect(page.Locator("[data-testid=current-user]")).ToContainTextAsync("系统管理员");

        // a station, first with a code of the wrong shape
        await page.ClickAsync("a[href='admin/organizations']");
        await page.WaitInteractiveAsync();
        await page.ClickAsync("#org-new");
        await page.SelectOptionAsync("#org-kind", "Station");
        await page.SelectOptionAsync("#org-parent", new SelectOptionValue { Label = "西溪街道社区卫生服务中心" });
        await page.SetFieldAsync("#org-name", "翠苑社区卫生服务站");
        await page.SetFieldAsync("#org-code", "3301060020");
        await page.ClickAsync("#org-save");
        await Expect(page.Locator("[data-field-error=divisionCode]")).ToHaveTextAsync("村（居）委会区划代码应为 12 位数字");
        await page.SetFieldAsync("#org-code", "330106002003");
        await page.ClickAsync("#org-save");
        await Expect(page.Locator("[data-testid=saved]")).ToContainTextAsync("翠苑社区卫生服务站");
        await Expect(page.Locator("[data-testid=org-table]")).ToContainTextAsync("330106002003");

        // an account in the new station
        await page.ClickAsync("a[href='admin/staff']");
        await page.WaitInteractiveAsync();
        await page.ClickAsync("#staff-new");
        await page.SetFieldAsync("#staff-username", "chen.yi");
        await page.SetFieldAsync("#staff-password", "Cuiyuan2026Go");
        await page.SetFieldAsync("#staff-name", "陈一");
        await page.SelectOptionAsync("#staff-org", new SelectOptionValue { Label = "翠苑社区卫生服务站" });
        await page.CheckAsync("#role-FamilyDoctor");
        await page.ClickAsync("#staff-save");
        await Expect(page.Locator("[data-testid=saved]")).ToContainTextAsync("chen.yi");
        await Expect(page.Locator("[data-testid=staff-table]")).ToContainTextAsync("陈一");

        // the same account name again: a clear Chinese message at the field, nothing written
        await page.ClickAsync("#staff-new");
        await page.SetFieldAsync("#staff-username", "chen.yi");
        await page.SetFieldAsync("#staff-password", "Another2026Go");
        await page.SetFieldAsync("#staff-name", "陈二");
        await page.SelectOptionAsync("#staff-org", new SelectOptionValue { Label = "翠苑社区卫生服务站" });
        await page.CheckAsync("#role-Nurse");
        await page.ClickAsync("#staff-save");
        await Expect(page.Locator("[data-field-error=userName]")).ToHaveTextAsync("该用户名已被使用，请换一个");
        await Expect(page.Locator("#staff-username")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-invalid"));

        await using var db = fixture.App.Services.GetRequiredService<IHealthDbFactory>().Create(DataScope.System);
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "chen.yi"));
        Assert.False(await db.Users.AnyAsync(u => u.DisplayName == "陈二"));

        // the audit trail has who, role and client address for what was done in the browser
        var created = await db.AuditEntries.Where(a => a.Entity == "Staff" && a.Action == "create" && a.Detail!.StartsWith("chen.yi")).SingleAsync();
        Assert.Equal("admin", created.UserName);
        Assert.Equal("127.0.0.1", created.ClientAddress);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_long_list_is_paged_with_previous_and_next()
    {
        // 60 entries about one record: two pages of 50 in the audit log
        await using (var db = fixture.App.Services.GetRequiredService<IHealthDbFactory>().Create(DataScope.System))
        {
            var district = await db.Districts.Select(d => d.Id).FirstAsync();
            db.AuditEntries.AddRange(Enumerable.Range(0, 60).Select(i => new CommunityHealth.Data.Audit.AuditEntry
            {
                Id = Guid.CreateVersion7(), DistrictId = district, At = fixture.App.Clock.GetUtcNow().UtcDateTime.AddSeconds(-i), UserName = "admin", Entity = "Resident",
                EntityId = "pager-check", Action = "view", Detail = $"row {i}",
            }));
            await db.SaveChangesAsync();
        }
        var page = await SignInAsync("admin", TestApp.AdminPassword);
        await page.GotoAsync(fixture.BaseUrl + "/admin/audit");
        await page.WaitInteractiveAsync();
        await page.SetFieldAsync("#audit-entityid", "pager-check");
        await page.ClickAsync("#audit-search");
        var pager = page.Locator("[data-testid=pager]");
        await Expect(pager).ToContainTextAsync("第 1 / 2 页");
        await Expect(pager.Locator("button", new() { HasText = "上一页" })).ToBeDisabledAsync();
        await pager.Locator("button", new() { HasText = "下一页" }).ClickAsync();
        await Expect(pager).ToContainTextAsync("第 2 / 2 页");
        await Expect(pager.Locator("button", new() { HasText = "下一页" })).ToBeDisabledAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(10);
        await pager.Locator("button", new() { HasText = "上一页" }).ClickAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(50);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_a_chinese_message_and_english_is_switchable()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", "doctor1");
        await page.FillAsync("#password", "NotThePassword1");
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("用户名或密码错误");
        await page.ClickAsync("text=English");
        await Expect(page.Locator("#login-submit")).ToHaveTextAsync("Sign in");
        await page.FillAsync("#username", "doctor1");
        await page.FillAsync("#password", TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("My work list");
        await page.ClickAsync("text=中文");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("我的工作清单");
        await page.CloseAsync();
    }
}
