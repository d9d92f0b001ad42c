#nullable disable
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace CommunityHealth.Web.Tests.Residents;

/// <summary>
/// An ID number that already has a record is a conflict with stored data (issue 19): 409 at the document-number field,
/// the message naming the existing record as far as the caller may see it, nothing saved, in /api and in /fhir.
/// </summary>
public abstract class DuplicateIdNumberTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static int _seq = 300;

    private async Task<string> OrgIdAsync(string code) =>
        (await (await app.ClientAsync("admin")).GetJsonAsync("/api/organizations")).Items().Single(o => o.Str("divisionCode") == code).Str("id");

    private static string NewId(DateOnly birth) => IdCardNumber.Compose("330106", birth, Interlocked.Increment(ref _seq) * 2 % 1000);

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string station, string name, string idNumber) =>
        await client.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name, documentType = "01", documentNumber = idNumber, residenceType = "1" } });

    [Fact]
    public async Task Registering_an_id_number_that_has_a_record_is_a_409_naming_the_record_and_saves_nothing()
    {
        var doctor = await app.ClientAsync("doctor3");
        var station = await OrgIdAsync("330106001003");
        var id = NewId(new DateOnly(1972, 4, 8));
        var first = await (await RegisterAsync(doctor, station, "孙重号", id)).ReadJsonAsync();
        var number = first.Str("recordNumber");
        await using var db = app.SystemDb();
        var before = (await db.Residents.CountAsync(), await db.AuditEntries.CountAsync(a => a.Entity == "Resident" && a.Action == "create"));

        var again = await RegisterAsync(doctor, station, "孙重号二", id);
        var message = await ProblemAssert.FieldErrorAsync(again, "documentNumber", HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains("孙重号", message);
        Assert.Contains(number, message);

        // another organisation's caller learns where to ask for a transfer, not whose record it is
        var elsewhere = await RegisterAsync(await app.ClientAsync("doctor5"), await OrgIdAsync("330106002002"), "孙重号", id);
        var masked = await ProblemAssert.FieldErrorAsync(elsewhere, "documentNumber", HttpStatusCode.Conflict);
        Assert.Contains("其他机构", masked);
        Assert.Contains(number[..12] + "*****", masked);
        Assert.DoesNotContain(number, masked);
        Assert.DoesNotContain("孙重号", masked);

        Assert.Equal(before, (await db.Residents.CountAsync(), await db.AuditEntries.CountAsync(a => a.Entity == "Resident" && a.Action == "create")));
    }

    [Fact]
    public async Task Changing_a_record_to_an_id_number_another_record_has_is_a_409_and_the_record_is_unchanged()
    {
        var doctor = await app.ClientAsync("doctor3");
        var station = await OrgIdAsync("330106001003");
        var taken = NewId(new DateOnly(1980, 1, 2));
        var holder = await (await RegisterAsync(doctor, station, "周甲", taken)).ReadJsonAsync();
        var own = NewId(new DateOnly(1980, 1, 2));
        var other = await (await RegisterAsync(doctor, station, "周乙", own)).ReadJsonAsync();

        var r = await doctor.PutAsJsonAsync($"/api/residents/{other.Str("id")}", new { name = "周乙", documentType = "01", documentNumber = taken, residenceType = "1", phone = "13900003333" });
        var message = await ProblemAssert.FieldErrorAsync(r, "documentNumber", HttpStatusCode.Conflict);
        Assert.Contains(holder.Str("recordNumber"), message);
        var after = await doctor.GetJsonAsync($"/api/residents/{other.Str("id")}");
        Assert.Equal(own, after.GetProperty("record").Str("documentNumber"));
        Assert.False(after.GetProperty("record").TryGetProperty("phone", out var phone) && phone.ValueKind == JsonValueKind.String);
        Assert.DoesNotContain((await doctor.GetJsonAsync($"/api/residents/{other.Str("id")}/history")).Items(), h => h.Str("field") is "documentNumber" or "phone");
    }

    [Fact]
    public async Task A_patient_with_a_registered_id_number_is_a_409_operation_outcome_at_the_identifier()
    {
        var doctor = await app.ClientAsync("doctor3");
        var station = await OrgIdAsync("330106001003");
        var id = NewId(new DateOnly(1975, 7, 7));
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(doctor, station, "吴已建", id)).StatusCode);
        var fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
        var patient = new Patient
        {
            Identifier = [new Identifier("urn:oid:2.16.156.10011.1.3", id)], Name = [new HumanName { Text = "吴已建" }], Gender = AdministrativeGender.Female,
            ManagingOrganization = new ResourceReference($"Organization/{station}"),
        };
        var r = await doctor.PostAsync("/fhir/Patient", new StringContent(JsonSerializer.Serialize(patient, fhir), Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        var issue = JsonSerializer.Deserialize<OperationOutcome>(await r.Content.ReadAsStringAsync(), fhir).Issue.Single();
        Assert.Equal((OperationOutcome.IssueType.Duplicate, "Patient.identifier"), (issue.Code, issue.Expression.Single()));
        Assert.Contains("已建档", issue.Diagnostics);
    }

    [Fact]
    public async Task The_openapi_document_advertises_the_409_of_register_and_update()
    {
        var paths = (await app.CreateClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/residents").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(paths.GetProperty("/api/residents/{id}").GetProperty("put").GetProperty("responses").TryGetProperty("409", out _));
    }
}

public sealed class DuplicateIdNumberTestsSqlite(SqliteApp app) : DuplicateIdNumberTests<SqliteApp>(app);
public sealed class DuplicateIdNumberTestsPostgres(PostgresApp app) : DuplicateIdNumberTests<PostgresApp>(app);
