using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.Residents;

public abstract class HouseholdSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static int _seq = 600;

    private async Task<string> OrgIdAsync(string code) =>
        (await (await app.ClientAsync("admin")).GetJsonAsync("/api/organizations")).Items().Single(o => o.Str("divisionCode") == code).Str("id");

    private static string NewId(DateOnly birth, bool male) =>
        IdCardNumber.Compose("330106", birth, (Interlocked.Increment(ref _seq) * 2 + (male ? 1 : 0)) % 1000);

    private static async Task<(string Id, string HouseholdId)> RegisterAsync(HttpClient client, string station, string name, DateOnly birth, bool male,
        string? phone, object household)
    {
        var r = await client.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station,
            record = new { name, documentType = "01", documentNumber = NewId(birth, male), phone, residenceType = "1" },
            household,
        });
        var created = await r.ReadJsonAsync();
        Assert.True(r.IsSuccessStatusCode, created.GetRawText());
        return (created.Str("id"), created.Str("householdId"));
    }

    [Fact]
    public async Task A_household_is_found_by_address_or_by_a_members_name_within_the_users_scope_and_the_read_is_audited()
    {
        var doctor = await app.ClientAsync("doctor1");
        var station = await OrgIdAsync("330106001001");
        var (headId, householdId) = await RegisterAsync(doctor, station, "蒋户主", new DateOnly(1966, 3, 4), male: true, "13700001111",
            new { newAddress = "翠苑三区 12 幢 301 室" });
        var (memberId, joined) = await RegisterAsync(doctor, station, "蒋小成员", new DateOnly(1995, 8, 9), male: false, null,
            new { householdId, relationship = "30" });
        Assert.Equal(householdId, joined);

        var byAddress = (await doctor.GetJsonAsync($"/api/households?q={Uri.EscapeDataString("翠苑三区 12 幢")}")).Items().ToList();
        var hit = Assert.Single(byAddress, h => h.Str("id") == householdId);
        Assert.Equal("翠苑三区 12 幢 301 室", hit.Str("address"));
        Assert.Equal("蒋户主", hit.GetProperty("head").Str("name"));
        Assert.Equal(headId, hit.GetProperty("head").Str("residentId"));
        Assert.Equal(2, hit.GetProperty("memberCount").GetInt32());
        Assert.Equal("137****1111", hit.Str("maskedPhone"));

        // a member's name (prefix), pinyin initials or record number finds the household and says who matched
        foreach (var q in new[] { "蒋小成", "jxcy" })
        {
            var found = Assert.Single((await doctor.GetJsonAsync($"/api/households?q={Uri.EscapeDataString(q)}")).Items(), h => h.Str("id") == householdId);
            Assert.Equal(memberId, found.GetProperty("match").Str("residentId"));
            Assert.Equal("蒋户主", found.GetProperty("head").Str("name"));
        }

        // another station's doctor finds neither by address nor by name
        var other = await app.ClientAsync("doctor4");
        Assert.DoesNotContain((await other.GetJsonAsync($"/api/households?q={Uri.EscapeDataString("翠苑三区 12 幢")}")).Items(), h => h.Str("id") == householdId);
        Assert.DoesNotContain((await other.GetJsonAsync($"/api/households?q={Uri.EscapeDataString("蒋小成员")}")).Items(), h => h.Str("id") == householdId);

        // the people shown are recorded as viewed by the doctor who searched
        await app.FlushAuditAsync();
        await using var db = app.SystemDb();
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserName == "doctor1" && a.Action == "view" && a.Detail != null && a.Detail.StartsWith("GET /api/households")).ToListAsync();
        Assert.Contains(audited, a => a.EntityId == headId || a.Detail!.Contains(headId));
        Assert.Contains(audited, a => a.EntityId == memberId || a.Detail!.Contains(memberId));
    }

    [Fact]
    public async Task A_household_whose_head_has_no_phone_shows_another_members_masked_phone_and_closed_members_are_not_counted()
    {
        var doctor = await app.ClientAsync("doctor2");
        var station = await OrgIdAsync("330106001002");
        var (_, householdId) = await RegisterAsync(doctor, station, "韦户主", new DateOnly(1970, 1, 2), male: true, null, new { newAddress = "文一路 77 号 5 单元" });
        await RegisterAsync(doctor, station, "韦配偶", new DateOnly(1971, 5, 6), male: false, "13900002222", new { householdId, relationship = "10" });
        var (leaving, _) = await RegisterAsync(doctor, station, "韦子", new DateOnly(2001, 5, 6), male: true, null, new { householdId, relationship = "20" });
        var moved = await doctor.PostAsJsonAsync($"/api/residents/{leaving}/household", new { newAddress = "文一路 78 号" });
        Assert.True(moved.IsSuccessStatusCode);

        var hit = Assert.Single((await doctor.GetJsonAsync($"/api/households?q={Uri.EscapeDataString("文一路 77 号")}")).Items());
        Assert.Equal(householdId, hit.Str("id"));
        Assert.Equal(2, hit.GetProperty("memberCount").GetInt32());
        Assert.Equal("139****2222", hit.Str("maskedPhone"));
        // the one who left is found in his new household, not the old one
        var his = Assert.Single((await doctor.GetJsonAsync($"/api/households?q={Uri.EscapeDataString("韦子")}")).Items());
        Assert.Equal("文一路 78 号", his.Str("address"));
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("%20%20", "q")]
    [InlineData("q=x&limit=0", "limit")]
    [InlineData("q=x&limit=51", "limit")]
    [InlineData("q=x&limit=abc", "limit")]
    public async Task Bad_look_ups_are_problem_details_naming_the_field(string query, string field)
    {
        var doctor = await app.ClientAsync("doctor1");
        var url = query.Contains('=') ? $"/api/households?{query}" : $"/api/households?q={query}";
        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync(url), field);
    }

    [Fact]
    public async Task An_overlong_look_up_is_refused_at_q()
    {
        var doctor = await app.ClientAsync("doctor1");
        var message = await ProblemAssert.FieldErrorAsync(await doctor.GetAsync($"/api/households?q={new string('路', 101)}"), "q");
        Assert.Contains("100", message);
    }
}

public sealed class HouseholdSearchTestsSqlite(SqliteApp app) : HouseholdSearchTests<SqliteApp>(app);
public sealed class HouseholdSearchTestsPostgres(PostgresApp app) : HouseholdSearchTests<PostgresApp>(app);
