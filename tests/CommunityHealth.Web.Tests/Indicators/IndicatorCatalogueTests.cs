using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityHealth.Data;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Platform.Indicators;
using CommunityHealth.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace CommunityHealth.Web.Tests.Indicators;

/// <summary>
/// The indicator catalogue over HTTP on a crafted station whose right answers are known by construction: values, the people
/// behind them (numerator ⊆ denominator, gap = denominator − numerator), population figures, board, ranking, trend, Excel,
/// FHIR, bad input, and a write showing at once.
/// </summary>
public abstract class IndicatorCatalogueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static int _seq;
    private static DateOnly Today => TestClock.Today;
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");
    private static readonly string Year = Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Crafted(string Center, string Station, string[] Elderly, string ChildJan, string ChildMay, string Adult);

    private static async Task<string> ResidentAsync(HttpClient admin, string station, DateOnly birth, string name)
    {
        var n = Interlocked.Increment(ref _seq);
        var id = IdCardNumber.Compose("330106", birth, (n * 2 + 500) % 1000);
        var r = await admin.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name, documentType = "01", documentNumber = id, residenceType = "1" } });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadJsonAsync()).Str("id");
    }

    /// <summary>A new station of the first center: four residents 65+ (two examined this year), two children born this year (one with MMR 1 and HepB 1), one adult.</summary>
    private async Task<Crafted> CraftAsync(HttpClient admin)
    {
        var orgs = (await admin.GetJsonAsync("/api/organizations")).Items().ToList();
        var center = orgs.First(o => o.Str("kind") == "Center");
        var code = center.Str("divisionCode")[..9] + (930 + Interlocked.Increment(ref _seq) % 60).ToString("D3");
        var created = await admin.PostAsJsonAsync("/api/organizations", new { kind = "Station", parentId = center.Str("id"), name = $"指标测试站{code[^3..]}", divisionCode = code });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var station = (await created.ReadJsonAsync()).Str("id");
        var elderly = new List<string>();
        for (var i = 0; i < 4; i++) elderly.Add(await ResidentAsync(admin, station, new DateOnly(1950, 3, 1 + i), "老年" + (char)('甲' + i)));
        foreach (var (e, month) in new[] { (elderly[0], 5), (elderly[1], 6) })
        {
            var exam = await admin.PostAsJsonAsync($"/api/residents/{e}/examinations", new { examDate = D(new DateOnly(Today.Year, month, 1)), doctor = "王医生", vitals = new { leftSystolic = 130, leftDiastolic = 80 } });
            Assert.True(exam.IsSuccessStatusCode, await exam.Content.ReadAsStringAsync());
        }
        var childJan = await ResidentAsync(admin, station, new DateOnly(Today.Year, 1, 10), "儿童甲");
        var childMay = await ResidentAsync(admin, station, new DateOnly(Today.Year, 5, 1), "儿童乙");
        var vaccinees = new List<string>();
        foreach (var c in new[] { childJan, childMay })
        {
            var v = await admin.PostAsJsonAsync("/api/vaccinees", new
            {
                residentId = c, certificateNumber = $"ZB{Guid.NewGuid():N}"[..20], guardianName = "李娜", guardianRelation = "母亲", guardianPhone = "13900001111", motherHBsAg = "Negative",
            });
            Assert.True(v.StatusCode == HttpStatusCode.Created, await v.Content.ReadAsStringAsync());
            vaccinees.Add((await v.ReadJsonAsync()).Str("id"));
        }
        var given = await admin.PostAsJsonAsync($"/api/vaccinees/{vaccinees[0]}/visits", new
        {
            doses = new[] { new { vaccine = "HepB", givenAt = $"{Today.Year}-01-10T09:00:00", lotNumber = "EXT" }, new { vaccine = "MMR", givenAt = $"{Today.Year}-09-15T09:00:00", lotNumber = "EXT" } },
        });
        Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
        var adult = await ResidentAsync(admin, station, new DateOnly(1980, 6, 1), "成人甲");
        return new Crafted(center.Str("id"), station, [.. elderly], childJan, childMay, adult);
    }

    private static async Task<JsonElement> ValueAsync(HttpClient c, string code, string org, string? period = null) =>
        await c.GetJsonAsync($"/api/indicators/{code}?org={org}&period={period ?? Year}");

    private static async Task<HashSet<string>> PeopleAsync(HttpClient c, string code, string org, string set)
    {
        var page = await c.GetJsonAsync($"/api/indicators/{code}/people?org={org}&period={Year}&set={set}&pageSize=500");
        var ids = page.GetProperty("items").Items().Select(p => p.Str("residentId")).ToHashSet();
        Assert.Equal(page.GetProperty("total").GetInt32(), ids.Count);
        return ids;
    }

    [Fact]
    public async Task The_catalogue_holds_every_indicator_of_the_existing_modules()
    {
        var c = await app.ClientAsync("director1");
        var all = (await c.GetJsonAsync("/api/indicators")).Items().ToList();
        var codes = all.Select(i => i.Str("code")).ToHashSet();
        foreach (var code in new[] { "records.coverage", "records.electronic", "records.usage", "imm.certificate", "imm.coverage.HepB-1", "imm.coverage.MMR-1",
                     "imm.coverage.MMR-2", "imm.coverage.BCG-1", "htn.management", "htn.standard", "htn.control", "dm.management", "dm.standard", "dm.control", "elderly.exam" })
            Assert.Contains(code, codes);
        var mmr = all.Single(i => i.Str("code") == "imm.coverage.MMR-1");
        Assert.Equal("CalendarYear", mmr.Str("periodType"));
        Assert.Equal(95m, mmr.GetProperty("target").GetDecimal());
        Assert.True(mmr.GetProperty("higherIsBetter").GetBoolean());
        Assert.Equal("residents", all.Single(i => i.Str("code") == "records.coverage").Str("population"));
        Assert.All((await c.GetJsonAsync("/api/indicators?programme=hypertension")).Items(), i => Assert.Equal("hypertension", i.Str("programme")));
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/indicators?programme=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/indicators/nope.nothing")).StatusCode);
    }

    [Fact]
    public async Task A_crafted_station_gives_the_known_values_people_sets_board_ranking_trend_and_fhir()
    {
        var admin = await app.ClientAsync("admin");
        var s = await CraftAsync(admin);

        var exam = await ValueAsync(admin, "elderly.exam", s.Station);
        Assert.Equal((2, 4, 50m, 70m, false), (exam.GetProperty("numerator").GetInt32(), exam.GetProperty("denominator").GetInt32(), exam.GetProperty("value").GetDecimal(),
            exam.GetProperty("target").GetDecimal(), exam.GetProperty("met").GetBoolean()));
        var usage = await ValueAsync(admin, "records.usage", s.Station);
        Assert.Equal((3, 7), (usage.GetProperty("numerator").GetInt32(), usage.GetProperty("denominator").GetInt32()));
        var mmr = await ValueAsync(admin, "imm.coverage.MMR-1", s.Station);
        Assert.Equal((1, 1), (mmr.GetProperty("numerator").GetInt32(), mmr.GetProperty("denominator").GetInt32())); // the May child reaches 8 months next year
        var hepB = await ValueAsync(admin, "imm.coverage.HepB-1", s.Station);
        Assert.Equal((1, 2), (hepB.GetProperty("numerator").GetInt32(), hepB.GetProperty("denominator").GetInt32()));
        var cert = await ValueAsync(admin, "imm.certificate", s.Station);
        Assert.Equal((2, 2), (cert.GetProperty("numerator").GetInt32(), cert.GetProperty("denominator").GetInt32()));

        // drill-down: the sets add up, and the gap is whom the team acts on
        var num = await PeopleAsync(admin, "elderly.exam", s.Station, "numerator");
        var den = await PeopleAsync(admin, "elderly.exam", s.Station, "denominator");
        var gap = await PeopleAsync(admin, "elderly.exam", s.Station, "gap");
        Assert.Equal([s.Elderly[0], s.Elderly[1]], num.Order());
        Assert.True(num.IsSubsetOf(den));
        Assert.Equal(den.Except(num).Order(), gap.Order());
        Assert.Equal([s.Elderly[2], s.Elderly[3]], gap.Order());
        var usageGap = await PeopleAsync(admin, "records.usage", s.Station, "gap");
        Assert.Equal(new[] { s.Elderly[2], s.Elderly[3], s.ChildMay, s.Adult }.Order(), usageGap.Order());
        var page = await admin.GetJsonAsync($"/api/indicators/elderly.exam/people?org={s.Station}&period={Year}&set=gap&pageSize=1&page=2");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").Items());
        Assert.Contains("*", page.GetProperty("items")[0].Str("phone") + "*"); // masked (or absent) as in every list
        var xlsx = await admin.GetAsync($"/api/indicators/elderly.exam/people/export?org={s.Station}&period={Year}&set=gap");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
            Assert.Equal(2, stream.Query(useHeaderRow: true).Count());

        // the population denominator: unknown until entered, then refused below the records, then used
        var coverage = await ValueAsync(admin, "records.coverage", s.Station);
        Assert.Equal(7, coverage.GetProperty("numerator").GetInt32());
        Assert.Equal(JsonValueKind.Null, coverage.GetProperty("value").ValueKind);
        Assert.Equal("未录入人口基数", coverage.Str("note"));
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync("/api/population", new { organizationId = s.Station, year = Today.Year, group = "residents", value = 5, source = "街道统计" }), "value");
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync("/api/population", new { organizationId = s.Station, year = Today.Year, group = "residents", value = -1, source = "街道统计" }), "value");
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync("/api/population", new { organizationId = s.Station, year = Today.Year, group = "residents", value = 10, source = " " }), "source");
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync("/api/population", new { organizationId = s.Station, year = Today.Year, group = "nope", value = 10, source = "x" }), "group");
        await using (var db = app.SystemDb())
            Assert.Equal(0, db.PopulationFigures.Count(p => p.OrganizationId == Guid.Parse(s.Station)));
        var set = await admin.PutAsJsonAsync("/api/population", new { organizationId = s.Station, year = Today.Year, group = "residents", value = 10, source = "街道统计年报" });
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        coverage = await ValueAsync(admin, "records.coverage", s.Station);
        Assert.Equal((10, 70m), (coverage.GetProperty("denominator").GetInt32(), coverage.GetProperty("value").GetDecimal()));
        await ProblemAssert.FieldErrorAsync(await admin.GetAsync($"/api/indicators/records.coverage/people?org={s.Station}&period={Year}&set=gap"), "set");
        var figures = (await admin.GetJsonAsync($"/api/population?org={s.Center}&year={Year}")).Items().ToList();
        var mine = figures.Single(f => f.Str("organizationId") == s.Station && f.Str("group") == "residents");
        Assert.Equal((10, 7), (mine.GetProperty("value").GetInt32(), mine.GetProperty("recordsHeld").GetInt32()));

        // the center adds its stations up; the board and the ranking show the new station beside the others
        var centerExam = await ValueAsync(admin, "elderly.exam", s.Center);
        Assert.True(centerExam.GetProperty("denominator").GetInt32() >= 4 && centerExam.GetProperty("numerator").GetInt32() >= 2);
        var board = await admin.GetJsonAsync($"/api/indicators/board?org={s.Center}&period={Year}");
        var orgIndex = board.GetProperty("organizations").Items().Select(o => o.Str("id")).ToList().IndexOf(s.Station);
        Assert.True(orgIndex >= 0);
        var codes = (await admin.GetJsonAsync("/api/indicators")).Items().Select(i => i.Str("code")).ToList();
        Assert.Equal(codes, board.GetProperty("rows").Items().Select(r => r.Str("code")).ToList());
        var examRow = board.GetProperty("rows").Items().Single(r => r.Str("code") == "elderly.exam");
        Assert.Equal(50m, examRow.GetProperty("cells")[orgIndex].GetProperty("value").GetDecimal());
        Assert.Equal(centerExam.GetProperty("numerator").GetInt32(), examRow.GetProperty("total").GetProperty("numerator").GetInt32());
        var ranking = await admin.GetJsonAsync($"/api/indicators/elderly.exam/ranking?org={s.Center}&period={Year}");
        Assert.Contains(ranking.GetProperty("children").Items(), c => c.Str("organizationId") == s.Station);
        var trend = (await admin.GetJsonAsync($"/api/indicators/elderly.exam/trend?org={s.Station}")).Items().ToList();
        Assert.Equal(12, trend.Count);
        Assert.Equal(Year, trend[^1].Str("period"));
        Assert.Equal(50m, trend[^1].GetProperty("value").GetDecimal());
        Assert.Equal((Today.Year - 11).ToString(System.Globalization.CultureInfo.InvariantCulture), trend[0].Str("period"));
        foreach (var url in new[] { $"/api/indicators/board/export?org={s.Center}", $"/api/indicators/elderly.exam/trend/export?org={s.Station}", $"/api/indicators/elderly.exam/export?org={s.Station}" })
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (await admin.GetAsync(url)).Content.Headers.ContentType!.MediaType);

        // FHIR: the catalogue as Measure, the value as a summary MeasureReport
        var measure = await admin.GetJsonAsync("/fhir/Measure/elderly.exam");
        Assert.Equal("Measure", measure.Str("resourceType"));
        var report = await admin.GetJsonAsync($"/fhir/MeasureReport?measure=elderly.exam&reporter=Organization/{s.Station}&period={Year}");
        var mr = report.GetProperty("entry")[0].GetProperty("resource");
        Assert.Equal("summary", mr.Str("type"));
        Assert.Equal(50m, mr.GetProperty("group")[0].GetProperty("measureScore").GetProperty("value").GetDecimal());
        var badFhir = await admin.GetAsync($"/fhir/MeasureReport?measure=elderly.exam&period={Year}-Q1");
        Assert.Equal(HttpStatusCode.BadRequest, badFhir.StatusCode);
        Assert.Equal("OperationOutcome", (await badFhir.ReadJsonAsync()).Str("resourceType"));

        // reading (and its audit rows) changes no figure: the counts stay cached; a write shows at once
        await app.FlushAuditAsync();
        var version = app.Service<DataVersion>().Value;
        await PeopleAsync(admin, "elderly.exam", s.Station, "gap");
        await admin.GetJsonAsync($"/api/indicators/board?org={s.Center}&period={Year}");
        await app.FlushAuditAsync();
        Assert.Equal(version, app.Service<DataVersion>().Value);
        var third = await admin.PostAsJsonAsync($"/api/residents/{s.Elderly[2]}/examinations", new { examDate = D(Today.AddDays(-1)), doctor = "王医生", vitals = new { leftSystolic = 128, leftDiastolic = 78 } });
        Assert.True(third.IsSuccessStatusCode);
        Assert.Equal(3, (await ValueAsync(admin, "elderly.exam", s.Station)).GetProperty("numerator").GetInt32());
    }

    [Fact]
    public async Task Bad_periods_organisations_and_sets_are_refused_with_the_field_named()
    {
        var c = await app.ClientAsync("director1");
        await ProblemAssert.FieldErrorAsync(await c.GetAsync($"/api/indicators/elderly.exam?period={Year}-Q1"), "period");
        await ProblemAssert.FieldErrorAsync(await c.GetAsync($"/api/indicators/elderly.exam?period={Year}-MCH"), "period");
        await ProblemAssert.FieldErrorAsync(await c.GetAsync("/api/indicators/elderly.exam?period=2026-13"), "period");
        await ProblemAssert.FieldErrorAsync(await c.GetAsync($"/api/indicators/elderly.exam?period={Today.Year + 1}"), "period");
        await ProblemAssert.FieldErrorAsync(await c.GetAsync("/api/indicators/elderly.exam/trend?periods=0"), "periods");
        await ProblemAssert.FieldErrorAsync(await c.GetAsync("/api/indicators/elderly.exam/people?set=everyone"), "set");
        await ProblemAssert.FieldErrorAsync(await c.GetAsync("/api/indicators/board?period=2026-Q1"), "period");
        var otherCenter = (await (await app.ClientAsync("director2")).GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Center").Str("id");
        await ProblemAssert.FieldErrorAsync(await c.GetAsync($"/api/indicators/elderly.exam?org={otherCenter}"), "org");
        await ProblemAssert.FieldErrorAsync(await c.GetAsync($"/api/indicators/elderly.exam/people?org={otherCenter}"), "org");
        var doctor = await app.ClientAsync("doctor1");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.PutAsJsonAsync("/api/population", new { organizationId = otherCenter, year = Today.Year, group = "residents", value = 10, source = "x" })).StatusCode);
    }

    [Fact]
    public async Task Every_indicator_counts_the_same_from_its_fast_path_as_from_its_people()
    {
        var admin = await app.ClientAsync("admin");
        await CraftAsync(admin); // some data of every kind
        var catalogue = app.Service<IndicatorCatalogue>();
        Guid district;
        await using (var sys = app.SystemDb()) district = sys.Districts.First().Id;
        foreach (var info in catalogue.All)
        {
            var (_, source) = catalogue.Find(info.Code)!.Value;
            foreach (var period in new[] { ReportPeriod.Containing(info.PeriodType, Today), ReportPeriod.Containing(info.PeriodType, Today).Previous() })
            {
                var range = IndicatorRange.Of(period, Today);
                await using var db = app.Service<IHealthDbFactory>().Create(DataScope.District(district));
                var fast = await source.CountAsync(db, info.Code, range, default);
                var people = await IndicatorQueries.CountByOrganizationAsync(source.People(db, info.Code, range), default);
                Assert.Equal(people.Where(p => p.Value.Denominator > 0).OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Numerator, info.DenominatorIsPeople ? p.Value.Denominator : 0)),
                    fast.Where(p => p.Value.Denominator > 0 || !info.DenominatorIsPeople).OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Numerator, info.DenominatorIsPeople ? p.Value.Denominator : 0)));
            }
        }
    }
}

public sealed class IndicatorCatalogueTestsSqlite(SqliteApp app) : IndicatorCatalogueTests<SqliteApp>(app);

public sealed class IndicatorCatalogueTestsPostgres(PostgresApp app) : IndicatorCatalogueTests<PostgresApp>(app);
