#nullable disable
using System.Net;
using System.Text;
using System.Text.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace CommunityHealth.Web.Tests.Residents;

public abstract class PatientFhirTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static int _seq;

    private static StringContent Body(Resource r) => new(JsonSerializer.Serialize(r, r.GetType(), Fhir), Encoding.UTF8, "application/fhir+json");
    private static async Task<T> ReadAsync<T>(HttpResponseMessage r) where T : Resource => JsonSerializer.Deserialize<T>(await r.Content.ReadAsStringAsync(), Fhir);

    private async Task<string> StationAsync(string code) =>
        (await (await app.ClientAsync("admin")).GetJsonAsync("/api/organizations")).Items().Single(o => o.Str("divisionCode") == code).Str("id");

    private static Patient NewPatient(string station, string name, string idNumber, string birth = null) => new()
    {
        Identifier = [new Identifier("urn:oid:2.16.156.10011.1.3", idNumber)],
        Name = [new HumanName { Text = name }],
        Gender = AdministrativeGender.Female,
        BirthDate = birth,
        ManagingOrganization = new ResourceReference($"Organization/{station}"),
        Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, "13700001111")],
    };

    private static string NewId(DateOnly birth) => IdCardNumber.Compose("330106", birth, (Interlocked.Increment(ref _seq) * 2) % 1000);

    [Fact]
    public async Task Patient_create_read_update_and_search()
    {
        var client = await app.ClientAsync("doctor1");
        var station = await StationAsync("330106001001");
        var id = NewId(new DateOnly(1966, 9, 9));
        var created = await client.PostAsync("/fhir/Patient", Body(NewPatient(station, "欧阳秀英", id)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var patient = await ReadAsync<Patient>(created);
        Assert.Equal("1966-09-09", patient.BirthDate);
        Assert.Equal("欧阳", patient.Name[0].Family);
        Assert.Contains(patient.Identifier, i => i.System == "urn:oid:2.16.156.10011.1.2" && i.Value.Length == 17);
        Assert.Equal($"Organization/{station}", patient.ManagingOrganization.Reference);

        var read = await ReadAsync<Patient>(await client.GetAsync($"/fhir/Patient/{patient.Id}"));
        Assert.Equal(patient.Id, read.Id);

        read.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, "13700002222")];
        var updated = await client.PutAsync($"/fhir/Patient/{patient.Id}", Body(read));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("13700002222", (await ReadAsync<Patient>(updated)).Telecom[0].Value);

        foreach (var query in new[] { $"identifier=urn:oid:2.16.156.10011.1.3|{id}", $"identifier={id}", "name=欧阳", "birthdate=1966-09-09&gender=female", "birthdate=ge1966-09-01&birthdate=le1966-09-30" })
        {
            var bundle = await ReadAsync<Bundle>(await client.GetAsync($"/fhir/Patient?{query}"));
            Assert.Contains(bundle.Entry, e => e.Resource.Id == patient.Id);
        }
        var none = await ReadAsync<Bundle>(await client.GetAsync("/fhir/Patient?birthdate=1966-09-09&gender=male"));
        Assert.DoesNotContain(none.Entry, e => e.Resource.Id == patient.Id);
    }

    [Fact]
    public async Task Patient_search_pages_with_count_and_next_links()
    {
        var client = await app.ClientAsync("doctor2");
        var station = await StationAsync("330106001002");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/fhir/Patient", Body(NewPatient(station, $"翻页{(char)('甲' + i)}", NewId(new DateOnly(1971, 1, 1 + i)))))).StatusCode);
        var page1 = await ReadAsync<Bundle>(await client.GetAsync("/fhir/Patient?name=翻页&_count=2"));
        Assert.Equal(5, page1.Total);
        Assert.Equal(2, page1.Entry.Count);
        var seen = page1.Entry.Select(e => e.Resource.Id).ToList();
        var next = page1.Link.Single(l => l.Relation == "next").Url;
        while (next is not null)
        {
            var page = await ReadAsync<Bundle>(await client.GetAsync(new Uri(next).PathAndQuery));
            seen.AddRange(page.Entry.Select(e => e.Resource.Id));
            next = page.Link.FirstOrDefault(l => l.Relation == "next")?.Url;
        }
        Assert.Equal(5, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("330106196609091234", null, "Patient.identifier")]   // checksum
    [InlineData(null, "2099-01-01", "Patient.birthDate")]           // future
    [InlineData(null, "1970-01-01", "Patient.birthDate")]           // contradicts the ID number
    public async Task Bad_patients_are_400_operation_outcomes_naming_the_element_and_nothing_is_stored(string idNumber, string birth, string element)
    {
        var client = await app.ClientAsync("doctor3");
        var station = await StationAsync("330106001003");
        var patient = NewPatient(station, "错误", idNumber ?? NewId(new DateOnly(1980, 5, 5)), birth);
        await using var db = app.SystemDb();
        var before = await db.Residents.CountAsync();
        var r = await client.PostAsync("/fhir/Patient", Body(patient));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var outcome = await ReadAsync<OperationOutcome>(r);
        Assert.Contains(outcome.Issue, i => i.Expression.Contains(element));
        Assert.Equal(before, await db.Residents.CountAsync());
    }

    [Fact]
    public async Task Malformed_json_is_an_operation_outcome()
    {
        var client = await app.ClientAsync("doctor3");
        var r = await client.PostAsync("/fhir/Patient", new StringContent("{\"resourceType\":\"Patient\",\"birthDate\":12", Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.NotEmpty((await ReadAsync<OperationOutcome>(r)).Issue);
    }

    [Fact]
    public async Task A_patient_outside_the_scope_is_404_on_read_and_absent_in_search()
    {
        var owner = await app.ClientAsync("doctor4");
        var station = await StationAsync("330106002001");
        var id = NewId(new DateOnly(1955, 12, 12));
        var created = await ReadAsync<Patient>(await owner.PostAsync("/fhir/Patient", Body(NewPatient(station, "范围外", id))));
        var stranger = await app.ClientAsync("doctor1");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/fhir/Patient/{created.Id}")).StatusCode);
        var search = await ReadAsync<Bundle>(await stranger.GetAsync($"/fhir/Patient?identifier={id}"));
        Assert.Equal(0, search.Total);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsync($"/fhir/Patient/{created.Id}", Body(created))).StatusCode);
    }
}

public sealed class PatientFhirTestsSqlite(SqliteApp app) : PatientFhirTests<SqliteApp>(app);
public sealed class PatientFhirTestsPostgres(PostgresApp app) : PatientFhirTests<PostgresApp>(app);
