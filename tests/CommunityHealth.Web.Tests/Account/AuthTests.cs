using System.Net;
using System.Net.Http.Json;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.Account;

public abstract class AuthTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var r = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task Token_is_issued_for_valid_credentials_and_accepted_as_bearer()
    {
        var client = app.CreateClient();
        var r = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = TestApp.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await r.ReadJsonAsync();
        Assert.Equal(8 * 3600, body.GetProperty("expires_in").GetInt32());
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.Str("access_token"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fhir/Organization")).StatusCode);
    }

    [Theory]
    [InlineData("/api/organizations")]
    [InlineData("/api/staff")]
    [InlineData("/fhir/Organization")]
    [InlineData("/fhir/Practitioner")]
    public async Task Machine_routes_without_a_token_answer_401_not_a_login_redirect(string url)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var r = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_401_with_a_chinese_problem()
    {
        var r = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "doctor1", password = "Wrong2026Pass" });
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("用户名或密码错误", (await r.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task Missing_credentials_are_400_problem_details()
    {
        var r = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "", password = "" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await r.ReadJsonAsync();
        Assert.True(body.GetProperty("errors").TryGetProperty("username", out _));
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_and_an_administrator_unlocks_it()
    {
        var admin = await app.ClientAsync("admin");
        var orgs = await admin.GetJsonAsync("/api/organizations");
        var station = orgs.Items().First(o => o.Str("divisionCode") == "330106002002").Str("id");
        var created = await admin.PostAsJsonAsync("/api/staff", new
        {
            userName = "lock.me", displayName = "锁定测试", password = "Locked2026Pass", organizationId = station, roles = new[] { "Nurse" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).Str("id");

        var anon = app.CreateClient();
        for (var i = 0; i < 5; i++)
            await anon.PostAsJsonAsync("/api/auth/token", new { username = "lock.me", password = "Wrong2026Pass" });
        var locked = await anon.PostAsJsonAsync("/api/auth/token", new { username = "lock.me", password = "Locked2026Pass" });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("锁定", (await locked.ReadJsonAsync()).Str("detail"));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/staff/{id}/unlock", null)).StatusCode);
        var ok = await anon.PostAsJsonAsync("/api/auth/token", new { username = "lock.me", password = "Locked2026Pass" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == "sign-in-failed") >= 5);
    }

    [Fact]
    public async Task A_deactivated_account_loses_its_token_at_once()
    {
        var admin = await app.ClientAsync("admin");
        var orgs = await admin.GetJsonAsync("/api/organizations");
        var station = orgs.Items().First(o => o.Str("divisionCode") == "330106002001").Str("id");
        var created = await admin.PostAsJsonAsync("/api/staff", new
        {
            userName = "leaver", displayName = "离职人员", password = "Leaving2026Now", organizationId = station, roles = new[] { "FamilyDoctor" },
        });
        var id = (await created.ReadJsonAsync()).Str("id");
        var leaver = app.CreateClient();
        leaver.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("leaver", "Leaving2026Now"));
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/organizations")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/staff/{id}", new { isActive = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.GetAsync("/api/organizations")).StatusCode);
        var again = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "leaver", password = "Leaving2026Now" });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_400_never_500()
    {
        var admin = await app.ClientAsync("admin");
        var r = await admin.PostAsync("/api/organizations", new StringContent("{\"kind\": \"Hospital\", \"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var r2 = await admin.PostAsync("/api/organizations", new StringContent("{\"kind\": \"Hospital\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_admin_api()
    {
        var doc = await app.CreateClient().GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/api/auth/token", "/api/organizations", "/api/organizations/{id}", "/api/teams", "/api/staff", "/api/staff/{id}/password", "/api/audit" })
            Assert.True(paths.TryGetProperty(p, out _), p);
    }

    [Fact]
    public async Task Both_providers_have_no_pending_model_changes()
    {
        await using var db = app.SystemDb();
        Assert.Equal(app.Provider.ToString(), app.Service<CommunityHealth.Data.IHealthDbFactory>().Provider);
        Assert.Equal(app.Provider == Provider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class AuthTestsSqlite(SqliteApp app) : AuthTests<SqliteApp>(app);
public sealed class AuthTestsPostgres(PostgresApp app) : AuthTests<PostgresApp>(app);
