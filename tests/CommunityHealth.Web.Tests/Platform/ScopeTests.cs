using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityHealth.Web.Tests.Infrastructure;

namespace CommunityHealth.Web.Tests.Platform;

/// <summary>
/// Data scope: a station sees itself, a center itself and its stations, the bureau the district —
/// through /api, /fhir and the UI routes alike. Outside the scope the answer is 404, never the data.
/// Demo layout: center 330106001 with stations …001001 (doctor1), …001002 (doctor2), …001003;
/// center 330106002 with stations …002001, …002002.
/// </summary>
public abstract class ScopeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<Dictionary<string, JsonElement>> OrgsByCodeAsync() =>
        (await (await app.ClientAsync("admin")).GetJsonAsync("/api/organizations")).Items().ToDictionary(o => o.Str("divisionCode"));

    private async Task<JsonElement> StaffAsync(string userName) =>
        (await (await app.ClientAsync("admin")).GetJsonAsync($"/api/staff?search={userName}")).Items().Single(s => s.Str("userName") == userName);

    [Theory]
    [InlineData("admin", new[] { "330106", "330106001", "330106001001", "330106001002", "330106001003", "330106002", "330106002001", "330106002002" })]
    [InlineData("bureau1", new[] { "330106", "330106001", "330106001001", "330106001002", "330106001003", "330106002", "330106002001", "330106002002" })]
    [InlineData("director1", new[] { "330106001", "330106001001", "330106001002", "330106001003" })]
    [InlineData("phs2", new[] { "330106002", "330106002001", "330106002002" })]
    [InlineData("doctor1", new[] { "330106001001" })]
    [InlineData("nurse5", new[] { "330106002002" })]
    public async Task Organizations_list_exactly_the_callers_subtree(string user, string[] expected)
    {
        var list = await (await app.ClientAsync(user)).GetJsonAsync("/api/organizations");
        Assert.Equal(expected.Order(), list.Items().Select(o => o.Str("divisionCode")).Order());
        var fhir = await (await app.ClientAsync(user)).GetJsonAsync("/fhir/Organization?_count=100");
        Assert.Equal(expected.Length, fhir.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Station_a_cannot_read_or_change_anything_of_station_b()
    {
        var orgs = await OrgsByCodeAsync();
        var stationB = orgs["330106001002"].Str("id");
        var doctor2 = (await StaffAsync("doctor2")).Str("id");
        var admin = await app.ClientAsync("admin");
        var teamB = (await admin.GetJsonAsync($"/api/teams?organizationId={stationB}")).Items().First().Str("id");
        var a = await app.ClientAsync("doctor1");

        foreach (var url in new[] { $"/api/organizations/{stationB}", $"/api/staff/{doctor2}", $"/api/teams/{teamB}", $"/fhir/Organization/{stationB}", $"/fhir/Practitioner/{doctor2}" })
        {
            var r = await a.GetAsync(url);
            Assert.True(r.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, url);
            var body = await r.Content.ReadAsStringAsync();
            Assert.DoesNotContain("葛岭", body);
            Assert.DoesNotContain("doctor2", body);
        }
        // a doctor holds no management permission: the answer is 403 before any lookup, the same for a row in scope and one
        // out of it, so it says nothing about whether the other station's rows exist
        var stationA = orgs["330106001001"].Str("id");
        var doctor1 = (await StaffAsync("doctor1")).Str("id");
        foreach (var (inScope, outOfScope, body) in new (string, string, object)[]
        {
            ($"/api/organizations/{stationA}", $"/api/organizations/{stationB}", new { name = "篡改" }),
            ($"/api/staff/{doctor1}", $"/api/staff/{doctor2}", new { displayName = "篡改" }),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await a.PutAsJsonAsync(inScope, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await a.PutAsJsonAsync(outOfScope, body)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PutAsJsonAsync($"/api/teams/{teamB}", new { name = "篡改" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostAsJsonAsync($"/api/staff/{doctor2}/password", new { password = "Hijack2026Pass" })).StatusCode);
        Assert.Equal("葛岭社区卫生服务站", (await admin.GetJsonAsync($"/api/organizations/{stationB}")).Str("name"));

        var staffList = await a.GetJsonAsync("/api/staff");
        Assert.All(staffList.Items(), s => Assert.Equal(orgs["330106001001"].Str("id"), s.Str("organizationId")));
        var practitioners = await a.GetJsonAsync("/fhir/Practitioner?_count=500");
        Assert.DoesNotContain("doctor2", practitioners.GetRawText());
        var teams = await a.GetJsonAsync("/api/teams");
        Assert.DoesNotContain(teams.Items(), t => t.Str("id") == teamB);

        Assert.Equal("葛岭社区卫生服务站", (await admin.GetJsonAsync($"/api/organizations/{stationB}")).Str("name"));
    }

    [Fact]
    public async Task A_center_director_cannot_reach_the_other_center()
    {
        var orgs = await OrgsByCodeAsync();
        var otherStation = orgs["330106002001"].Str("id");
        var director1 = await app.ClientAsync("director1");
        Assert.Equal(HttpStatusCode.NotFound, (await director1.GetAsync($"/api/organizations/{otherStation}")).StatusCode);
        var r = await director1.PostAsJsonAsync("/api/staff", new
        {
            userName = "intruder", displayName = "越权", password = "Intrude2026Pass", organizationId = otherStation, roles = new[] { "Nurse" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.ReadJsonAsync()).GetProperty("errors").TryGetProperty("organizationId", out _));
        var team = await director1.PostAsJsonAsync("/api/teams", new { organizationId = otherStation, name = "越权团队" });
        Assert.Equal(HttpStatusCode.BadRequest, team.StatusCode);
        Assert.DoesNotContain((await (await app.ClientAsync("admin")).GetJsonAsync("/api/staff?search=intruder")).Items(), _ => true);
    }

    [Fact]
    public async Task Ui_routes_render_only_in_scope_data()
    {
        var doctor1 = await app.SignedInClientAsync("doctor1");
        var orgPage = await doctor1.GetStringAsync("/admin/organizations");
        Assert.Contains("宝石社区卫生服务站", orgPage);
        Assert.DoesNotContain("葛岭社区卫生服务站", orgPage);
        Assert.DoesNotContain("西溪街道", orgPage);
        var staffPage = await doctor1.GetStringAsync("/admin/staff");
        Assert.Contains("您没有执行此操作的权限", staffPage);
        Assert.DoesNotContain("doctor2", staffPage);
        var teamsPage = await doctor1.GetStringAsync("/admin/teams");
        Assert.DoesNotContain("葛岭家庭医生团队", teamsPage);

        var director2 = await app.SignedInClientAsync("director2");
        var staff2 = await director2.GetStringAsync("/admin/staff");
        Assert.Contains("nurse4", staff2);
        Assert.DoesNotContain("nurse1", staff2);
    }

    [Fact]
    public async Task Ui_routes_redirect_anonymous_users_to_sign_in()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { "/", "/admin/organizations", "/admin/staff", "/admin/audit" })
        {
            var r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/login", r.Headers.Location!.PathAndQuery);
        }
    }
}

public sealed class ScopeTestsSqlite(SqliteApp app) : ScopeTests<SqliteApp>(app);
public sealed class ScopeTestsPostgres(PostgresApp app) : ScopeTests<PostgresApp>(app);
