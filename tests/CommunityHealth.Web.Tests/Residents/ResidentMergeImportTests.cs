using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommunityHealth.Web.Tests.Residents;

public abstract class ResidentMergeImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static int _seq = 700;

    private async Task<string> StationAsync(string code) =>
        (await (await app.ClientAsync("admin")).GetJsonAsync("/api/organizations")).Items().Single(o => o.Str("divisionCode") == code).Str("id");

    private static string NewId(DateOnly birth) => IdCardNumber.Compose("330106", birth, Interlocked.Increment(ref _seq) % 1000);

    private static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    [Fact]
    public async Task A_duplicate_is_flagged_merged_with_its_history_and_the_merge_is_undone()
    {
        var doctor = await app.ClientAsync("doctor1");
        var director = await app.ClientAsync("director1");
        var station = await StationAsync("330106001001");
        var first = await (await doctor.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name = "孙重复", documentType = "01", documentNumber = NewId(new DateOnly(1961, 2, 2)), residenceType = "1", phone = "13600001234" } })).ReadJsonAsync();
        var second = await (await doctor.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name = "孙重复", documentType = "03", documentNumber = "G7654321", sex = "1", birthDate = "1961-02-02", residenceType = "1", address = "葛岭路 1 号" } })).ReadJsonAsync();
        Assert.True(second.GetProperty("possibleDuplicate").GetBoolean());
        var dupId = second.Str("id");
        await doctor.PostAsJsonAsync($"/api/residents/{dupId}/encounters", new { date = "2026-11-20", subjective = "咳嗽" });

        var candidates = await director.GetJsonAsync("/api/residents/duplicates");
        Assert.Contains(candidates.Items(), c => c.GetProperty("record").Str("id") == dupId);

        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.PostAsJsonAsync($"/api/residents/{first.Str("id")}/merge", new { duplicateId = dupId, reason = "同一人" })).StatusCode);
        var merged = await director.PostAsJsonAsync($"/api/residents/{first.Str("id")}/merge", new { duplicateId = dupId, reason = "同一人" });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var mergeId = (await merged.ReadJsonAsync()).Str("id");
        Assert.Single((await director.GetJsonAsync($"/api/residents/{first.Str("id")}/encounters")).Items());
        Assert.Equal("Merged", (await director.GetJsonAsync($"/api/residents/{dupId}")).Str("status"));
        Assert.Equal("葛岭路 1 号", (await director.GetJsonAsync($"/api/residents/{first.Str("id")}")).GetProperty("record").Str("address"));

        var undo = await director.PostAsync($"/api/resident-merges/{mergeId}/undo", null);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Empty((await director.GetJsonAsync($"/api/residents/{first.Str("id")}/encounters")).Items());
        Assert.Single((await director.GetJsonAsync($"/api/residents/{dupId}/encounters")).Items());
        Assert.Equal("Active", (await director.GetJsonAsync($"/api/residents/{dupId}")).Str("status"));
        Assert.Equal(JsonValueKindNull, (await director.GetJsonAsync($"/api/residents/{first.Str("id")}")).GetProperty("record").GetProperty("address").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await director.PostAsync($"/api/resident-merges/{mergeId}/undo", null)).StatusCode);

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == dupId && a.Action == "merge"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == dupId && a.Action == "unmerge"));
    }

    private static System.Text.Json.JsonValueKind JsonValueKindNull => System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_csv_in_gb18030_is_previewed_imported_once_and_re_importing_creates_nothing()
    {
        var nurse = await app.ClientAsync("nurse2");
        var ids = Enumerable.Range(0, 3).Select(i => NewId(new DateOnly(1970 + i, 3, 3))).ToList();
        var csv = "姓名,证件类型,证件号码,性别,出生日期,本人电话,常住类型,民族,现住址,管理机构区划代码,责任团队\r\n" +
                  $"导入甲,居民身份证,{ids[0]},,,13700000001,户籍,汉族,\"葛岭路 2 号, 3 幢\",330106001002,\r\n" +
                  $"导入乙,01,{ids[1]},,,,1,01,,330106001002,\r\n" +
                  $"导入丙,居民身份证,{ids[2]},,,,户籍,汉族,,330106001002,\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(csv);

        var preview = await (await nurse.PostAsync("/api/residents/import/preview", File(bytes, "居民.csv"))).ReadJsonAsync();
        Assert.Equal(3, preview.GetProperty("toCreate").GetInt32());
        await using var db = app.SystemDb();
        Assert.Equal(0, await db.Residents.CountAsync(r => r.Name.StartsWith("导入")));

        var imported = await nurse.PostAsync("/api/residents/import", File(bytes, "居民.csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, (await imported.ReadJsonAsync()).GetProperty("created").GetInt32());
        Assert.Equal("葛岭路 2 号, 3 幢", (await db.Residents.SingleAsync(r => r.Name == "导入甲")).Address);

        var again = await (await nurse.PostAsync("/api/residents/import", File(bytes, "居民.csv"))).ReadJsonAsync();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(3, again.GetProperty("alreadyRegistered").GetInt32());
        Assert.Equal(3, await db.Residents.CountAsync(r => r.Name.StartsWith("导入")));
    }

    [Fact]
    public async Task An_xlsx_with_one_bad_row_imports_nothing_and_names_the_row_in_chinese()
    {
        var nurse = await app.ClientAsync("nurse2");
        var good = NewId(new DateOnly(1980, 8, 8));
        var bad = NewId(new DateOnly(1981, 8, 8));
        bad = bad[..17] + (bad[17] == '0' ? '1' : '0');
        var rows = new[]
        {
            new Dictionary<string, object> { ["姓名"] = "表格甲", ["证件类型"] = "居民身份证", ["证件号码"] = good, ["常住类型"] = "户籍", ["管理机构区划代码"] = "330106001002" },
            new Dictionary<string, object> { ["姓名"] = "表格乙", ["证件类型"] = "居民身份证", ["证件号码"] = bad, ["常住类型"] = "户籍", ["管理机构区划代码"] = "330106001002" },
            new Dictionary<string, object> { ["姓名"] = "表格丙", ["证件类型"] = "居民身份证", ["证件号码"] = good, ["常住类型"] = "户籍", ["管理机构区划代码"] = "330106009009" },
        };
        using var ms = new MemoryStream();
        ms.SaveAs(rows);
        var r = await nurse.PostAsync("/api/residents/import", File(ms.ToArray(), "居民.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var errors = (await r.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("第 3 行", errors.GetProperty("rows[3]")[0].GetString());
        Assert.Contains("校验位", errors.GetProperty("rows[3]")[0].GetString());
        Assert.True(errors.TryGetProperty("rows[4]", out var row4));
        Assert.Contains(row4.EnumerateArray(), m => m.GetString()!.Contains("第 2 行"));
        await using var db = app.SystemDb();
        Assert.False(await db.Residents.AnyAsync(x => x.Name.StartsWith("表格")));
    }

    [Fact]
    public async Task Search_results_export_to_excel_with_chinese_headers_and_masked_numbers()
    {
        var doctor = await app.ClientAsync("doctor1");
        var station = await StationAsync("330106001001");
        var id = NewId(new DateOnly(1966, 6, 6));
        await doctor.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name = "导出测试", documentType = "01", documentNumber = id, residenceType = "1", phone = "13512345678" } });
        var r = await doctor.GetAsync($"/api/residents/export?q={Uri.EscapeDataString("导出")}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var ms = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        var rows = ms.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("导出测试", row["姓名"]);
        Assert.Equal(id[..6] + "********" + id[14..], row["证件号码"]);
        Assert.Equal("135****5678", row["本人电话"]);
        var template = await doctor.GetAsync("/api/residents/import/template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
    }
}

public sealed class ResidentMergeImportTestsSqlite(SqliteApp app) : ResidentMergeImportTests<SqliteApp>(app);
public sealed class ResidentMergeImportTestsPostgres(PostgresApp app) : ResidentMergeImportTests<PostgresApp>(app);

public abstract class HouseholdTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task A_member_moves_between_households_and_both_keep_the_history()
    {
        var doctor = await app.ClientAsync("doctor1");
        var station = (await doctor.GetJsonAsync("/api/organizations")).Items().Single().Str("id");
        var head = await (await doctor.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station, record = new { name = "户主甲", documentType = "03", documentNumber = "H0001", sex = "1", birthDate = "1970-01-01", residenceType = "1" },
            household = new { newAddress = "宝石一路 1 号" },
        })).ReadJsonAsync();
        var first = head.Str("householdId");
        var child = await (await doctor.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station, record = new { name = "子女乙", documentType = "03", documentNumber = "H0002", sex = "2", birthDate = "1998-01-01", residenceType = "1" },
            household = new { householdId = first, relationship = "30" },
        })).ReadJsonAsync();
        var moved = await doctor.PostAsJsonAsync($"/api/residents/{child.Str("id")}/household", new { newAddress = "宝石二路 9 号" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var second = (await moved.ReadJsonAsync()).Str("householdId");
        Assert.NotEqual(first, second);

        var old = await doctor.GetJsonAsync($"/api/households/{first}");
        var left = old.GetProperty("members").Items().Single(m => m.Str("name") == "子女乙");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, left.GetProperty("to").ValueKind);
        var now = await doctor.GetJsonAsync($"/api/households/{second}");
        Assert.Equal("01", now.GetProperty("members").Items().Single().Str("relationship"));
        Assert.Contains((await doctor.GetJsonAsync($"/api/residents/{child.Str("id")}/history")).Items(), h => h.Str("field") == "householdId");

        var again = await doctor.PostAsJsonAsync($"/api/residents/{child.Str("id")}/household", new { householdId = second, relationship = "01" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var noRelation = await doctor.PostAsJsonAsync($"/api/residents/{child.Str("id")}/household", new { householdId = first });
        Assert.True((await noRelation.ReadJsonAsync()).GetProperty("errors").TryGetProperty("household.relationship", out _));
    }
}

public sealed class HouseholdTestsSqlite(SqliteApp app) : HouseholdTests<SqliteApp>(app);
public sealed class HouseholdTestsPostgres(PostgresApp app) : HouseholdTests<PostgresApp>(app);
