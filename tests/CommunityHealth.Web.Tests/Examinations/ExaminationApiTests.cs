using System.Net;
using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.Examinations;

public abstract class ExaminationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static int _seq = 300;

    private async Task<string> ResidentAsync(HttpClient client, DateOnly birth)
    {
        var orgs = await client.GetJsonAsync("/api/organizations");
        var station = orgs.Items().First(o => o.Str("kind") == "Station").Str("id");
        var id = IdCardNumber.Compose("330106", birth, Interlocked.Increment(ref _seq) * 2 + 1);
        var r = await client.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name = "体检者", documentType = "01", documentNumber = id, residenceType = "1" } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.ReadJsonAsync()).Str("id");
    }

    [Fact]
    public async Task A_raised_bp_is_never_saved_as_no_abnormality_and_the_next_step_is_proposed()
    {
        var doctor = await app.ClientAsync("doctor1");
        var resident = await ResidentAsync(doctor, new DateOnly(1970, 5, 1));
        // the doctor left 健康评价 at 体检无异常
        var r = await doctor.PostAsJsonAsync($"/api/residents/{resident}/examinations", new
        {
            examDate = TestClock.Today.AddDays(-2).ToString("yyyy-MM-dd"), doctor = "赵静", abnormal = false,
            vitals = new { leftSystolic = 150, leftDiastolic = 95, heightCm = 170, weightKg = 65 }, tests = new { fastingGlucose = 5.2 },
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var exam = await r.ReadJsonAsync();
        Assert.True(exam.GetProperty("abnormal").GetBoolean());
        Assert.Contains("血压升高 150/95 mmHg", exam.GetProperty("findings").Items().Select(f => f.GetString()));
        Assert.Contains(exam.GetProperty("nextSteps").Items(), s => s.GetString()!.Contains("复测血压"));
        Assert.Equal(["2"], exam.GetProperty("proposedGuidance").Items().Select(g => g.GetString()));
        var list = await doctor.GetJsonAsync($"/api/residents/{resident}/examinations");
        Assert.True(list.Items().Single().GetProperty("abnormal").GetBoolean()); // the profile's list says 有异常 too

        // corrected to a normal reading, the finding goes with it
        var edited = await doctor.PutAsJsonAsync($"/api/examinations/{exam.Str("id")}", new
        {
            examDate = TestClock.Today.AddDays(-2).ToString("yyyy-MM-dd"), doctor = "赵静", abnormal = false,
            vitals = new { leftSystolic = 126, leftDiastolic = 80, heightCm = 170, weightKg = 65 }, tests = new { fastingGlucose = 5.2 },
        });
        var after = await edited.ReadJsonAsync();
        Assert.False(after.GetProperty("abnormal").GetBoolean());
        Assert.Empty(after.GetProperty("findings").Items());
    }

    [Fact]
    public async Task An_exam_is_recorded_with_bmi_and_the_65_plus_self_care_score()
    {
        var doctor = await app.ClientAsync("doctor1");
        var resident = await ResidentAsync(doctor, new DateOnly(1950, 3, 1));
        var r = await doctor.PostAsJsonAsync($"/api/residents/{resident}/examinations", new
        {
            examDate = "2026-11-20", doctor = "赵静", symptoms = new[] { "3", "13" },
            vitals = new { temperatureC = 36.5, pulseRate = 72, respiratoryRate = 18, leftSystolic = 148, leftDiastolic = 86, heightCm = 165, weightKg = 70.5, waistCm = 88 },
            elderly = new { healthSelfRating = "2", selfCare = new { eating = 2, grooming = 2, dressing = 2, toileting = 1, mobility = 3 }, cognitionScreen = "1", moodScreen = "1" },
            lifestyle = new { exerciseFrequency = "1", exerciseMinutes = 30, smoking = "2", smokingStartAge = 20, smokingQuitAge = 60, drinking = "2", diet = new[] { "1", "4" } },
            tests = new { fastingGlucose = 6.4, hemoglobin = 132, totalCholesterol = 5.6 },
            abnormal = true, abnormalities = new[] { "血压偏高" }, guidance = new[] { "2" }, riskControl = new[] { "3", "4" },
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var exam = await r.ReadJsonAsync();
        Assert.Equal(25.9m, exam.GetProperty("bmi").GetDecimal());          // 70.5 / 1.65²
        Assert.Equal(6, exam.GetProperty("selfCareScore").GetInt32());       // 0 + 1 + 0 + 0 + 5 ("—" cells score 0)
        Assert.Equal("轻度依赖", exam.Str("selfCareBand"));
        Assert.True(exam.GetProperty("elderlySection").GetBoolean());
        var list = await doctor.GetJsonAsync($"/api/residents/{resident}/examinations");
        Assert.Equal(148, list.Items().Single().GetProperty("systolic").GetInt32());
    }

    [Fact]
    public async Task Editing_an_exam_keeps_the_changed_sections_in_the_residents_history()
    {
        var doctor = await app.ClientAsync("doctor1");
        var resident = await ResidentAsync(doctor, new DateOnly(1975, 4, 4));
        var created = await (await doctor.PostAsJsonAsync($"/api/residents/{resident}/examinations", new { examDate = "2026-11-01", doctor = "赵静", vitals = new { leftSystolic = 130, leftDiastolic = 80 } })).ReadJsonAsync();
        var edited = await doctor.PutAsJsonAsync($"/api/examinations/{created.Str("id")}", new { examDate = "2026-11-01", doctor = "赵静", vitals = new { leftSystolic = 138, leftDiastolic = 80 } });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var history = await doctor.GetJsonAsync($"/api/residents/{resident}/history");
        var change = history.Items().Single(h => h.Str("field") == "exam.vitals");
        Assert.Contains("130", change.Str("oldValue"));
        Assert.Contains("138", change.Str("newValue"));
        Assert.DoesNotContain(history.Items(), h => h.Str("field") == "exam.doctor");
    }

    [Theory]
    [InlineData("""{"examDate":"2026-11-20","doctor":"赵静","vitals":{"leftSystolic":400,"leftDiastolic":80}}""", "vitals.leftSystolic")]
    [InlineData("""{"examDate":"2026-11-20","doctor":"赵静","vitals":{"leftSystolic":120,"leftDiastolic":130}}""", "vitals.leftDiastolic")]
    [InlineData("""{"examDate":"2026-11-20","doctor":"赵静","tests":{"fastingGlucose":80}}""", "tests.fastingGlucose")]
    [InlineData("""{"examDate":"2026-11-20","doctor":"赵静","tests":{"fastingGlucose":0}}""", "tests.fastingGlucose")]
    [InlineData("""{"examDate":"2099-01-01","doctor":"赵静"}""", "examDate")]
    [InlineData("""{"examDate":"2026-11-20","doctor":""}""", "doctor")]
    [InlineData("""{"examDate":"2026-11-20","doctor":"赵静","elderly":{"healthSelfRating":"1"}}""", "elderly")]
    [InlineData("""{"examDate":"2026-11-20","doctor":"赵静","symptoms":["1","2"]}""", "symptoms")]
    public async Task Impossible_exams_are_refused_at_the_field_and_nothing_is_stored(string body, string field)
    {
        var doctor = await app.ClientAsync("doctor1");
        var resident = await ResidentAsync(doctor, new DateOnly(1980, 3, 1)); // 46: no 65+ section
        await using var db = app.SystemDb();
        var before = await db.Examinations.CountAsync();
        var r = await doctor.PostAsync($"/api/residents/{resident}/examinations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await db.Examinations.CountAsync());
    }

    [Fact]
    public async Task Encounters_are_recorded_and_listed_and_out_of_scope_residents_are_404()
    {
        var doctor = await app.ClientAsync("doctor1");
        var resident = await ResidentAsync(doctor, new DateOnly(1970, 7, 7));
        var r = await doctor.PostAsJsonAsync($"/api/residents/{resident}/encounters", new { date = "2026-11-22", subjective = "头晕两天", objective = "BP 150/95", assessment = "高血压待查", plan = "一周后复测血压" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal("头晕两天", (await doctor.GetJsonAsync($"/api/residents/{resident}/encounters")).Items().Single().Str("subjective"));
        var empty = await doctor.PostAsJsonAsync($"/api/residents/{resident}/encounters", new { date = "2026-11-22", subjective = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var other = await app.ClientAsync("doctor5");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/residents/{resident}/encounters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/residents/{resident}/encounters", new { date = "2026-11-22", subjective = "越权" })).StatusCode);
    }
}

public sealed class ExaminationApiTestsSqlite(SqliteApp app) : ExaminationApiTests<SqliteApp>(app);
public sealed class ExaminationApiTestsPostgres(PostgresApp app) : ExaminationApiTests<PostgresApp>(app);
