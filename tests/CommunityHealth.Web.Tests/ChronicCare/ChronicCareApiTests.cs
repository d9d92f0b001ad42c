using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityHealth.Data;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Modules.ChronicCare;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.ChronicCare;

/// <summary>Hypertension and diabetes management over HTTP: registration, follow-ups and their decisions, referrals, bad input, lists, indicators.</summary>
public abstract class ChronicCareApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static int _seq = 300;
    private static DateOnly Today => TestClock.Today;
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>A resident of the caller's first station, born <paramref name="birth"/>, with optional past illnesses.</summary>
    internal static async Task<(string Resident, string Station)> ResidentAsync(HttpClient client, DateOnly birth, string sex = "1", object[]? past = null)
    {
        var station = (await client.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var n = Interlocked.Increment(ref _seq);
        var id = IdCardNumber.Compose("330106", birth, n * 2 % 1000 + (sex == "1" ? 1 : 0));
        var r = await client.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station, record = new { name = "慢病" + (char)('甲' + n % 10) + (char)('子' + n / 10 % 10), documentType = "01", documentNumber = id, residenceType = "1", pastIllnesses = past },
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return ((await r.ReadJsonAsync()).Str("id"), station);
    }

    internal static async Task<JsonElement> RegisterAsync(HttpClient client, string resident, string programme, DateOnly? diagnosed = null, DateOnly? registered = null)
    {
        var r = await client.PostAsJsonAsync("/api/chronic/registrations", new
        {
            residentId = resident, programme, diagnosedOn = D(diagnosed ?? Today.AddYears(-2)), diagnosedAt = "区人民医院", source = "2",
            registeredOn = registered is null ? null : D(registered.Value),
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync();
    }

    internal static Task<HttpResponseMessage> VisitAsync(HttpClient client, string resident, DateOnly date, int sbp, int dbp, decimal? fpg = null, object? form = null,
        string mode = "Clinic", bool? hypertension = null, bool? diabetes = null, string? overrideClass = null, string? overrideReason = null) =>
        client.PostAsJsonAsync($"/api/chronic/patients/{resident}/visits", new
        {
            visitDate = D(date), mode, systolic = sbp, diastolic = dbp, fastingGlucose = fpg, form, hypertension, diabetes,
            hypertensionClassOverride = overrideClass, overrideReason,
        });

    private static JsonElement Outcome(JsonElement visit, string programme) => visit.GetProperty("outcomes").Items().Single(o => o.Str("programme") == programme);

    [Fact]
    public async Task A_follow_up_is_classified_explained_and_proposes_the_next_visit()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ResidentAsync(doctor, Today.AddYears(-60));
        await RegisterAsync(doctor, resident, "Hypertension");
        var first = await VisitAsync(doctor, resident, Today.AddDays(-60), 132, 84, form: new { hypertensionSymptoms = new[] { "1" }, weightKg = 70, heightCm = 170, salt = "2", adherence = "1", medications = new[] { new { name = "氨氯地平", timesPerDay = 1, dosePerTime = 5, unit = "mg" } } });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = await first.ReadJsonAsync();
        var o1 = Outcome(v1, "Hypertension");
        Assert.Equal("Satisfactory", o1.Str("class"));
        Assert.Equal("控制满意", o1.Str("className"));
        Assert.Equal(D(Today.AddDays(-60).AddMonths(3)), v1.Str("nextVisitOn"));
        Assert.Equal(24.2m, v1.GetProperty("bmi").GetDecimal());
        Assert.Contains(o1.GetProperty("reasons").Items(), r => r.GetString()!.Contains("132/84"));

        var second = await (await VisitAsync(doctor, resident, Today.AddDays(-30), 150, 85)).ReadJsonAsync();
        Assert.Equal("Unsatisfactory", Outcome(second, "Hypertension").Str("class"));
        Assert.False(second.GetProperty("referralAdvised").GetBoolean());
        Assert.Equal(D(Today.AddDays(-16)), second.Str("nextVisitOn"));

        // the second unsatisfactory visit in a row: refer and check in 2 weeks
        var third = await (await VisitAsync(doctor, resident, Today.AddDays(-16), 146, 88)).ReadJsonAsync();
        Assert.True(third.GetProperty("referralAdvised").GetBoolean());
        Assert.Contains(Outcome(third, "Hypertension").GetProperty("reasons").Items(), r => r.GetString()!.Contains("连续 2 次"));

        var patient = await doctor.GetJsonAsync($"/api/chronic/patients/{resident}");
        var reg = patient.GetProperty("registrations")[0];
        Assert.Equal(D(Today.AddDays(-2)), reg.Str("nextVisitOn"));
        Assert.False(reg.GetProperty("lastControlled").GetBoolean());
        Assert.Equal(2, reg.GetProperty("consecutiveUnsatisfactory").GetInt32());
        Assert.Equal(3, patient.GetProperty("visits").GetArrayLength());
        // every BP went to the measurement history (trend and FHIR Observation)
        Assert.Equal(3, patient.GetProperty("measurements").Items().Count(m => m.Str("kind") == "BloodPressure"));
    }

    [Fact]
    public async Task An_urgent_reading_flags_the_visit_and_one_click_makes_the_referral()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ResidentAsync(doctor, Today.AddYears(-58));
        await RegisterAsync(doctor, resident, "Hypertension");
        var visit = await (await VisitAsync(doctor, resident, Today, 185, 100, form: new { urgentSigns = new[] { "2" } })).ReadJsonAsync();
        Assert.True(visit.GetProperty("urgent").GetBoolean());
        var reasons = visit.GetProperty("urgentReasons").Items().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("收缩压 185"));
        Assert.Contains(reasons, r => r.Contains("剧烈头痛"));
        Assert.Equal(D(Today.AddDays(14)), visit.Str("nextVisitOn"));

        var referral = await doctor.PostAsJsonAsync($"/api/chronic/patients/{resident}/referrals", new { visitId = visit.Str("id"), toFacility = "区人民医院", toDepartment = "心内科" });
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
        var r = await referral.ReadJsonAsync();
        Assert.True(r.GetProperty("urgent").GetBoolean());
        Assert.Contains("收缩压 185", r.Str("reason"));
        Assert.Equal(D(Today.AddDays(14)), r.Str("followUpBy"));
        Assert.Equal(HttpStatusCode.BadRequest, (await doctor.PostAsJsonAsync($"/api/chronic/patients/{resident}/referrals", new { visitId = visit.Str("id"), toFacility = "区人民医院" })).StatusCode);
        var result = await doctor.PostAsJsonAsync($"/api/chronic/referrals/{r.Str("id")}/result", new { result = "1" });
        Assert.Equal("Arrived", (await result.ReadJsonAsync()).Str("status"));
        var patient = await doctor.GetJsonAsync($"/api/chronic/patients/{resident}");
        Assert.Equal(r.Str("id"), patient.GetProperty("visits")[0].Str("referralId"));
    }

    [Fact]
    public async Task One_visit_serves_both_programmes_and_the_65_boundary_uses_the_age_on_the_visit_day()
    {
        var doctor = await app.ClientAsync("doctor1");
        var birth = Today.AddYears(-65).AddDays(-10);
        var (resident, _) = await ResidentAsync(doctor, birth, "2");
        await RegisterAsync(doctor, resident, "Hypertension");
        await RegisterAsync(doctor, resident, "Diabetes");
        // 20 days ago she was 64: 145/85 is not controlled
        var before = await (await VisitAsync(doctor, resident, Today.AddDays(-20), 145, 85, 6.5m, form: new { footPulse = "1", hypoglycaemia = "1", stapleFoodGrams = 250 })).ReadJsonAsync();
        Assert.Equal("Unsatisfactory", Outcome(before, "Hypertension").Str("class"));
        Assert.Equal("Satisfactory", Outcome(before, "Diabetes").Str("class"));
        Assert.Equal(D(Today.AddDays(-6)), before.Str("nextVisitOn")); // the earlier of the two proposals
        // today she is 65: the same values are controlled
        var after = await (await VisitAsync(doctor, resident, Today, 145, 85, 7.0m)).ReadJsonAsync();
        Assert.Equal("Satisfactory", Outcome(after, "Hypertension").Str("class"));
        Assert.Equal("Unsatisfactory", Outcome(after, "Diabetes").Str("class")); // 7.0 is not under 7.0
        var patient = await doctor.GetJsonAsync($"/api/chronic/patients/{resident}");
        Assert.Equal(2, patient.GetProperty("visits").GetArrayLength());
        Assert.All(patient.GetProperty("registrations").Items(), r => Assert.Equal(D(Today), r.Str("lastVisitOn")));
    }

    [Theory]
    [InlineData(20, 10, null, "systolic")]
    [InlineData(400, 80, null, "systolic")]
    [InlineData(120, 130, null, "diastolic")]
    [InlineData(120, 80, "0", "fastingGlucose")]
    [InlineData(120, 80, "80", "fastingGlucose")]
    public async Task Impossible_values_give_a_field_message_and_save_nothing(int sbp, int dbp, string? fpg, string field)
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ResidentAsync(doctor, Today.AddYears(-50));
        await RegisterAsync(doctor, resident, "Hypertension");
        await RegisterAsync(doctor, resident, "Diabetes");
        var response = await VisitAsync(doctor, resident, Today, sbp, dbp, fpg is null ? 6m : decimal.Parse(fpg));
        await ProblemAssert.FieldErrorAsync(response, field);
        await AssertNothingStoredAsync(resident);
    }

    [Fact]
    public async Task Visits_before_the_diagnosis_or_in_the_future_and_overrides_without_reason_are_refused()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ResidentAsync(doctor, Today.AddYears(-50));
        await RegisterAsync(doctor, resident, "Hypertension", diagnosed: Today.AddMonths(-1));
        Assert.Contains("确诊日期", await ProblemAssert.FieldErrorAsync(await VisitAsync(doctor, resident, Today.AddMonths(-2), 130, 80), "visitDate"));
        await ProblemAssert.FieldErrorAsync(await VisitAsync(doctor, resident, Today.AddDays(1), 130, 80), "visitDate");
        await ProblemAssert.FieldErrorAsync(await VisitAsync(doctor, resident, Today, 150, 80, overrideClass: "Satisfactory"), "overrideReason");
        await ProblemAssert.FieldErrorAsync(await VisitAsync(doctor, resident, Today, 130, 80, diabetes: true), "diabetes");
        await AssertNothingStoredAsync(resident);

        // with a reason the override counts and is audited
        var ok = await (await VisitAsync(doctor, resident, Today, 150, 80, overrideClass: "Satisfactory", overrideReason: "诊室高血压，家庭自测正常")).ReadJsonAsync();
        var o = Outcome(ok, "Hypertension");
        Assert.True(o.GetProperty("overridden").GetBoolean());
        Assert.Equal("Unsatisfactory", o.Str("computed"));
        await app.FlushAuditAsync();
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == ok.Str("id") && a.Detail!.Contains("诊室高血压")));
    }

    [Fact]
    public async Task A_visit_recorded_late_re_judges_the_chain_after_it()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ResidentAsync(doctor, Today.AddYears(-50));
        await RegisterAsync(doctor, resident, "Hypertension");
        var later = await (await VisitAsync(doctor, resident, Today.AddDays(-5), 150, 92)).ReadJsonAsync();
        Assert.False(later.GetProperty("referralAdvised").GetBoolean());
        // an unsatisfactory visit two weeks before it, entered afterwards: the later one becomes the second in a row
        Assert.Equal(HttpStatusCode.Created, (await VisitAsync(doctor, resident, Today.AddDays(-19), 152, 95)).StatusCode);
        var patient = await doctor.GetJsonAsync($"/api/chronic/patients/{resident}");
        var rejudged = patient.GetProperty("visits").Items().Single(v => v.Str("id") == later.Str("id"));
        Assert.True(rejudged.GetProperty("referralAdvised").GetBoolean());
        var reg = patient.GetProperty("registrations")[0];
        Assert.Equal(2, reg.GetProperty("consecutiveUnsatisfactory").GetInt32());
        Assert.Equal(D(Today.AddDays(-5)), reg.Str("lastVisitOn"));
    }

    [Fact]
    public async Task Registration_rules_duplicates_age_and_deregistration()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (young, _) = await ResidentAsync(doctor, Today.AddYears(-30));
        var r = await doctor.PostAsJsonAsync("/api/chronic/registrations", new { residentId = young, programme = "Hypertension", diagnosedOn = D(Today), source = "1" });
        Assert.Contains("35", await ProblemAssert.FieldErrorAsync(r, "residentId"));
        var (resident, _) = await ResidentAsync(doctor, Today.AddYears(-70));
        var reg = await RegisterAsync(doctor, resident, "Diabetes");
        var dup = await doctor.PostAsJsonAsync("/api/chronic/registrations", new { residentId = resident, programme = "Diabetes", diagnosedOn = D(Today), source = "1" });
        Assert.Contains("已在此专案", await ProblemAssert.FieldErrorAsync(dup, "programme", System.Net.HttpStatusCode.Conflict)); // a conflict with stored data
        var off = await doctor.PostAsJsonAsync($"/api/chronic/registrations/{reg.Str("id")}/deregister", new { reason = "2", note = "迁往外区" });
        Assert.Equal("Deregistered", (await off.ReadJsonAsync()).Str("status"));
        // deregistered: the history stays, a new registration is allowed
        await RegisterAsync(doctor, resident, "Diabetes");
        var patient = await doctor.GetJsonAsync($"/api/chronic/patients/{resident}");
        Assert.Equal(2, patient.GetProperty("registrations").GetArrayLength());
    }

    [Fact]
    public async Task Staff_of_another_station_do_not_see_the_patient()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ResidentAsync(doctor, Today.AddYears(-55));
        await RegisterAsync(doctor, resident, "Hypertension");
        var other = await app.ClientAsync("doctor2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/chronic/patients/{resident}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await VisitAsync(other, resident, Today, 130, 80)).StatusCode);
    }

    [Fact]
    public async Task Work_lists_answer_one_page_with_the_total_and_refuse_bad_paging()
    {
        var doctor = await app.ClientAsync("doctor1");
        string station = "";
        for (var i = 0; i < 3; i++)
        {
            (var resident, station) = await ResidentAsync(doctor, Today.AddYears(-60 - i));
            await RegisterAsync(doctor, resident, "Hypertension", registered: Today.AddMonths(-5));
            Assert.Equal(HttpStatusCode.Created, (await VisitAsync(doctor, resident, Today.AddMonths(-4).AddDays(i), 160, 95)).StatusCode);
        }
        var url = $"/api/chronic/worklist?list=Overdue&organizationId={station}";
        var whole = await doctor.GetJsonAsync(url + "&pageSize=2000");
        var total = whole.GetProperty("total").GetInt32();
        var all = whole.GetProperty("rows").Items().Select(r => r.Str("residentId") + r.Str("programme")).ToList();
        Assert.True(total >= 3);
        Assert.Equal(total, all.Count);
        // pages of two, in order, together the whole list; each carries the total
        var paged = new List<string>();
        for (var page = 1; page <= (total + 1) / 2; page++)
        {
            var p = await doctor.GetJsonAsync(url + $"&page={page}&pageSize=2");
            Assert.Equal(total, p.GetProperty("total").GetInt32());
            Assert.Equal(page, p.GetProperty("page").GetInt32());
            Assert.Equal(2, p.GetProperty("pageSize").GetInt32());
            paged.AddRange(p.GetProperty("rows").Items().Select(r => r.Str("residentId") + r.Str("programme")));
        }
        Assert.Equal(all, paged);
        var beyond = await doctor.GetJsonAsync(url + $"&page={(total + 1) / 2 + 1}&pageSize=2");
        Assert.Empty(beyond.GetProperty("rows").Items());
        Assert.Equal(total, beyond.GetProperty("total").GetInt32());
        Assert.Equal(100, (await doctor.GetJsonAsync(url)).GetProperty("pageSize").GetInt32());
        // bad paging: a Chinese message at the field
        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync(url + "&page=0"), "page");
        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync(url + "&pageSize=0"), "pageSize");
        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync(url + "&pageSize=2001"), "pageSize");
        await ProblemAssert.FieldErrorAsync(await doctor.GetAsync(url + "&page=2000000"), "page");
    }

    [Fact]
    public async Task Work_lists_show_due_overdue_uncontrolled_unscreened_confirming_and_unregistered_people()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (overdue, station) = await ResidentAsync(doctor, Today.AddYears(-62));
        await RegisterAsync(doctor, overdue, "Hypertension", registered: Today.AddMonths(-5));
        await VisitAsync(doctor, overdue, Today.AddMonths(-4), 160, 95); // uncontrolled, recheck long past, not seen for 4 months
        async Task<List<string>> List(string list) => (await doctor.GetJsonAsync($"/api/chronic/worklist?list={list}&organizationId={station}"))
            .GetProperty("rows").Items().Select(r => r.Str("residentId")).ToList();
        Assert.Contains(overdue, await List("Overdue"));
        Assert.Contains(overdue, await List("Week"));
        Assert.Contains(overdue, await List("Uncontrolled"));
        Assert.Contains(overdue, await List("NotSeen"));
        Assert.Contains(overdue, await List("NoExam"));
        Assert.DoesNotContain(overdue, await List("Screening")); // on the programme, not a screening case

        var (unscreened, _) = await ResidentAsync(doctor, Today.AddYears(-40));
        Assert.Contains(unscreened, await List("Screening"));
        var reading = await doctor.PostAsJsonAsync($"/api/chronic/patients/{unscreened}/measurements", new { kind = "BloodPressure", systolic = 150, diastolic = 92, on = D(Today.AddDays(-3)) });
        Assert.Equal(HttpStatusCode.Created, reading.StatusCode);
        Assert.DoesNotContain(unscreened, await List("Screening"));
        Assert.Contains(unscreened, await List("Confirming"));
        var screening = (await doctor.GetJsonAsync($"/api/chronic/patients/{unscreened}")).GetProperty("screening");
        Assert.Equal("Confirming", screening.Str("bpState"));
        await doctor.PostAsJsonAsync($"/api/chronic/patients/{unscreened}/measurements", new { kind = "BloodPressure", systolic = 125, diastolic = 80, on = D(Today) });
        Assert.DoesNotContain(unscreened, await List("Confirming")); // a normal day ends the confirmation

        var (known, _) = await ResidentAsync(doctor, Today.AddYears(-66), past: [new { code = "3", diagnosedOn = D(Today.AddYears(-3)) }]);
        Assert.Contains(known, await List("Unregistered"));
        Assert.Contains("Diabetes", (await doctor.GetJsonAsync($"/api/chronic/patients/{known}")).GetProperty("screening").GetProperty("knownNotRegistered")[0].GetString());
        await RegisterAsync(doctor, known, "Diabetes");
        Assert.DoesNotContain(known, await List("Unregistered"));

        var bad = await doctor.PostAsJsonAsync($"/api/chronic/patients/{unscreened}/measurements", new { kind = "BloodPressure", systolic = 400, diastolic = 80 });
        await ProblemAssert.FieldErrorAsync(bad, "systolic");
    }

    [Fact]
    public async Task Indicators_use_the_last_visit_of_the_period_count_lost_patients_as_uncontrolled_and_drill_down()
    {
        var director = await app.ClientAsync("director1");
        var doctor = await app.ClientAsync("doctor1");
        var year = Today.Year - 1;
        DateOnly In(int month, int day) => new(year, month, day);
        var (controlled, station) = await ResidentAsync(doctor, In(1, 1).AddYears(-60));
        var (lastBad, _) = await ResidentAsync(doctor, In(1, 1).AddYears(-60));
        var (lost, _) = await ResidentAsync(doctor, In(1, 1).AddYears(-60));
        foreach (var r in new[] { controlled, lastBad, lost }) await RegisterAsync(doctor, r, "Hypertension", In(1, 1).AddYears(-1), In(1, 2));
        // controlled: 4 face-to-face visits, last one controlled, and a health exam → standard-managed and controlled
        foreach (var (m, s) in new[] { (2, 150), (5, 138), (8, 136), (11, 132) }) Assert.Equal(HttpStatusCode.Created, (await VisitAsync(doctor, controlled, In(m, 10), s, 85)).StatusCode);
        var exam = await doctor.PostAsJsonAsync($"/api/residents/{controlled}/examinations", new { examDate = D(In(6, 1)), doctor = "王医生", vitals = new { leftSystolic = 130, leftDiastolic = 80 } });
        Assert.True(exam.IsSuccessStatusCode, await exam.Content.ReadAsStringAsync());
        // lastBad: controlled early, uncontrolled at the last visit; one visit by phone → 3 face-to-face
        foreach (var (m, s, mode) in new[] { (3, 130, "Clinic"), (6, 132, "Phone"), (9, 130, "Home"), (12, 150, "Clinic") })
            Assert.Equal(HttpStatusCode.Created, (await VisitAsync(doctor, lastBad, In(m, 5), s, 85, mode: mode)).StatusCode);
        // the catalogue: the people behind 规范管理率 and 控制率 of the station, each marked in or out of the numerator
        var period = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        async Task<Dictionary<string, bool>> People(string code) =>
            (await director.GetJsonAsync($"/api/indicators/{code}/people?org={station}&period={period}&set=denominator&pageSize=500")).GetProperty("items").Items()
                .ToDictionary(p => p.Str("residentId"), p => p.GetProperty("inNumerator").GetBoolean());
        var control = await People("htn.control");
        var standard = await People("htn.standard");
        Assert.True(control[controlled] && standard[controlled]);
        Assert.False(control[lastBad] || standard[lastBad]); // uncontrolled at the last visit; 3 face-to-face visits
        Assert.False(control[lost] || standard[lost]);       // lost: no visit in the year
        var value = await director.GetJsonAsync($"/api/indicators/htn.control?org={station}&period={period}");
        Assert.Equal(control.Count, value.GetProperty("denominator").GetInt32());
        Assert.Equal(control.Count(p => p.Value), value.GetProperty("numerator").GetInt32());
        Assert.Equal(standard.Count(p => p.Value), (await director.GetJsonAsync($"/api/indicators/htn.standard?org={station}&period={period}")).GetProperty("numerator").GetInt32());

        // the year reads the stored year-to-date rows; a period from 2 January reads the visits (the definition): both give the same facts,
        // and at the end of September lastBad's last visit was controlled
        Guid district;
        await using (var sys = app.SystemDb()) district = sys.Districts.First().Id;
        await using var db = app.Service<IHealthDbFactory>().Create(DataScope.District(district));
        var stationId = Guid.Parse(station);
        async Task<Dictionary<Guid, IndicatorCounts.PatientFacts>> Facts(DateOnly from, DateOnly to) =>
            await IndicatorCounts.Facts(db, Programme.Hypertension, from, to, Today).Where(f => f.OrganizationId == stationId).ToDictionaryAsync(f => f.ResidentId);
        var stored = await Facts(In(1, 1), In(12, 31));
        var fromVisits = await Facts(In(1, 2), In(12, 31));
        Assert.Equal(stored.Keys.Order(), fromVisits.Keys.Order());
        foreach (var (id, f) in stored)
            Assert.Equal((f.FaceToFace, f.LastControlled, f.LastVisit), (fromVisits[id].FaceToFace, fromVisits[id].LastControlled, fromVisits[id].LastVisit));
        var september = await Facts(In(1, 1), In(9, 30));
        Assert.True(september[Guid.Parse(lastBad)].LastControlled);
        Assert.Equal(In(9, 5), september[Guid.Parse(lastBad)].LastVisit);
        Assert.Equal(2, september[Guid.Parse(lastBad)].FaceToFace);
    }

    [Fact]
    public async Task Indicators_count_only_the_callers_scope_on_every_path()
    {
        // a patient of the second center, standard-managed and controlled (visits and an exam in the year)
        var otherDoctor = await app.ClientAsync("cdoctor2");
        var year = Today.Year - 1;
        DateOnly In(int month, int day) => new(year, month, day);
        var (patient, otherStation) = await ResidentAsync(otherDoctor, In(1, 1).AddYears(-58));
        await RegisterAsync(otherDoctor, patient, "Hypertension", In(1, 1).AddYears(-1), In(1, 2));
        foreach (var m in new[] { 2, 5, 8, 11 }) Assert.Equal(HttpStatusCode.Created, (await VisitAsync(otherDoctor, patient, In(m, 12), 128, 80)).StatusCode);
        var exam = await otherDoctor.PostAsJsonAsync($"/api/residents/{patient}/examinations", new { examDate = D(In(6, 3)), doctor = "李医生", vitals = new { leftSystolic = 128, leftDiastolic = 80 } });
        Assert.True(exam.IsSuccessStatusCode, await exam.Content.ReadAsStringAsync());

        var period = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var code in new[] { "htn.management", "htn.standard", "htn.control" })
        {
            var own = await (await app.ClientAsync("director2")).GetJsonAsync($"/api/indicators/{code}?org={otherStation}&period={period}");
            Assert.True(own.GetProperty("numerator").GetInt32() >= 1);
            var director = await app.ClientAsync("director1");
            await ProblemAssert.FieldErrorAsync(await director.GetAsync($"/api/indicators/{code}?org={otherStation}&period={period}"), "org");
            var people = (await director.GetJsonAsync($"/api/indicators/{code}/people?period={period}&set={(code.EndsWith("management") ? "numerator" : "denominator")}&pageSize=500")).GetProperty("items").Items();
            Assert.DoesNotContain(people, p => p.Str("residentId") == patient);
            var board = await director.GetJsonAsync($"/api/indicators/board?period={period}&programme=hypertension");
            Assert.DoesNotContain(board.GetProperty("organizations").Items(), o => o.Str("id") == otherStation);
        }
    }

    [Fact]
    public async Task A_merge_moves_the_programmes_visits_and_readings_and_the_indicators_follow_them()
    {
        var doctor = await app.ClientAsync("doctor1");
        var director = await app.ClientAsync("director1");
        var birth = Today.AddYears(-58).AddDays(-Interlocked.Increment(ref _seq));
        var (survivor, station) = await ResidentAsync(doctor, birth);
        var dup = await (await doctor.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station, record = new { name = "慢病重复", documentType = "03", documentNumber = $"G{_seq:D7}", sex = "1", birthDate = D(birth), residenceType = "1" },
        })).ReadJsonAsync();
        var dupId = dup.Str("id");
        await RegisterAsync(doctor, dupId, "Diabetes", Today.AddYears(-1), Today.AddMonths(-6));
        Assert.Equal(HttpStatusCode.Created, (await VisitAsync(doctor, dupId, Today.AddDays(-40), 128, 80, 6.2m)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await doctor.PostAsJsonAsync($"/api/chronic/patients/{dupId}/measurements", new { kind = "BloodPressure", systolic = 150, diastolic = 92 })).StatusCode);
        await RegisterAsync(doctor, survivor, "Hypertension", Today.AddYears(-2));

        var merged = await director.PostAsJsonAsync($"/api/residents/{survivor}/merge", new { duplicateId = dupId, reason = "同一人，两份档案" });
        Assert.True(merged.StatusCode == HttpStatusCode.OK, await merged.Content.ReadAsStringAsync());
        var patient = await doctor.GetJsonAsync($"/api/chronic/patients/{survivor}");
        Assert.Equal(["Diabetes", "Hypertension"], patient.GetProperty("registrations").Items().Select(r => r.Str("programme")).Order());
        Assert.Single(patient.GetProperty("visits").Items());
        Assert.Equal(3, patient.GetProperty("measurements").GetArrayLength());
        var dmControl = $"/api/indicators/dm.control/people?org={station}&set=denominator&pageSize=500";
        var year = (await director.GetJsonAsync(dmControl)).GetProperty("items").Items();
        Assert.Contains(year, p => p.Str("residentId") == survivor && p.GetProperty("inNumerator").GetBoolean());
        Assert.DoesNotContain(year, p => p.Str("residentId") == dupId);

        // undone: everything goes back
        var undo = await director.PostAsync($"/api/resident-merges/{(await merged.ReadJsonAsync()).Str("id")}/undo", null);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Single((await doctor.GetJsonAsync($"/api/chronic/patients/{dupId}")).GetProperty("visits").Items());
        Assert.Empty((await doctor.GetJsonAsync($"/api/chronic/patients/{survivor}")).GetProperty("visits").Items());
        year = (await director.GetJsonAsync(dmControl)).GetProperty("items").Items();
        Assert.Contains(year, p => p.Str("residentId") == dupId && p.GetProperty("inNumerator").GetBoolean());

        // both on the same programme: refused with a message, nothing moved
        await RegisterAsync(doctor, survivor, "Diabetes", Today.AddYears(-1));
        var refused = await director.PostAsJsonAsync($"/api/residents/{survivor}/merge", new { duplicateId = dupId, reason = "同一人" });
        var problem = await ProblemAssert.FieldErrorAsync(refused, "duplicateId");
        Assert.Contains("专案", problem.ToString());
        Assert.Equal("Active", (await doctor.GetJsonAsync($"/api/residents/{dupId}")).Str("status"));
    }

    [Fact]
    public async Task A_transfer_takes_the_programmes_to_the_new_station_and_its_work_lists()
    {
        var admin = await app.ClientAsync("admin");
        var doctor = await app.ClientAsync("doctor1");
        var (resident, station) = await ResidentAsync(doctor, Today.AddYears(-70));
        await RegisterAsync(doctor, resident, "Hypertension", Today.AddYears(-3));
        Assert.Equal(HttpStatusCode.Created, (await VisitAsync(doctor, resident, Today.AddDays(-100), 150, 95)).StatusCode);
        var target = (await admin.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station" && o.Str("id") != station).Str("id");
        var moved = await admin.PostAsJsonAsync($"/api/residents/{resident}/transfer", new { organizationId = target });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());

        var reg = (await admin.GetJsonAsync($"/api/chronic/patients/{resident}")).GetProperty("registrations")[0];
        Assert.Equal(target, reg.Str("organizationId"));
        Assert.Equal("", reg.Str("doctorName"));
        var overdue = await admin.GetJsonAsync($"/api/chronic/worklist?list=Overdue&organizationId={target}");
        Assert.Contains(overdue.GetProperty("rows").Items(), r => r.Str("residentId") == resident);
        var old = await admin.GetJsonAsync($"/api/chronic/worklist?list=Overdue&organizationId={station}");
        Assert.DoesNotContain(old.GetProperty("rows").Items(), r => r.Str("residentId") == resident);
        // the old station's doctor no longer sees the patient; the history went along
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/api/chronic/patients/{resident}")).StatusCode);
        Assert.Single((await admin.GetJsonAsync($"/api/chronic/patients/{resident}")).GetProperty("visits").Items());
    }

    [Fact]
    public async Task A_database_upgraded_in_place_gets_the_same_stored_indicator_rows_from_its_visits()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ResidentAsync(doctor, Today.AddYears(-66));
        await RegisterAsync(doctor, resident, "Hypertension", Today.AddYears(-3), Today.AddYears(-2));
        foreach (var (days, sbp) in new[] { (500, 150), (420, 138), (90, 152), (20, 140) })
            Assert.Equal(HttpStatusCode.Created, (await VisitAsync(doctor, resident, Today.AddDays(-days), sbp, 85)).StatusCode);

        await using var db = app.SystemDb();
        static string Key(Data.ChronicCare.ChronicMonthStat s) =>
            $"{s.ResidentId}|{s.Programme}|{s.Year}|{s.Month}|{s.NextMonth}|{s.Visits}|{s.FaceToFace}|{s.LastVisitOn}|{s.LastControlled}|{s.RegisteredOn}|{s.DeregisteredOn}|{s.OrganizationId}";
        var before = (await db.ChronicMonthStats.AsNoTracking().ToListAsync()).Select(Key).Order().ToList();
        Assert.Contains(before, k => k.StartsWith(resident, StringComparison.OrdinalIgnoreCase));
        await db.ChronicMonthStats.ExecuteDeleteAsync();
        await CommunityHealth.Web.Modules.ChronicCare.ChronicStats.BackfillAsync(db, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        var after = (await db.ChronicMonthStats.AsNoTracking().ToListAsync()).Select(Key).Order().ToList();
        Assert.Equal(before, after);
    }

    private async Task AssertNothingStoredAsync(string resident)
    {
        await using var db = app.SystemDb();
        var id = Guid.Parse(resident);
        Assert.False(await db.ChronicVisits.AnyAsync(v => v.ResidentId == id));
        Assert.False(await db.Measurements.AnyAsync(m => m.ResidentId == id));
    }
}

public sealed class ChronicCareApiTestsSqlite(SqliteApp app) : ChronicCareApiTests<SqliteApp>(app);
public sealed class ChronicCareApiTestsPostgres(PostgresApp app) : ChronicCareApiTests<PostgresApp>(app);
