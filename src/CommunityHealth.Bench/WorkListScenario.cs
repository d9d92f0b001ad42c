using System.Diagnostics;
using System.Net.Http.Json;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.ChronicCare;
using CommunityHealth.Web.Modules.Immunization;
using CommunityHealth.Web.Modules.WorkList;
using CommunityHealth.Web.Platform;
using CommunityHealth.Web.Platform.WorkList;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Bench;

/// <summary>
/// Issue 21's targets on the district the other scenarios loaded: the home list's items are written in bulk from every
/// programme's own recomputation (<see cref="IWorkProgramme.ExpectedAsync"/>, the functions the writers use), then the
/// first page of the list for a team and for a center and the counts per programme are measured over HTTP, through the
/// handler in process and as hand-written SQL.
/// </summary>
public static class WorkListScenario
{
    public sealed record Result(string Provider, int Items, double GenerateSeconds, List<ResidentScenario.Row> Rows);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow + ChinaTime.Offset);

    public static async Task<Result> RunAsync(AppProcess app, string provider, BenchOptions options)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await ResidentScenario.TokenAsync(http));
        await using var db = ResidentScenario.Context(provider, app.ConnectionString);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var programmes = new WorkProgrammes([new ImmunizationWorkItems(new RefreshDueDates(TimeProvider.System)), new HypertensionWorkItems(), new DiabetesWorkItems()]);

        Console.WriteLine($"Writing the home list's items on {provider} …");
        var sw = Stopwatch.StartNew();
        await db.WorkItems.ExecuteDeleteAsync(); // the items the HTTP scenarios wrote are written again, with everyone else's
        var now = DateTime.UtcNow; now = now.AddTicks(-(now.Ticks % 10));
        var count = 0;
        await using (var loader = new BulkLoader(db, provider, app.ConnectionString))
        {
            await loader.DeferIndexesAsync(typeof(WorkItem));
            foreach (var programme in programmes.All)
                foreach (var chunk in (await programme.SourcesAsync(db, default)).Chunk(2000))
                {
                    var items = (await programme.ExpectedAsync(db, Today, chunk, default)).SelectMany(s => s.Due.Select(d => WorkItemWriter.New(s.Source, d, now))).ToList();
                    await loader.WriteAsync(items);
                    db.ChangeTracker.Clear();
                    count += items.Count;
                }
            await loader.RestoreIndexesAsync();
        }
        var generate = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"Wrote {count:N0} work items in {generate:F1} s");
        await SteadyState.SettleAsync(db, provider);

        var (_, staff, dbs, organizations) = await InProcess.CreateAsync(provider, app.ConnectionString, db);
        var list = new ListWorkItems(dbs, programmes, organizations, TimeProvider.System);
        var counts = new CountWorkItems(dbs, programmes, TimeProvider.System);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var centers = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Center).OrderBy(o => o.DivisionCode).ToListAsync();
        var perTeam = Enumerable.Range(0, 200).Select(i => teams[i * 7919 % teams.Count]).ToList();
        var perCenter = Enumerable.Range(0, 100).Select(i => centers[i % centers.Count]).ToList();

        // a center's director signs in: the center's scope is its own and its stations' rows
        var centerClients = new Dictionary<Guid, HttpClient>();
        foreach (var c in centers)
        {
            var user = $"wl{c.DivisionCode}";
            await http.PostAsJsonAsync("/api/staff", new { userName = user, displayName = "中心主任", password = AppProcess.AdminPassword, organizationId = c.Id, roles = new[] { StaffRole.CenterDirector } });
            var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
            var token = (await (await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = AppProcess.AdminPassword }))
                .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("access_token").GetString()!;
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            centerClients[c.Id] = client;
        }
        StaffContext CenterStaff(CommunityHealth.Data.Organizations.Organization c) =>
            new(Guid.Empty, "bench", "bench", [StaffRole.CenterDirector], c.Id, OrganizationKind.Center, c.Id, c.DistrictId, "127.0.0.1");

        await using var raw = ResidentScenario.Raw(provider, app.ConnectionString);
        await raw.OpenAsync();
        object P(Guid g) => Load.Key(provider, g);
        var today = provider == "Postgres" ? (object)Today : Today.ToString("yyyy-MM-dd");
        const string Page = "SELECT * FROM work_items WHERE \"DistrictId\" = @d AND \"{0}\" = @k AND \"Status\" = 0 AND \"DueOn\" <= @t ORDER BY \"DueOn\", \"Id\" LIMIT 100";
        const string Counts = "SELECT \"Programme\", COUNT(*), SUM(CASE WHEN \"OverdueFrom\" <= @t THEN 1 ELSE 0 END) FROM work_items " +
                              "WHERE \"DistrictId\" = @d AND \"{0}\" = @k AND \"Status\" = 0 AND \"DueOn\" <= @t GROUP BY \"Programme\"";
        var rows = new List<ResidentScenario.Row>();
        var d = staff.DistrictId;
        rows.Add(new ResidentScenario.Row("team home list, first page (due today)",
            await Load.SequentialAsync("team list HTTP", http, perTeam.Select(t => $"/api/worklist?team={t}").ToList()),
            await Load.SequentialCallsAsync("team list handler", perTeam, t => list.HandleAsync(staff, new WorkListRequest(Team: t))),
            await Load.SequentialRawAsync("team list raw", raw, string.Format(Page, "TeamId"), perTeam.Select(t => Ps(P(d), P(t), today)).ToList())));
        rows.Add(new ResidentScenario.Row("center home list, first page (due today)",
            await SequentialPerClientAsync("center list HTTP", perCenter.Select(c => (centerClients[c.Id], "/api/worklist")).ToList()),
            await Load.SequentialCallsAsync("center list handler", perCenter, c => list.HandleAsync(CenterStaff(c), new WorkListRequest())),
            await Load.SequentialRawAsync("center list raw", raw, string.Format(Page, "CenterId"), perCenter.Select(c => Ps(P(d), P(c.Id), today)).ToList())));
        rows.Add(new ResidentScenario.Row("team counts per programme (30 days)",
            await Load.SequentialAsync("team counts HTTP", http, perTeam.Select(t => $"/api/worklist/counts?team={t}&due=30d").ToList()),
            await Load.SequentialCallsAsync("team counts handler", perTeam, t => counts.HandleAsync(staff, new WorkListRequest(Team: t, Due: "30d"))),
            await Load.SequentialRawAsync("team counts raw", raw, string.Format(Counts, "TeamId").Replace("\"DueOn\" <= @t GROUP", "\"DueOn\" <= @t30 GROUP"),
                perTeam.Select(t => Ps(P(d), P(t), today, Plus30(provider))).ToList())));
        rows.Add(new ResidentScenario.Row("center counts per programme (30 days)",
            await SequentialPerClientAsync("center counts HTTP", perCenter.Select(c => (centerClients[c.Id], "/api/worklist/counts?due=30d")).ToList()),
            await Load.SequentialCallsAsync("center counts handler", perCenter, c => counts.HandleAsync(CenterStaff(c), new WorkListRequest(Due: "30d"))),
            await Load.SequentialRawAsync("center counts raw", raw, string.Format(Counts, "CenterId").Replace("\"DueOn\" <= @t GROUP", "\"DueOn\" <= @t30 GROUP"),
                perCenter.Select(c => Ps(P(d), P(c.Id), today, Plus30(provider))).ToList())));
        foreach (var c in centerClients.Values) c.Dispose();
        return new Result(provider, count, generate, rows);
    }

    private static object Plus30(string provider) => provider == "Postgres" ? Today.AddDays(30) : Today.AddDays(30).ToString("yyyy-MM-dd");

    private static Dictionary<string, object> Ps(object d, object k, object t, object? t30 = null)
    {
        var ps = new Dictionary<string, object> { ["d"] = d, ["k"] = k, ["t"] = t };
        if (t30 is not null) ps["t30"] = t30;
        return ps;
    }

    /// <summary>One request after another, each with its own signed-in client (a center's director).</summary>
    private static async Task<Measurement> SequentialPerClientAsync(string name, IReadOnlyList<(HttpClient Client, string Url)> calls) =>
        await Load.SequentialCallsAsync(name, calls, async c =>
        {
            using var r = await c.Client.GetAsync(c.Url);
            await r.Content.ReadAsByteArrayAsync();
            return r.IsSuccessStatusCode ? 0 : throw new HttpRequestException($"{c.Url}: {(int)r.StatusCode}");
        });
}
