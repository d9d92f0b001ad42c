using System.Net;
using System.Net.Http.Json;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.Organizations;

/// <summary>Organisations, teams and staff through the JSON API: happy paths, bad input, nothing half-written.</summary>
public abstract class AdminApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<string> OrgIdAsync(string code) =>
        (await (await app.ClientAsync("admin")).GetJsonAsync("/api/organizations")).Items().Single(o => o.Str("divisionCode") == code).Str("id");

    private async Task<(int Orgs, int Users, int Teams)> CountsAsync()
    {
        await using var db = app.SystemDb();
        return (await db.Organizations.CountAsync(), await db.Users.CountAsync(), await db.Teams.CountAsync());
    }

    [Fact]
    public async Task Admin_creates_and_edits_a_station_and_it_is_audited()
    {
        var admin = await app.ClientAsync("admin");
        var center = await OrgIdAsync("330106002");
        var r = await admin.PostAsJsonAsync("/api/organizations", new
        {
            kind = "Station", parentId = center, name = "翠苑社区卫生服务站", divisionCode = "330106002003", address = "翠苑一区 3 幢", phone = "0571-88880000",
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var station = await r.ReadJsonAsync();
        Assert.Equal(center, station.Str("centerId"));
        var id = station.Str("id");

        var put = await admin.PutAsJsonAsync($"/api/organizations/{id}", new { name = "翠苑第一社区卫生服务站" });
        Assert.Equal("翠苑第一社区卫生服务站", (await put.ReadJsonAsync()).Str("name"));
        var closed = await admin.PutAsJsonAsync($"/api/organizations/{id}", new { isActive = false });
        Assert.False((await closed.ReadJsonAsync()).GetProperty("isActive").GetBoolean());

        // the director of that center sees the new station
        Assert.Contains((await (await app.ClientAsync("director2")).GetJsonAsync("/api/organizations")).Items(), o => o.Str("id") == id);

        var audit = await admin.GetJsonAsync($"/api/audit?entity=Organization&entityId={id}");
        var actions = audit.GetProperty("items").Items().Select(i => i.Str("action")).ToList();
        Assert.Equal(["close", "update", "create"], actions);
        var entry = audit.GetProperty("items").Items().Last();
        Assert.Equal("admin", entry.Str("userName"));
        Assert.Equal("SystemAdministrator", entry.Str("roles"));
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("organizationId").GetString()));
    }

    public static TheoryData<object, string> BadOrganizations => new()
    {
        { new { kind = "Station", name = "", divisionCode = "330106001009" }, "name" },
        { new { kind = "Station", name = new string('站', 101), divisionCode = "330106001009" }, "name" },
        { new { kind = "Station", name = "  ", divisionCode = "330106001009" }, "name" },
        { new { kind = "Station", name = "新站", divisionCode = "33010600100" }, "divisionCode" },
        { new { kind = "Station", name = "新站", divisionCode = "33010600100A" }, "divisionCode" },
        { new { kind = "Station", name = "新站", divisionCode = "330106001200" }, "divisionCode" },
        { new { kind = "Station", name = "新站", divisionCode = "330106002009" }, "divisionCode" },
        { new { kind = "Station", name = "新站", divisionCode = "" }, "divisionCode" },
        { new { kind = "Center", name = "新中心", divisionCode = "330106009" }, "parentId" },
        { new { kind = "Bureau", name = "新局", divisionCode = "330107" }, "kind" },
        { new { name = "新站", divisionCode = "330106001009" }, "kind" },
        { new { kind = "Station", name = "新站", divisionCode = "330106001009", phone = new string('1', 31) }, "phone" },
    };

    [Theory]
    [MemberData(nameof(BadOrganizations))]
    public async Task Bad_organization_input_is_400_at_the_field_and_nothing_is_written(object body, string field)
    {
        var admin = await app.ClientAsync("admin");
        var center = await OrgIdAsync("330106001");
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        if (!json.ContainsKey("parentId") && field != "parentId") json["parentId"] = center;
        if (field == "parentId") json["parentId"] = center; // a center under a center
        var before = await CountsAsync();
        var r = await admin.PostAsJsonAsync("/api/organizations", json);
        await ProblemAssert.FieldErrorAsync(r, field);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Staff_account_is_created_and_a_duplicate_name_is_a_chinese_field_error()
    {
        var admin = await app.ClientAsync("admin");
        var station = await OrgIdAsync("330106001003");
        var team = (await admin.GetJsonAsync($"/api/teams?organizationId={station}")).Items().First().Str("id");
        var body = new { userName = "wang.fang", displayName = "王芳", password = "Wangfang2026", organizationId = station, teamId = team, roles = new[] { "FamilyDoctor", "Nurse" }, phone = "13900001111", title = "主治医师" };
        var r = await admin.PostAsJsonAsync("/api/staff", body);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var created = await r.ReadJsonAsync();
        Assert.Equal(["FamilyDoctor", "Nurse"], created.GetProperty("roles").Items().Select(x => x.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "wang.fang", password = "Wangfang2026" })).StatusCode);

        var before = await CountsAsync();
        var dup = await admin.PostAsJsonAsync("/api/staff", body with { displayName = "另一个王芳" });
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        Assert.Equal("该用户名已被使用，请换一个", (await dup.ReadJsonAsync()).GetProperty("errors").GetProperty("userName")[0].GetString());
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string, string[], string> BadStaff => new()
    {
        { "ab", "Valid2026Pass", ["Nurse"], "userName" },
        { "Zhang", "Valid2026Pass", ["Nurse"], "userName" },
        { "zhang san", "Valid2026Pass", ["Nurse"], "userName" },
        { "zhang.san", "short1A", ["Nurse"], "password" },
        { "zhang.san", "alllowercase2026", ["Nurse"], "password" },
        { "zhang.san", "NoDigitsHereAtAll", ["Nurse"], "password" },
        { "zhang.san", "Zhang.san2026", ["Nurse"], "password" },
        { "zhang.san", "Valid2026Pass", ["Surgeon"], "roles" },
        { "zhang.san", "Valid2026Pass", [], "roles" },
        { "zhang.san", "Valid2026Pass", ["CenterDirector"], "roles" },
        { "zhang.san", "Valid2026Pass", ["SystemAdministrator"], "roles" },
    };

    [Theory]
    [MemberData(nameof(BadStaff))]
    public async Task Bad_staff_input_is_400_at_the_field_and_nothing_is_written(string userName, string password, string[] roles, string field)
    {
        var admin = await app.ClientAsync("admin");
        var station = await OrgIdAsync("330106001003");
        var before = await CountsAsync();
        var r = await admin.PostAsJsonAsync("/api/staff", new { userName, displayName = "张三", password, organizationId = station, roles });
        await ProblemAssert.FieldErrorAsync(r, field);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Teams_are_created_with_grids_edited_and_validated()
    {
        var director = await app.ClientAsync("director1");
        var station = await OrgIdAsync("330106001003");
        var nurse3 = (await director.GetJsonAsync("/api/staff?search=nurse3")).Items().Single().Str("id");
        var r = await director.PostAsJsonAsync("/api/teams", new { organizationId = station, name = "松木场第二团队", leaderId = nurse3, grids = new[] { "松木场北片", "松木场东片" } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.ReadJsonAsync()).Str("id");
        var put = await director.PutAsJsonAsync($"/api/teams/{id}", new { grids = new[] { "松木场北片", "松木场西片" } });
        Assert.Equal(["松木场北片", "松木场西片"], (await put.ReadJsonAsync()).GetProperty("grids").Items().Select(g => g.GetString()));

        var before = await CountsAsync();
        var dupName = await director.PostAsJsonAsync("/api/teams", new { organizationId = station, name = "松木场第二团队" });
        Assert.True((await dupName.ReadJsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
        var dupGrid = await director.PostAsJsonAsync("/api/teams", new { organizationId = station, name = "第三团队", grids = new[] { "甲", "甲" } });
        Assert.True((await dupGrid.ReadJsonAsync()).GetProperty("errors").TryGetProperty("grids", out _));
        var bureauTeam = await (await app.ClientAsync("admin")).PostAsJsonAsync("/api/teams", new { organizationId = await OrgIdAsync("330106"), name = "局团队" });
        Assert.True((await bureauTeam.ReadJsonAsync()).GetProperty("errors").TryGetProperty("organizationId", out _));
        var badLeader = await director.PostAsJsonAsync("/api/teams", new { organizationId = station, name = "第四团队", leaderId = Guid.NewGuid() });
        Assert.True((await badLeader.ReadJsonAsync()).GetProperty("errors").TryGetProperty("leaderId", out _));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Changing_a_division_code_keeps_it_inside_the_parent_and_unique()
    {
        var admin = await app.ClientAsync("admin");
        var center = await OrgIdAsync("330106001");
        var r = await admin.PutAsJsonAsync($"/api/organizations/{center}", new { divisionCode = "330106007" });
        Assert.True((await r.ReadJsonAsync()).GetProperty("errors").TryGetProperty("divisionCode", out _)); // has stations
        var station = await OrgIdAsync("330106001003");
        var taken = await admin.PutAsJsonAsync($"/api/organizations/{station}", new { divisionCode = "330106001002" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode); // another organisation has it: a conflict with stored data
        Assert.True((await taken.ReadJsonAsync()).GetProperty("errors").TryGetProperty("divisionCode", out _));
        Assert.Equal("330106001003", (await admin.GetJsonAsync($"/api/organizations/{station}")).Str("divisionCode"));
        var before = await CountsAsync();
        var created = await admin.PostAsJsonAsync("/api/organizations", new { kind = "Station", name = "新站", divisionCode = "330106001001", parentId = center });
        Assert.Equal(HttpStatusCode.Conflict, created.StatusCode);
        Assert.True((await created.ReadJsonAsync()).GetProperty("errors").TryGetProperty("divisionCode", out _));
        Assert.Equal(before, await CountsAsync());
    }
}

public sealed class AdminApiTestsSqlite(SqliteApp app) : AdminApiTests<SqliteApp>(app);
public sealed class AdminApiTestsPostgres(PostgresApp app) : AdminApiTests<PostgresApp>(app);
