using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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
    [InlineData("director1", "/api/vaccination/coverage?cohort=abc", "cohort", "数字")]
    [InlineData("director1", "/api/vaccination/coverage", "cohort", "必填")]                  // a required parameter missing
    [InlineData("director1", "/api/chronic/indicators?from=2026-13-01", "from", "yyyy-MM-dd")]
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
}
