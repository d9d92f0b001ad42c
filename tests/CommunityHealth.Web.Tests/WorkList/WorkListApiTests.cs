using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Web.Tests.ChronicCare;
using CommunityHealth.Web.Tests.Immunization;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.WorkList;

/// <summary>
/// The shared home list over HTTP: each programme's event moves its items in the same save, the list filters, counts and
/// pages them, outcomes are kept with the item, bad values are ProblemDetails with the field, other stations' items are 404.
/// </summary>
public abstract class WorkListApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static DateOnly Today => TestClock.Today;
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string query, string residentId)
    {
        var list = await client.GetJsonAsync($"/api/worklist?{query}&pageSize=2000");
        return list.GetProperty("items").Items().Where(i => i.Str("residentId") == residentId).ToList();
    }

    [Fact]
    public async Task A_dose_recorded_takes_its_item_off_the_list_and_puts_the_next_dose_on()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-2).AddDays(-10); // HepB 1 and BCG overdue, HepB 2 due at 1 month, IPV/DTaP 1 at 2 months
        var (resident, child, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, birth);
        var before = await ItemsAsync(nurse, "programme=immunization&due=overdue", resident);
        var hepB = before.Single(i => i.Str("code") == "HepB-1");
        Assert.True(hepB.GetProperty("overdue").GetBoolean());
        Assert.Equal(D(birth), hepB.Str("dueOn"));
        Assert.Equal(Today.DayNumber - birth.DayNumber, hepB.GetProperty("daysOverdue").GetInt32());
        Assert.Contains("第1剂", hepB.Str("label"));
        Assert.Equal($"immunization/{child}?vaccine=HepB", hepB.Str("href"));
        Assert.Equal("预防接种", hepB.Str("programmeName"));

        var visit = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "HepB", givenAt = ImmunizationApiTests<TApp>.At(Today), lotNumber = "EXT" } } });
        Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());

        var after = await ItemsAsync(nurse, "programme=immunization&due=30d", resident);
        Assert.DoesNotContain(after, i => i.Str("code") == "HepB-1");
        Assert.Contains(after, i => i.Str("code") == "HepB-2" && DateOnly.Parse(i.Str("dueOn")) >= Today.AddDays(28)); // the interval runs from today's dose
        Assert.Contains(after, i => i.Str("code") == "BCG-1"); // still owed
        await using var db = app.SystemDb();
        var done = await db.WorkItems.SingleAsync(i => i.SourceId == Guid.Parse(child) && i.Code == "HepB-1");
        Assert.Equal((WorkItemStatus.Done, Today), (done.Status, done.ClosedOn));

        // moved away: every item of the child is closed, off the list
        var moved = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/status", new { status = "MovedAway", date = D(Today) });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        Assert.Empty(await ItemsAsync(nurse, "programme=immunization&due=30d", resident));
        Assert.True(await db.WorkItems.Where(i => i.SourceId == Guid.Parse(child) && i.Status == WorkItemStatus.Closed).CountAsync() >= 2);
    }

    [Fact]
    public async Task A_follow_up_recorded_replaces_the_registrations_item_and_a_deregistration_closes_it()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ChronicCareApiTests<TApp>.ResidentAsync(doctor, Today.AddYears(-62));
        var registered = Today.AddDays(-40);
        var reg = await ChronicCareApiTests<TApp>.RegisterAsync(doctor, resident, "Hypertension", Today.AddYears(-3), registered);
        var first = (await ItemsAsync(doctor, "programme=hypertension&due=overdue", resident)).Single();
        Assert.Equal(reg.Str("nextVisitOn"), first.Str("dueOn"));
        Assert.Equal($"chronic/{resident}/visit", first.Str("href"));
        var due = DateOnly.Parse(first.Str("dueOn"));
        Assert.Equal($"高血压 第{(due.Month - 1) / 3 + 1}季度随访", first.Str("label"));
        Assert.Equal(Today.DayNumber - due.DayNumber, first.GetProperty("daysOverdue").GetInt32());

        var visit = await ChronicCareApiTests<TApp>.VisitAsync(doctor, resident, Today, 128, 82);
        Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());
        var next = DateOnly.Parse((await visit.ReadJsonAsync()).Str("nextVisitOn"));
        Assert.Empty(await ItemsAsync(doctor, "programme=hypertension&due=overdue", resident));
        await using var db = app.SystemDb();
        var open = await db.WorkItems.SingleAsync(i => i.SourceId == Guid.Parse(reg.Str("id")) && i.Status == WorkItemStatus.Open);
        Assert.Equal((next, next.AddDays(1)), (open.DueOn, open.OverdueFrom));
        Assert.Equal(WorkItemStatus.Done, (await db.WorkItems.SingleAsync(i => i.Id == Guid.Parse(first.Str("id")))).Status);

        var off = await doctor.PostAsJsonAsync($"/api/chronic/registrations/{reg.Str("id")}/deregister", new { reason = "2", on = D(Today) });
        Assert.True(off.IsSuccessStatusCode, await off.Content.ReadAsStringAsync());
        Assert.Equal(WorkItemStatus.Closed, (await db.WorkItems.AsNoTracking().SingleAsync(i => i.Id == open.Id)).Status);
    }

    [Fact]
    public async Task An_outcome_is_kept_with_the_item_and_shown_bad_values_name_their_field_and_other_stations_get_404()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ChronicCareApiTests<TApp>.ResidentAsync(doctor, Today.AddYears(-58));
        await ChronicCareApiTests<TApp>.RegisterAsync(doctor, resident, "Diabetes", Today.AddYears(-2), Today.AddDays(-30));
        var item = (await ItemsAsync(doctor, "programme=diabetes&due=overdue", resident)).Single();

        var r = await doctor.PostAsJsonAsync($"/api/worklist/{item.Str("id")}/outcome", new { outcome = "Unreachable", note = "电话关机" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var shown = (await ItemsAsync(doctor, "programme=diabetes&due=overdue", resident)).Single();
        Assert.Equal(("Unreachable", "电话关机"), (shown.Str("outcome"), shown.Str("outcomeNote")));
        Assert.False(string.IsNullOrEmpty(shown.Str("outcomeBy")));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, shown.GetProperty("outcomeAt").GetDateTime(), TimeSpan.FromSeconds(1));

        await ProblemAssert.FieldErrorAsync(await doctor.PostAsJsonAsync($"/api/worklist/{item.Str("id")}/outcome", new { outcome = "Maybe" }), "outcome");
        await ProblemAssert.FieldErrorAsync(await doctor.PostAsJsonAsync($"/api/worklist/{item.Str("id")}/outcome", new { note = "x" }), "outcome");
        await ProblemAssert.FieldErrorAsync(await doctor.PostAsJsonAsync($"/api/worklist/{item.Str("id")}/outcome", new { outcome = "1" }), "outcome");
        await ProblemAssert.FieldErrorAsync(await doctor.PostAsJsonAsync($"/api/worklist/{item.Str("id")}/outcome", new { outcome = "Called", note = new string('长', 201) }), "note");
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.PostAsJsonAsync($"/api/worklist/{Guid.NewGuid()}/outcome", new { outcome = "Called" })).StatusCode);
        // another station's doctor: the item is outside their scope, as if it did not exist
        var other = await app.ClientAsync("doctor2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/worklist/{item.Str("id")}/outcome", new { outcome = "Called" })).StatusCode);
        Assert.Empty(await ItemsAsync(other, "due=30d", resident));
        // the center sees its stations' items
        Assert.Single(await ItemsAsync(await app.ClientAsync("director1"), "programme=diabetes&due=overdue", resident));

        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync("/api/worklist?due=tomorrow"), "due");
        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync("/api/worklist?sort=name"), "sort");
        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync("/api/worklist?pageSize=0"), "pageSize");
        var unknown = await doctor.GetAsync("/api/worklist?programme=dental");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_counts_per_programme_agree_with_the_rows_and_the_filters_narrow_them()
    {
        var doctor = await app.ClientAsync("doctor3");
        var (adult, _) = await ChronicCareApiTests<TApp>.ResidentAsync(doctor, Today.AddYears(-66));
        await ChronicCareApiTests<TApp>.RegisterAsync(doctor, adult, "Hypertension", Today.AddYears(-5), Today.AddDays(-20));
        await ImmunizationApiTests<TApp>.ChildAsync(await app.ClientAsync("nurse3"), Today.AddMonths(-1));
        foreach (var due in new[] { "today", "week", "overdue", "30d" })
        {
            var list = await doctor.GetJsonAsync($"/api/worklist?due={due}&pageSize=2000");
            var rows = list.GetProperty("items").Items().ToList();
            var counts = list.GetProperty("countsByProgramme").Items().ToList();
            Assert.Equal(new[] { "immunization", "hypertension", "diabetes" }, counts.Select(c => c.Str("programme")));
            Assert.Equal(rows.Count, list.GetProperty("total").GetInt32());
            foreach (var c in counts)
            {
                Assert.Equal(rows.Count(r => r.Str("programme") == c.Str("programme")), c.GetProperty("count").GetInt32());
                Assert.Equal(rows.Count(r => r.Str("programme") == c.Str("programme") && r.GetProperty("overdue").GetBoolean()), c.GetProperty("overdue").GetInt32());
            }
            // most days overdue first
            var dues = rows.Select(r => r.Str("dueOn")).ToList();
            Assert.Equal(dues.Order(StringComparer.Ordinal), dues);
            var only = await doctor.GetJsonAsync($"/api/worklist?due={due}&programme=hypertension");
            Assert.All(only.GetProperty("items").Items(), r => Assert.Equal("hypertension", r.Str("programme")));
            Assert.Equal(counts[1].GetProperty("count").GetInt32(), only.GetProperty("total").GetInt32());
        }
        var overdue = await doctor.GetJsonAsync("/api/worklist?due=overdue&pageSize=2000");
        Assert.All(overdue.GetProperty("items").Items(), r => Assert.True(r.GetProperty("overdue").GetBoolean()));
        var counted = await doctor.GetJsonAsync("/api/worklist/counts?due=overdue");
        Assert.Equal(overdue.GetProperty("total").GetInt32(), counted.Items().Sum(c => c.GetProperty("count").GetInt32()));
        // a doctor filter: the registration is the doctor's (registered by them)
        var me = await doctor.GetJsonAsync("/api/me");
        var mine = await doctor.GetJsonAsync($"/api/worklist?due=30d&doctor={me.Str("userId")}&pageSize=2000");
        Assert.Contains(mine.GetProperty("items").Items(), r => r.Str("residentId") == adult);
        Assert.All(mine.GetProperty("items").Items(), r => Assert.Equal(me.Str("userId"), r.Str("doctorId")));
        var nobody = await doctor.GetJsonAsync($"/api/worklist?due=30d&team={Guid.NewGuid()}");
        Assert.Equal(0, nobody.GetProperty("total").GetInt32());
        var grid = await doctor.GetJsonAsync("/api/worklist?due=30d&grid=不存在的网格");
        Assert.Equal(0, grid.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_export_is_the_list_as_shown_and_is_audited_as_an_export_of_the_people_in_it()
    {
        var doctor = await app.ClientAsync("doctor4");
        var (resident, _) = await ChronicCareApiTests<TApp>.ResidentAsync(doctor, Today.AddYears(-70));
        await ChronicCareApiTests<TApp>.RegisterAsync(doctor, resident, "Hypertension", Today.AddYears(-5), Today.AddDays(-25));
        var r = await doctor.GetAsync("/api/worklist/export?due=overdue&programme=hypertension");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await r.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var list = await doctor.GetJsonAsync("/api/worklist?due=overdue&programme=hypertension&pageSize=2000");
        Assert.Equal(list.GetProperty("total").GetInt32(), rows.Count);
        Assert.Contains(rows, x => (string?)x["待办事项"] is { } label && label.StartsWith("高血压") && x["档案编号"]?.ToString() is { Length: 17 });
        await app.FlushAuditAsync();
        await using var db = app.SystemDb();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "export" && a.Detail!.StartsWith("GET /api/worklist/export")).ToListAsync();
        Assert.Contains(entries, e => e.EntityId == resident || e.Detail!.Contains(resident));
    }
}

public sealed class WorkListApiTestsSqlite(SqliteApp app) : WorkListApiTests<SqliteApp>(app);
public sealed class WorkListApiTestsPostgres(PostgresApp app) : WorkListApiTests<PostgresApp>(app);
