using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform;
using CommunityHealth.Web.Platform.Fhir;
using CommunityHealth.Web.Platform.Modules;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Web.Tests.Platform;

/// <summary>
/// The rough edges of the HTTP surface: a parameter the binder refuses, an unknown URL, a missing token, a conflict:
/// each answers in the one error vocabulary (ProblemDetails under /api, OperationOutcome under /fhir), named and in Chinese.
/// </summary>
public sealed class HttpErrorTests(HttpErrorTests.App app) : IClassFixture<HttpErrorTests.App>
{
    /// <summary>The real application plus one FHIR route with typed parameters (no FHIR route of the modules binds one).</summary>
    public sealed class App() : TestApp(Provider.Sqlite)
    {
        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(s => s.AddSingleton<IModule, ProbeModule>());
    }

    private sealed class ProbeModule : IModule
    {
        public string Name => "Probe";

        public void MapFhir(RouteGroupBuilder fhir) =>
            fhir.MapGet("/BindingProbe", (int count, DateOnly date) => Results.Ok(new { count, date })).AllowAnonymous();
    }

    [Theory]
    [InlineData("nurse1", "/api/vaccination/worklist?window=Bogus", "window", "Overdue")]   // an unknown enum value: the allowed ones are listed
    [InlineData("director1", "/api/indicators/records.usage/trend?periods=abc", "periods", "数字")]
    [InlineData("director1", "/api/indicators/records.usage?org=xyz", "org", "")]
    public async Task A_parameter_the_binder_refuses_is_a_problem_naming_it_in_chinese(string user, string url, string field, string says)
    {
        var r = await (await app.ClientAsync(user)).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var message = await ProblemAssert.FieldErrorAsync(r, field);
        Assert.Contains(says, message);
    }

    [Fact]
    public async Task A_refused_parameter_is_explained_in_english_when_the_culture_cookie_says_en()
    {
        var client = await app.ClientAsync("nurse1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/vaccination/worklist?window=Bogus");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var r = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var message = (await r.ReadJsonAsync()).GetProperty("errors").GetProperty("window")[0].GetString()!;
        Assert.Equal("'Bogus' is not valid; use one of: Week, Overdue, Due", message);
    }

    [Fact]
    public async Task A_refused_parameter_under_fhir_is_an_operation_outcome_naming_it()
    {
        var client = await app.ClientAsync("doctor1");
        var r = await client.GetAsync("/fhir/BindingProbe?count=many&date=2026-02-30");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/fhir+json", r.Content.Headers.ContentType?.MediaType);
        var issue = (await r.ReadJsonAsync()).GetProperty("issue")[0];
        Assert.Equal("invalid", issue.Str("code"));
        Assert.Contains(issue.GetProperty("expression").Items(), e => e.GetString() is "count" or "date");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", issue.Str("diagnostics"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/fhir/BindingProbe?date=2026-02-01")).StatusCode); // count missing
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fhir/BindingProbe?count=3&date=2026-02-01")).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_problem_not_a_500()
    {
        var client = await app.ClientAsync("admin");
        var r = await client.PostAsync("/api/staff", new StringContent("{\"userName\": 12", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (await r.ReadJsonAsync()).GetProperty("errors").EnumerateObject().First().Value[0].GetString()!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Fhir_without_a_valid_token_is_a_401_operation_outcome_with_www_authenticate(string? token)
    {
        var client = app.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var r = await client.GetAsync("/fhir/Patient?name=王");
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("application/fhir+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains(r.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var outcome = await r.ReadJsonAsync();
        Assert.Equal("OperationOutcome", outcome.Str("resourceType"));
        Assert.Equal("login", outcome.GetProperty("issue")[0].Str("code"));
    }

    [Fact]
    public async Task Api_without_a_token_is_a_401_problem_with_www_authenticate()
    {
        var r = await app.CreateClient().GetAsync("/api/residents");
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains(r.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (await r.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task Fhir_forbidden_stays_a_403_operation_outcome()
    {
        var receptionist = await app.ClientAsync("recep1");
        var r = await receptionist.PostAsync("/fhir/Patient", new StringContent("{\"resourceType\":\"Patient\"}", System.Text.Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal("forbidden", (await r.ReadJsonAsync()).GetProperty("issue")[0].Str("code"));
    }

    [Fact]
    public async Task Unknown_machine_urls_are_404s_in_their_own_vocabulary()
    {
        var client = await app.ClientAsync("doctor1");
        var api = await client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var fhir = await client.GetAsync("/fhir/NoSuchResource");
        Assert.Equal(HttpStatusCode.NotFound, fhir.StatusCode);
        Assert.Equal("not-found", (await fhir.ReadJsonAsync()).GetProperty("issue")[0].Str("code"));
        var method = await client.DeleteAsync("/fhir/metadata");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("not-supported", (await method.ReadJsonAsync()).GetProperty("issue")[0].Str("code"));
    }

    [Fact]
    public async Task An_unknown_page_is_the_chinese_not_found_page_with_status_404()
    {
        var r = await app.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("页面不存在", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_real_conflict_is_a_409_naming_the_field()
    {
        var admin = await app.ClientAsync("admin");
        var r = await admin.PostAsJsonAsync("/api/staff", new { userName = "doctor1", displayName = "重名", password = "Another2026Pass", organizationId = await StationAsync(admin), roles = new[] { "Nurse" } });
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("该用户名已被使用，请换一个", (await r.ReadJsonAsync()).GetProperty("errors").GetProperty("userName")[0].GetString());
    }

    [Fact]
    public void A_conflict_maps_to_409_in_both_vocabularies()
    {
        var conflict = new Conflict("certificateNumber", "error.vaccinee.certificate_taken");
        Assert.Equal(409, ((IStatusCodeHttpResult)Problems.From(conflict)).StatusCode);
        var fhir = (FhirResult)FhirJson.Outcome(conflict);
        Assert.Equal(409, fhir.StatusCode);
        var issue = ((Hl7.Fhir.Model.OperationOutcome)fhir.Resource).Issue.Single();
        Assert.Equal(Hl7.Fhir.Model.OperationOutcome.IssueType.Duplicate, issue.Code);
        Assert.Equal(["certificateNumber"], issue.Expression);
    }

    private static async Task<string> StationAsync(HttpClient admin) =>
        (await admin.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("divisionCode") == "330106001001").Str("id");
}
