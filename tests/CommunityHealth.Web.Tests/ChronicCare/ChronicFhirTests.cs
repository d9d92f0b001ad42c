#nullable disable warnings // the Firely model is not annotated for nullability
using System.Net;
using System.Text.Json;
using CommunityHealth.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace CommunityHealth.Web.Tests.ChronicCare;

/// <summary>FHIR Condition (the programmes) and Observation (BP 85354-9, fasting glucose 1558-6): read, search by patient, code and date, scope.</summary>
public abstract class ChronicFhirTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static DateOnly Today => TestClock.Today;
    private static async Task<T> ReadAsync<T>(HttpResponseMessage r) where T : Resource
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return JsonSerializer.Deserialize<T>(await r.Content.ReadAsStringAsync(), Fhir)!;
    }

    private static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/fhir+json");

    private static string Bp(string resident, string effective, int sbp, int dbp, string status = "final") =>
        $$$"""
        {"resourceType":"Observation","status":"{{{status}}}","code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},
         "subject":{"reference":"Patient/{{{resident}}}"},"effectiveDateTime":"{{{effective}}}","device":{"display":"家用电子血压计"},
         "component":[
           {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":{{{sbp}}},"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
           {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":{{{dbp}}},"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}
        """;

    [Fact]
    public async Task A_home_device_reading_posted_as_an_observation_is_a_measurement_on_the_trend_not_a_follow_up()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ChronicCareApiTests<TApp>.ResidentAsync(doctor, Today.AddYears(-62));
        await ChronicCareApiTests<TApp>.RegisterAsync(doctor, resident, "Hypertension", Today.AddYears(-2));
        var before = await doctor.GetJsonAsync($"/api/chronic/patients/{resident}");

        var created = await doctor.PostAsync("/fhir/Observation", Body(Bp(resident, $"{Today.AddDays(-1):yyyy-MM-dd}T07:30:00+08:00", 146, 92)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.Location);
        var o = await ReadAsync<Observation>(created);
        Assert.Equal(146m, ((Quantity)o.Component[0].Value).Value);
        var glucose = await doctor.PostAsync("/fhir/Observation", Body($$$"""
            {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1558-6"}]},
             "subject":{"reference":"Patient/{{{resident}}}"},"effectiveDateTime":"{{{Today:yyyy-MM-dd}}}",
             "valueQuantity":{"value":126,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}}
            """));
        Assert.Equal(7.0m, ((Quantity)(await ReadAsync<Observation>(glucose)).Value).Value); // 126 mg/dL = 7.0 mmol/L

        var after = await doctor.GetJsonAsync($"/api/chronic/patients/{resident}");
        Assert.Equal(before.GetProperty("visits").GetArrayLength(), after.GetProperty("visits").GetArrayLength()); // not a follow-up
        var readings = after.GetProperty("measurements").Items().Where(m => m.Str("source") == "fhir").ToList();
        Assert.Equal(2, readings.Count);
        Assert.Contains(readings, m => m.Str("kind") == "BloodPressure" && m.GetProperty("systolic").GetInt32() == 146 && m.Str("on") == $"{Today.AddDays(-1):yyyy-MM-dd}");

        // bad readings are an OperationOutcome naming the element, and nothing is stored
        foreach (var (json, element) in new[]
        {
            (Bp(resident, $"{Today:yyyy-MM-dd}", 400, 80), "Observation.component[0].value"),
            (Bp(resident, $"{Today.AddDays(3):yyyy-MM-dd}", 130, 80), "Observation.effective[x]"),
            (Bp(resident, $"{Today:yyyy-MM-dd}", 130, 80, status: "preliminary"), "Observation.status"),
            (Bp("not-a-patient", $"{Today:yyyy-MM-dd}", 130, 80), "Observation.subject"),
            (Bp(resident, $"{Today:yyyy-MM-dd}", 130, 80).Replace("85354-9", "29463-7"), "Observation.code"),
        })
        {
            var r = await doctor.PostAsync("/fhir/Observation", Body(json));
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var outcome = JsonSerializer.Deserialize<OperationOutcome>(await r.Content.ReadAsStringAsync(), Fhir)!;
            Assert.Contains(outcome.Issue, i => i.Expression.Contains(element));
        }
        var final = await doctor.GetJsonAsync($"/api/chronic/patients/{resident}");
        Assert.Equal(2, final.GetProperty("measurements").Items().Count(m => m.Str("source") == "fhir"));

        // another station's patient is not found; a receptionist may read but not write
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("doctor2")).PostAsync("/fhir/Observation", Body(Bp(resident, $"{Today:yyyy-MM-dd}", 130, 80)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("recep1")).PostAsync("/fhir/Observation", Body(Bp(resident, $"{Today:yyyy-MM-dd}", 130, 80)))).StatusCode);
    }

    [Fact]
    public async Task Conditions_and_observations_are_searchable_by_patient_code_and_date()
    {
        var doctor = await app.ClientAsync("doctor1");
        var (resident, _) = await ChronicCareApiTests<TApp>.ResidentAsync(doctor, Today.AddYears(-55));
        await ChronicCareApiTests<TApp>.RegisterAsync(doctor, resident, "Hypertension", Today.AddYears(-3));
        await ChronicCareApiTests<TApp>.RegisterAsync(doctor, resident, "Diabetes", Today.AddYears(-1));
        Assert.Equal(HttpStatusCode.Created, (await ChronicCareApiTests<TApp>.VisitAsync(doctor, resident, Today.AddDays(-40), 142, 88, 7.6m)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ChronicCareApiTests<TApp>.VisitAsync(doctor, resident, Today.AddDays(-10), 128, 82, 6.4m)).StatusCode);

        var conditions = await ReadAsync<Bundle>(await doctor.GetAsync($"/fhir/Condition?patient=Patient/{resident}"));
        Assert.Equal(2, conditions.Total);
        var htn = await ReadAsync<Bundle>(await doctor.GetAsync($"/fhir/Condition?patient={resident}&code=http://hl7.org/fhir/sid/icd-10|I10"));
        var condition = Assert.IsType<Condition>(Assert.Single(htn.Entry).Resource);
        Assert.Equal("active", condition.ClinicalStatus.Coding[0].Code);
        Assert.Equal(Today.AddYears(-3).ToString("yyyy-MM-dd"), ((FhirDateTime)condition.Onset).Value);
        var read = await ReadAsync<Condition>(await doctor.GetAsync($"/fhir/Condition/{condition.Id}"));
        Assert.Equal($"Patient/{resident}", read.Subject.Reference);

        var bps = await ReadAsync<Bundle>(await doctor.GetAsync($"/fhir/Observation?patient={resident}&code=http://loinc.org|85354-9"));
        Assert.Equal(2, bps.Total);
        var last = (Observation)bps.Entry[^1].Resource;
        Assert.Equal("8480-6", last.Component[0].Code.Coding[0].Code);
        Assert.Equal(128m, ((Quantity)last.Component[0].Value).Value);
        Assert.Equal("mm[Hg]", ((Quantity)last.Component[1].Value).Code);
        var recent = await ReadAsync<Bundle>(await doctor.GetAsync($"/fhir/Observation?patient={resident}&code=1558-6&date=ge{Today.AddDays(-20):yyyy-MM-dd}"));
        var glucose = (Observation)Assert.Single(recent.Entry).Resource;
        Assert.Equal(6.4m, ((Quantity)glucose.Value).Value);
        Assert.Equal("mmol/L", ((Quantity)glucose.Value).Code);
        Assert.Equal(glucose.Id, (await ReadAsync<Observation>(await doctor.GetAsync($"/fhir/Observation/{glucose.Id}"))).Id);

        var bad = await doctor.GetAsync($"/fhir/Observation?patient={resident}&date=2026-13-40");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("OperationOutcome", await bad.Content.ReadAsStringAsync());

        // another station: not found on read, absent in search
        var other = await app.ClientAsync("doctor2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/fhir/Condition/{condition.Id}")).StatusCode);
        Assert.Equal(0, (await ReadAsync<Bundle>(await other.GetAsync($"/fhir/Observation?patient={resident}"))).Total);
    }
}

public sealed class ChronicFhirTestsSqlite(SqliteApp app) : ChronicFhirTests<SqliteApp>(app);
public sealed class ChronicFhirTestsPostgres(PostgresApp app) : ChronicFhirTests<PostgresApp>(app);
