using System.Net;
using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.Residents;

public abstract class ResidentApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static int _seq = 100;

    private async Task<string> OrgIdAsync(string code) =>
        (await (await app.ClientAsync("admin")).GetJsonAsync("/api/organizations")).Items().Single(o => o.Str("divisionCode") == code).Str("id");

    private static string NewId(DateOnly birth, bool male) =>
        IdCardNumber.Compose("330106", birth, (Interlocked.Increment(ref _seq) * 2 + (male ? 1 : 0)) % 1000);

    private async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string station, object record, object? household = null) =>
        await client.PostAsJsonAsync("/api/residents", new { organizationId = station, record, household });

    [Fact]
    public async Task A_doctor_registers_a_resident_from_an_id_number_and_finds_them_every_way()
    {
        var doctor = await app.ClientAsync("doctor1");
        var station = await OrgIdAsync("330106001001");
        var id = NewId(new DateOnly(1958, 6, 15), male: true);
        var r = await RegisterAsync(doctor, station, new
        {
            name = "张三丰", documentType = "01", documentNumber = id, phone = "13812345678", residenceType = "1", ethnicity = "01",
            abo = "3", rh = "2", education = "6", occupation = "8", marital = "2", payments = new[] { "2" }, drugAllergies = new[] { "2" },
            pastIllnesses = new[] { new { code = "2", diagnosedOn = "2015-03-01" } },
            surgeries = new[] { new { name = "阑尾切除术", date = "1990-05-01" } },
            familyHistory = new { father = new[] { "2", "7" } }, disabilities = new[] { "1" },
            living = new { kitchen = "2", fuel = "3", water = "1", toilet = "1", livestock = "1" }, address = "宝石二路 8 号 3 幢 201",
        }, new { newAddress = "宝石二路 8 号 3 幢 201" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var created = await r.ReadJsonAsync();
        var number = created.Str("recordNumber");
        Assert.Matches(@"^33010600100100\d{3}$", number);
        var record = created.GetProperty("record");
        Assert.Equal("1958-06-15", record.Str("birthDate"));
        Assert.Equal("1", record.Str("sex"));
        Assert.False(string.IsNullOrEmpty(created.GetProperty("householdId").GetString()));

        foreach (var q in new[] { "张三", "zsf", "ZS", id, id[^4..], id[^6..], "13812345678", number, number[9..], $"{number[9..12]}-{number[12..]}" })
        {
            var hits = (await doctor.GetJsonAsync($"/api/residents?q={Uri.EscapeDataString(q)}")).GetProperty("items");
            Assert.Contains(hits.Items(), h => h.Str("recordNumber") == number);
            var hit = hits.Items().First(h => h.Str("recordNumber") == number);
            Assert.Equal(id[..6] + "********" + id[14..], hit.Str("maskedDocument"));
            Assert.Equal("138****5678", hit.Str("maskedPhone"));
        }

        // out of scope: another station's doctor finds nothing and cannot read
        var other = await app.ClientAsync("doctor4");
        Assert.DoesNotContain((await other.GetJsonAsync("/api/residents?q=zsf")).GetProperty("items").Items(), h => h.Str("recordNumber") == number);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/residents/{created.Str("id")}")).StatusCode);

        // reading is audited
        await doctor.GetJsonAsync($"/api/residents/{created.Str("id")}");
        await app.FlushAuditAsync();
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == created.Str("id") && a.Action == "view" && a.UserName == "doctor1"));
    }

    public static TheoryData<string, string> BadRecords => new()
    {
        { """{"name":"李四","documentType":"01","documentNumber":"330106195806151235","residenceType":"1"}""", "documentNumber" },
        { """{"name":"李四","documentType":"01","documentNumber":"33010619580615123","residenceType":"1"}""", "documentNumber" },
        { """{"name":"李四","documentType":"01","documentNumber":"330106195802301232","residenceType":"1"}""", "documentNumber" },
        { """{"name":"","documentType":"03","documentNumber":"E12345678","sex":"1","birthDate":"1980-01-01","residenceType":"2"}""", "name" },
        { """{"name":"Tom","documentType":"03","documentNumber":"E12345678","sex":"1","birthDate":"2099-01-01","residenceType":"2"}""", "birthDate" },
        { """{"name":"Tom","documentType":"03","documentNumber":"E12345678","sex":"1","residenceType":"2"}""", "birthDate" },
        { """{"name":"Tom","documentType":"03","sex":"1","birthDate":"1980-01-01","residenceType":"2"}""", "documentNumber" },
        { """{"name":"Tom","documentType":"03","documentNumber":"E1","sex":"1","birthDate":"1980-01-01","residenceType":"2","phone":"12345"}""", "phone" },
        { """{"name":"Tom","documentType":"03","documentNumber":"E1","sex":"1","birthDate":"1980-01-01","residenceType":"9"}""", "residenceType" },
        { """{"name":"Tom","documentType":"03","documentNumber":"E1","sex":"1","birthDate":"1980-01-01","residenceType":"1","drugAllergies":["1","2"]}""", "drugAllergies" },
        { """{"name":"Tom","documentType":"03","documentNumber":"E1","sex":"1","birthDate":"1980-01-01","residenceType":"1","pastIllnesses":[{"code":"2","diagnosedOn":"1970-01-01"}]}""", "pastIllnesses[0].diagnosedOn" },
        { """{"name":"Tom","documentType":"03","documentNumber":"E1","sex":"1","birthDate":"1980-01-01","residenceType":"1","pastIllnesses":[{"code":"2"}]}""", "pastIllnesses[0].diagnosedOn" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task Bad_records_are_400_at_the_field_and_nothing_is_stored(string record, string field)
    {
        var doctor = await app.ClientAsync("doctor2");
        var station = await OrgIdAsync("330106001002");
        await using var db = app.SystemDb();
        var before = await db.Residents.CountAsync();
        var body = $$"""{"organizationId":"{{station}}","record":{{record}}}""";
        var r = await doctor.PostAsync("/api/residents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.FieldErrorAsync(r, field);
        Assert.Equal(before, await db.Residents.CountAsync());
    }

    [Fact]
    public async Task An_id_number_registers_once_and_the_message_points_to_the_record()
    {
        var doctor = await app.ClientAsync("doctor3");
        var station = await OrgIdAsync("330106001003");
        var id = NewId(new DateOnly(1990, 2, 3), male: false);
        var record = new { name = "王五", documentType = "01", documentNumber = id, residenceType = "1" };
        var first = await (await RegisterAsync(doctor, station, record)).ReadJsonAsync();
        var again = await RegisterAsync(doctor, station, record with { name = "王五五" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // a conflict with stored data (issue 19)
        Assert.Contains(first.Str("recordNumber"), (await again.ReadJsonAsync()).GetProperty("errors").GetProperty("documentNumber")[0].GetString());
        var elsewhere = await RegisterAsync(await app.ClientAsync("doctor5"), await OrgIdAsync("330106002002"), record);
        Assert.Contains("其他机构", (await elsewhere.ReadJsonAsync()).GetProperty("errors").GetProperty("documentNumber")[0].GetString());
    }

    [Fact]
    public async Task Residents_without_an_id_number_and_legacy_numbers_are_registered()
    {
        var nurse = await app.ClientAsync("nurse1");
        var station = await OrgIdAsync("330106001001");
        var newborn = await RegisterAsync(nurse, station, new { name = "刘宝宝", documentType = "08", documentNumber = "Q330000123", sex = "2", birthDate = "2026-11-01", residenceType = "1" });
        Assert.Equal(HttpStatusCode.Created, newborn.StatusCode);
        var foreigner = await RegisterAsync(nurse, station, new { name = "John Smith", documentType = "03", documentNumber = "P1234567", sex = "1", birthDate = "1975-04-04", residenceType = "2" });
        Assert.Equal(HttpStatusCode.Created, foreigner.StatusCode);
        var legacy = await RegisterAsync(nurse, station, new { name = "赵老", documentType = "01", documentNumber = "330106400101002", residenceType = "1" });
        var body = await legacy.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, legacy.StatusCode);
        Assert.Equal(18, body.GetProperty("record").Str("documentNumber").Length);
        Assert.Equal("1940-01-01", body.GetProperty("record").Str("birthDate"));
    }

    [Fact]
    public async Task Updates_keep_field_history_close_keeps_the_record_and_transfer_moves_it()
    {
        var director = await app.ClientAsync("director1");
        var station1 = await OrgIdAsync("330106001001");
        var station3 = await OrgIdAsync("330106001003");
        var id = NewId(new DateOnly(1950, 1, 20), male: true);
        var created = await (await RegisterAsync(director, station1, new { name = "钱六", documentType = "01", documentNumber = id, residenceType = "1", phone = "13900000001" })).ReadJsonAsync();
        var rid = created.Str("id");
        var update = await director.PutAsJsonAsync($"/api/residents/{rid}", new { name = "钱六", documentType = "01", documentNumber = id, residenceType = "1", phone = "13900000002", marital = "3" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var history = await director.GetJsonAsync($"/api/residents/{rid}/history");
        var phone = history.Items().Single(h => h.Str("field") == "phone");
        Assert.Equal("13900000001", phone.Str("oldValue"));
        Assert.Equal("13900000002", phone.Str("newValue"));
        Assert.Equal("director1", phone.Str("userName"));

        var moved = await director.PostAsJsonAsync($"/api/residents/{rid}/transfer", new { organizationId = station3 });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(created.Str("recordNumber"), (await moved.ReadJsonAsync()).Str("recordNumber"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("doctor1")).GetAsync($"/api/residents/{rid}")).StatusCode);
        var doctor3 = await app.ClientAsync("doctor3");
        Assert.Contains((await doctor3.GetJsonAsync($"/api/residents/{rid}/history")).Items(), h => h.Str("field") == "phone");

        var badClose = await doctor3.PostAsJsonAsync($"/api/residents/{rid}/close", new { reason = "death", date = "2026-11-01" });
        Assert.True((await badClose.ReadJsonAsync()).GetProperty("errors").TryGetProperty("note", out _));
        var closed = await doctor3.PostAsJsonAsync($"/api/residents/{rid}/close", new { reason = "death", date = "2026-11-01", note = "脑卒中" });
        Assert.Equal("Closed", (await closed.ReadJsonAsync()).Str("status"));
        Assert.Equal("Closed", (await doctor3.GetJsonAsync($"/api/residents/{rid}")).Str("status"));
        Assert.Contains((await doctor3.GetJsonAsync($"/api/residents?q={id}")).GetProperty("items").Items(), h => h.Str("status") == "Closed");
        Assert.DoesNotContain((await doctor3.GetJsonAsync($"/api/residents?q={id}&includeClosed=false")).GetProperty("items").Items(), _ => true);
    }

    [Fact]
    public async Task Record_numbers_are_unique_under_concurrent_registration()
    {
        var station = await OrgIdAsync("330106002001");
        var doctor = await app.ClientAsync("doctor4");
        var tasks = Enumerable.Range(0, 20).Select(i => RegisterAsync(doctor, station, new
        {
            name = $"并发{(char)('甲' + i)}", documentType = "03", documentNumber = $"C{i:D6}", sex = "1", birthDate = "1980-01-01", residenceType = "1",
        }));
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).Str("recordNumber")));
        Assert.Equal(20, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_search_answers_one_page_and_the_number_of_matches()
    {
        var station = await OrgIdAsync("330106002001");
        var doctor = await app.ClientAsync("doctor4");
        for (var i = 0; i < 7; i++)
            Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(doctor, station, new
            {
                name = $"翻页{(char)('甲' + i)}", documentType = "03", documentNumber = $"P{i:D6}", sex = "2", birthDate = "1975-03-01", residenceType = "1",
            })).StatusCode);
        var first = await doctor.GetJsonAsync("/api/residents?q=翻页&pageSize=3");
        Assert.Equal((7, false, 1, 3), (first.GetProperty("total").GetInt32(), first.GetProperty("totalIsLowerBound").GetBoolean(),
            first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()));
        var names = new List<string>();
        foreach (var p in new[] { 1, 2, 3 })
        {
            var page = await doctor.GetJsonAsync($"/api/residents?q=翻页&pageSize=3&page={p}");
            Assert.Equal(p < 3 ? 3 : 1, page.GetProperty("items").GetArrayLength());
            Assert.Equal(7, page.GetProperty("total").GetInt32());
            names.AddRange(page.GetProperty("items").Items().Select(r => r.Str("name")));
        }
        Assert.Equal(7, names.Distinct().Count()); // the pages follow one order: no row twice, none left out
        // the default page is 50 rows; a bad page or size names its field
        Assert.Equal(50, (await doctor.GetJsonAsync("/api/residents?q=翻页")).GetProperty("pageSize").GetInt32());
        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync("/api/residents?q=翻页&page=0"), "page");
        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync("/api/residents?q=翻页&pageSize=500"), "pageSize");
    }

    [Fact]
    public async Task Pharmacists_and_receptionists_cannot_register()
    {
        foreach (var user in new[] { "pharm1", "recep1", "bureau1" })
        {
            var client = await app.ClientAsync(user);
            var orgs = (await client.GetJsonAsync("/api/organizations")).Items().ToList();
            var r = await RegisterAsync(client, orgs.First(o => o.Str("kind") != "Bureau" || orgs.Count == 1).Str("id"),
                new { name = "无权", documentType = "03", documentNumber = "X1", sex = "1", birthDate = "1980-01-01", residenceType = "1" });
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        }
    }
}

public sealed class ResidentApiTestsSqlite(SqliteApp app) : ResidentApiTests<SqliteApp>(app);
public sealed class ResidentApiTestsPostgres(PostgresApp app) : ResidentApiTests<PostgresApp>(app);
