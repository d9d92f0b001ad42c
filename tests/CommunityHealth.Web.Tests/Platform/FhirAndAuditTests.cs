#nullable disable
using System.Net;
using System.Text.Json;
using CommunityHealth.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace CommunityHealth.Web.Tests.Platform;

public abstract class FhirAndAuditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage r) where T : Resource =>
        JsonSerializer.Deserialize<T>(await r.Content.ReadAsStringAsync(), Fhir)!;

    [Fact]
    public async Task Metadata_is_an_r4_capability_statement_listing_organization_and_practitioner()
    {
        var r = await app.CreateClient().GetAsync("/fhir/metadata");
        Assert.Equal("application/fhir+json", r.Content.Headers.ContentType?.MediaType);
        var cs = await ReadAsync<CapabilityStatement>(r);
        Assert.Equal(FHIRVersion.N4_0_1, cs.FhirVersion);
        var types = cs.Rest.Single().Resource.Select(x => x.Type).ToList();
        Assert.Contains("Organization", types);
        Assert.Contains("Practitioner", types);
    }

    [Fact]
    public async Task Organization_search_and_read_reflect_the_tree()
    {
        var client = await app.ClientAsync("admin");
        var bundle = await ReadAsync<Bundle>(await client.GetAsync("/fhir/Organization?identifier=330106001001"));
        var station = (Organization)bundle.Entry.Single().Resource;
        Assert.Equal("宝石社区卫生服务站", station.Name);
        Assert.Equal("station", station.Type[0].Coding[0].Code);
        var parentId = station.PartOf.Reference.Split('/')[1];
        var center = await ReadAsync<Organization>(await client.GetAsync($"/fhir/Organization/{parentId}"));
        Assert.Equal("330106001", center.Identifier[0].Value);

        var page = await ReadAsync<Bundle>(await client.GetAsync("/fhir/Organization?_count=3"));
        Assert.Equal(8, page.Total);
        Assert.Equal(3, page.Entry.Count);
        var next = page.Link.Single(l => l.Relation == "next").Url;
        var page2 = await ReadAsync<Bundle>(await client.GetAsync(new Uri(next).PathAndQuery));
        Assert.Equal(3, page2.Entry.Count);
        Assert.Empty(page.Entry.Select(e => e.Resource.Id).Intersect(page2.Entry.Select(e => e.Resource.Id)));
        var partOf = await ReadAsync<Bundle>(await client.GetAsync($"/fhir/Organization?partof=Organization/{parentId}"));
        Assert.Equal(3, partOf.Total);
    }

    [Fact]
    public async Task Practitioner_search_by_name_and_identifier_and_read()
    {
        var client = await app.ClientAsync("director1");
        var byLogin = await ReadAsync<Bundle>(await client.GetAsync("/fhir/Practitioner?identifier=doctor1"));
        var doctor = (Practitioner)byLogin.Entry.Single().Resource;
        Assert.Equal("FamilyDoctor", doctor.Qualification[0].Code.Coding[0].Code);
        var read = await ReadAsync<Practitioner>(await client.GetAsync($"/fhir/Practitioner/{doctor.Id}"));
        Assert.Equal(doctor.Name[0].Text, read.Name[0].Text);
        var byName = await ReadAsync<Bundle>(await client.GetAsync($"/fhir/Practitioner?name={Uri.EscapeDataString(doctor.Name[0].Text[..1])}"));
        Assert.Contains(byName.Entry, e => e.Resource.Id == doctor.Id);
    }

    [Fact]
    public async Task Unknown_or_out_of_scope_resources_are_404_operation_outcomes()
    {
        var client = await app.ClientAsync("doctor1");
        foreach (var url in new[] { $"/fhir/Organization/{Guid.NewGuid()}", "/fhir/Organization/not-a-guid", $"/fhir/Practitioner/{Guid.NewGuid()}" })
        {
            var r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            var outcome = await ReadAsync<OperationOutcome>(r);
            Assert.Equal(OperationOutcome.IssueType.NotFound, outcome.Issue[0].Code);
        }
    }

    [Fact]
    public async Task Audit_query_filters_by_user_action_and_date()
    {
        var admin = await app.ClientAsync("admin");
        await app.TokenAsync("nurse2");
        var signIns = await admin.GetJsonAsync("/api/audit?userName=nurse2&action=sign-in");
        Assert.True(signIns.GetProperty("total").GetInt32() >= 1);
        var row = signIns.GetProperty("items").Items().First();
        Assert.Equal("Nurse", row.Str("roles"));
        Assert.Equal("Staff", row.Str("entity"));
        var tomorrow = TestClock.Today.AddDays(1).ToString("yyyy-MM-dd");
        var none = await admin.GetJsonAsync($"/api/audit?userName=nurse2&from={tomorrow}");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var bad = await admin.GetAsync($"/api/audit?from={tomorrow}&to=2020-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

public sealed class FhirAndAuditTestsSqlite(SqliteApp app) : FhirAndAuditTests<SqliteApp>(app);
public sealed class FhirAndAuditTestsPostgres(PostgresApp app) : FhirAndAuditTests<PostgresApp>(app);
