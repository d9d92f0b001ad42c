using System.Net;
using System.Net.Http.Json;
using CommunityHealth.Web.Tests.Infrastructure;

namespace CommunityHealth.Web.Tests.Staff;

/// <summary>What each role may and may not do in the administration area (inside its own scope).</summary>
public abstract class RoleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<string> OwnOrgAsync(HttpClient client) => (await client.GetJsonAsync("/api/me")).Str("organizationId");

    private async Task<string> StationInScopeAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");

    [Theory]
    [InlineData("admin", true, "330106001171")]
    [InlineData("bureau1", false, "330106001172")]
    [InlineData("director1", false, "330106001173")]
    [InlineData("cdoctor1", false, "330106001174")]
    [InlineData("doctor1", false, "330106001175")]
    [InlineData("nurse1", false, "330106001176")]
    [InlineData("phs1", false, "330106001177")]
    [InlineData("pharm1", false, "330106001178")]
    [InlineData("recep1", false, "330106001179")]
    // Each row has its own valid village-committee code (101–199): a code derived from string.GetHashCode
    // changed with every process and landed on the invalid 100 once in 90 runs (CI stop 12).
    public async Task Only_the_administrator_creates_organizations(string user, bool allowed, string code)
    {
        var client = await app.ClientAsync(user);
        var parent = (await (await app.ClientAsync("admin")).GetJsonAsync("/api/organizations")).Items().Single(o => o.Str("divisionCode") == "330106001").Str("id");
        var r = await client.PostAsJsonAsync("/api/organizations", new { kind = "Station", parentId = parent, name = $"{user} 站", divisionCode = code });
        if (allowed) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        else Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{user}: {r.StatusCode}");
        if (!allowed && r.StatusCode == HttpStatusCode.BadRequest)
            Assert.True((await r.ReadJsonAsync()).GetProperty("errors").TryGetProperty("parentId", out _)); // parent out of scope
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("director1", true)]
    [InlineData("director2", true)]
    [InlineData("bureau1", false)]
    [InlineData("cdoctor1", false)]
    [InlineData("doctor1", false)]
    [InlineData("nurse1", false)]
    [InlineData("phs1", false)]
    [InlineData("pharm1", false)]
    [InlineData("recep1", false)]
    public async Task Administrators_and_directors_manage_staff_and_teams(string user, bool allowed)
    {
        var client = await app.ClientAsync(user);
        var station = user is "admin" or "bureau1" ? await StationInScopeAsync(client) : await StationInScopeOrOwnAsync(client);
        var staff = await client.PostAsJsonAsync("/api/staff", new
        {
            userName = $"new.{user}", displayName = "新同事", password = "Colleague2026", organizationId = station, roles = new[] { "Nurse" },
        });
        var team = await client.PostAsJsonAsync("/api/teams", new { organizationId = station, name = $"{user} 新团队" });
        var expected = allowed ? HttpStatusCode.Created : HttpStatusCode.Forbidden;
        Assert.Equal(expected, staff.StatusCode);
        Assert.Equal(expected, team.StatusCode);
    }

    private async Task<string> StationInScopeOrOwnAsync(HttpClient client)
    {
        var orgs = (await client.GetJsonAsync("/api/organizations")).Items().ToList();
        return (orgs.FirstOrDefault(o => o.Str("kind") == "Station").ValueKind == System.Text.Json.JsonValueKind.Object
            ? orgs.First(o => o.Str("kind") == "Station") : orgs.First()).Str("id");
    }

    [Fact]
    public async Task A_director_cannot_grant_district_roles()
    {
        var director = await app.ClientAsync("director1");
        var center = await OwnOrgAsync(director);
        foreach (var role in new[] { "SystemAdministrator", "BureauStaff" })
        {
            var r = await director.PostAsJsonAsync("/api/staff", new { userName = $"grant.{role.ToLowerInvariant()}", displayName = "提权", password = "Escalate2026", organizationId = center, roles = new[] { role } });
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.True((await r.ReadJsonAsync()).GetProperty("errors").TryGetProperty("roles", out _));
        }
        var self = (await director.GetJsonAsync("/api/me")).Str("userId");
        var promote = await director.PutAsJsonAsync($"/api/staff/{self}", new { roles = new[] { "CenterDirector", "BureauStaff" } });
        Assert.Equal(HttpStatusCode.BadRequest, promote.StatusCode);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("bureau1", HttpStatusCode.Forbidden)]
    [InlineData("director1", HttpStatusCode.Forbidden)]
    [InlineData("doctor1", HttpStatusCode.Forbidden)]
    [InlineData("recep2", HttpStatusCode.Forbidden)]
    public async Task Only_administrators_read_the_audit_trail(string user, HttpStatusCode expected)
    {
        var r = await (await app.ClientAsync(user)).GetAsync("/api/audit");
        Assert.Equal(expected, r.StatusCode);
    }

    [Fact]
    public async Task Everyone_signed_in_reads_their_own_organisations_and_practitioners()
    {
        foreach (var user in new[] { "bureau1", "director1", "cdoctor1", "doctor1", "nurse1", "phs1", "pharm1", "recep1" })
        {
            var client = await app.ClientAsync(user);
            Assert.NotEmpty((await client.GetJsonAsync("/api/organizations")).Items());
            Assert.True((await client.GetJsonAsync("/fhir/Practitioner")).GetProperty("total").GetInt32() > 0, user);
        }
    }
}

public sealed class RoleTestsSqlite(SqliteApp app) : RoleTests<SqliteApp>(app);
public sealed class RoleTestsPostgres(PostgresApp app) : RoleTests<PostgresApp>(app);
