using System.Globalization;
using System.Net.Http.Json;
using CommunityHealth.Bench;

// Benchmark program (see docs/benchmarks.md). Usage:
//   dotnet run -c Release --project src/CommunityHealth.Bench -- [--provider sqlite|postgres|both] [--scenario all|foundation|residents|immunization|chronic|clinics (= immunization + chronic)|records (= residents + immunization + chronic)|worklist (= records + the home list)|generate (the residents' generation only, no report)]
//     [--residents 1000000] [--seconds 10] [--clients 16]
//   --bare PORT   (internal) serve the bare Kestrel endpoint on PORT
if (args is ["--bare", var barePort]) { await BareServer.RunAsync(int.Parse(barePort, CultureInfo.InvariantCulture)); return 0; }

var options = BenchOptions.Parse(args);
var root = Repo.Root();
Console.WriteLine($"Building the web host (Release) in {root} …");
Shell.Run("dotnet", $"build -c Release -v q --nologo {Path.Combine(root, "src", "CommunityHealth.Web")}");

var results = new List<(string Provider, Measurement M)>();
var residentResults = new List<ResidentScenario.Result>();
var immunizationResults = new List<ImmunizationScenario.Result>();
var chronicResults = new List<ChronicScenario.Result>();
var workListResults = new List<WorkListScenario.Result>();
await using (var bare = await AppProcess.StartBareAsync())
{
    foreach (var provider in options.Providers)
    {
        if (options.Scenario is "all" or "records" or "residents" or "immunization" or "chronic" or "clinics" or "generate" or "worklist")
        {
            await using var big = await AppProcess.StartAppAsync(root, provider);
            var residents = await ResidentScenario.RunAsync(big, provider, options.Residents, options, measure: options.Scenario is "all" or "records" or "residents");
            if (options.Scenario is "all" or "records" or "residents") residentResults.Add(residents);
            if (options.Scenario is "all" or "records" or "immunization" or "clinics" or "worklist") immunizationResults.Add(await ImmunizationScenario.RunAsync(big, provider, options));
            if (options.Scenario is "all" or "records" or "chronic" or "clinics" or "worklist") chronicResults.Add(await ChronicScenario.RunAsync(big, provider, options));
            if (options.Scenario is "all" or "records" or "worklist") workListResults.Add(await WorkListScenario.RunAsync(big, provider, options));
        }
        if (options.Scenario is not ("all" or "foundation")) continue;
        await using var app = await AppProcess.StartAppAsync(root, provider);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = (await (await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = AppProcess.AdminPassword }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("access_token").GetString()!;

        var bareLoad = await Load.RunAsync("bare Kestrel GET /", bare.BaseUrl, _ => new HttpRequestMessage(HttpMethod.Get, "/"), options);
        results.Add((provider, bareLoad));
        results.Add((provider, await Load.RunAsync("GET /health", app.BaseUrl, _ => new HttpRequestMessage(HttpMethod.Get, "/health"), options)));
        results.Add((provider, await Load.RunAsync("POST /api/auth/token", app.BaseUrl, _ => new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new { username = "admin", password = AppProcess.AdminPassword }),
        }, options)));
        results.Add((provider, await Load.RunAsync("GET /api/organizations (bearer)", app.BaseUrl, _ =>
        {
            var m = new HttpRequestMessage(HttpMethod.Get, "/api/organizations");
            m.Headers.Authorization = new("Bearer", token);
            return m;
        }, options)));
    }
}

if (results.Count > 0) Report.Write(root, options, results);
if (residentResults.Count > 0) Report.WriteResidents(root, options, residentResults);
if (immunizationResults.Count > 0) Report.WriteImmunization(root, options, immunizationResults);
if (chronicResults.Count > 0) Report.WriteChronic(root, options, chronicResults);
if (workListResults.Count > 0) Report.WriteWorkList(root, options, workListResults);
if (residentResults.Count + immunizationResults.Count + chronicResults.Count + workListResults.Count > 0)
    Report.WriteTargets(root, options, residentResults, immunizationResults, chronicResults, workListResults);
return 0;
