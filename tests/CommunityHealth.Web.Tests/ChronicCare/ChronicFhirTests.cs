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
