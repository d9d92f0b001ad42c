using System.Net.Http.Json;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Web.Platform.WorkList;
using CommunityHealth.Web.Tests.ChronicCare;
using CommunityHealth.Web.Tests.Immunization;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Web.Tests.WorkList;

/// <summary>
/// The stored items are what the histories give: a generated population is written through the API (doses, follow-ups,
/// deregistrations, contraindications, a closed record, a transfer), then every programme's full recomputation
/// (<see cref="IWorkProgramme.ExpectedAsync"/>, the writers' own functions) is compared with the stored open items; the
/// back-fill of an emptied table gives them again.
/// </summary>
public abstract class WorkItemConsistencyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static DateOnly Today => TestClock.Today;
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    private sealed record Key(string Programme, Guid SourceId, Guid ResidentId, Guid OrganizationId, string Code, DateOnly DueOn, DateOnly OverdueFrom);

    private async Task<(List<Key> Stored, List<Key> Expected)> CompareAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = app.SystemDb();
        var expected = new List<Key>();
        foreach (var p in scope.ServiceProvider.GetRequiredService<WorkProgrammes>().All)
            foreach (var s in await p.ExpectedAsync(db, Today, await p.SourcesAsync(db, default), default))
                expected.AddRange(s.Due.Select(d => new Key(s.Source.Programme, s.Source.SourceId, s.Source.ResidentId, s.Source.OrganizationId, d.Code, d.DueOn, d.OverdueFrom)));
        var stored = (await db.WorkItems.AsNoTracking().Where(i => i.Status == WorkItemStatus.Open).ToListAsync())
            .Select(i => new Key(i.Programme, i.SourceId, i.ResidentId, i.OrganizationId, i.Code, i.DueOn, i.OverdueFrom)).ToList();
        return (stored.OrderBy(k => k.ToString()).ToList(), expected.OrderBy(k => k.ToString()).ToList());
    }

    /// <summary>For a failure: each differing source's history, stored items and recomputed items.</summary>
    private async Task<string> DifferenceAsync(List<Key> stored, List<Key> expected)
    {
        var lines = new List<string>();
        await using var db = app.SystemDb();
        foreach (var src in stored.Except(expected).Concat(expected.Except(stored)).Select(k => k.SourceId).Distinct())
        {
            var doses = await db.VaccinationDoses.AsNoTracking().Where(d => d.VaccineeId == src).OrderBy(d => d.GivenAt).ToListAsync();
            lines.Add($"{src}: doses {string.Join("; ", doses.Select(d => $"{d.Vaccine} {d.GivenOn:yyyy-MM-dd} valid={d.Valid}"))}");
            lines.Add("  stored " + string.Join(", ", stored.Where(k => k.SourceId == src).Select(k => $"{k.Code}@{k.DueOn:yyyy-MM-dd}")));
            lines.Add("  recomputed " + string.Join(", ", expected.Where(k => k.SourceId == src).Select(k => $"{k.Code}@{k.DueOn:yyyy-MM-dd}")));
        }
        return string.Join(Environment.NewLine, lines);
    }

    [Fact]
    public async Task The_stored_items_equal_a_full_recomputation_from_the_histories_and_back_fill_restores_them()
    {
        var rng = new Random(21);
        var nurse = await app.ClientAsync("nurse1");
        var doctor = await app.ClientAsync("doctor1");
        var children = new List<(string Resident, string Vaccinee)>();
        for (var c = 0; c < 14; c++)
        {
            var birth = Today.AddDays(-rng.Next(0, 6 * 365));
            var (resident, child, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, birth);
            children.Add((resident, child));
            // give some of the doses the list asks for, each on its due day (a history with gaps, late doses and none at all)
            for (var n = rng.Next(0, 9); n > 0; n--)
            {
                var due = (await nurse.GetJsonAsync($"/api/worklist?programme=immunization&due=today&pageSize=2000")).GetProperty("items").Items()
                    .Where(i => i.Str("residentId") == resident).OrderBy(i => i.Str("dueOn")).ToList();
                if (due.Count == 0) break;
                var pick = due[rng.Next(Math.Min(3, due.Count))];
                var code = pick.Str("code");
                var on = DateOnly.Parse(pick.Str("dueOn")).AddDays(rng.Next(0, 40));
                if (on > Today) on = Today;
                var r = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new
                {
                    doses = new[] { new { vaccine = code[..code.LastIndexOf('-')], givenAt = ImmunizationApiTests<TApp>.At(on), lotNumber = "EXT", overrideReason = "补录" } },
                });
                Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            }
        }
        var ci = await nurse.PostAsJsonAsync($"/api/vaccinees/{children[0].Vaccinee}/contraindications",
            new { vaccine = "MMR", from = D(Today.AddDays(-1)), reason = "发热", kind = "Contraindication" });
        Assert.True(ci.IsSuccessStatusCode, await ci.Content.ReadAsStringAsync());

        var patients = new List<string>();
        for (var p = 0; p < 10; p++)
        {
            var (resident, _) = await ChronicCareApiTests<TApp>.ResidentAsync(doctor, Today.AddYears(-40 - rng.Next(40)));
            patients.Add(resident);
            var registered = Today.AddDays(-rng.Next(10, 400));
            var programmes = p % 3 == 0 ? new[] { "Hypertension", "Diabetes" } : [p % 3 == 1 ? "Hypertension" : "Diabetes"];
            var regs = new List<string>();
            foreach (var programme in programmes)
                regs.Add((await ChronicCareApiTests<TApp>.RegisterAsync(doctor, resident, programme, registered.AddDays(-30), registered)).Str("id"));
            var day = registered;
            for (var v = rng.Next(0, 4); v > 0 && day < Today; v--)
            {
                day = day.AddDays(rng.Next(1, Math.Max(2, (Today.DayNumber - day.DayNumber) / 2)));
                if (day > Today) day = Today;
                var r = await ChronicCareApiTests<TApp>.VisitAsync(doctor, resident, day, 120 + rng.Next(50), 70 + rng.Next(30), programmes.Contains("Diabetes") ? 5.5m + rng.Next(6) : null);
                Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            }
            if (p == 4)
            {
                var off = await doctor.PostAsJsonAsync($"/api/chronic/registrations/{regs[0]}/deregister", new { reason = "4", on = D(Today) });
                Assert.True(off.IsSuccessStatusCode, await off.Content.ReadAsStringAsync());
            }
        }
        // a record closed (moved out) and one transferred to another station: items closed, and moved with the resident
        var closed = await doctor.PostAsJsonAsync($"/api/residents/{patients[1]}/close", new { reason = "moved-out", date = D(Today) });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        var director = await app.ClientAsync("director1");
        var stations = (await director.GetJsonAsync("/api/organizations")).Items().Where(o => o.Str("kind") == "Station").Select(o => o.Str("id")).ToList();
        var transfer = await director.PostAsJsonAsync($"/api/residents/{patients[2]}/transfer", new { organizationId = stations[^1] });
        Assert.True(transfer.IsSuccessStatusCode, await transfer.Content.ReadAsStringAsync());

        var (stored, expected) = await CompareAsync();
        Assert.True(expected.Count > 40, $"only {expected.Count} items: the population does not exercise the writers");
        Assert.True(expected.SequenceEqual(stored), await DifferenceAsync(stored, expected));
        await using (var db = app.SystemDb())
        {
            Assert.Contains(stored, k => k.ResidentId == Guid.Parse(patients[2]) && k.OrganizationId == Guid.Parse(stations[^1]));
            Assert.DoesNotContain(stored, k => k.ResidentId == Guid.Parse(patients[1]));

            // an upgraded database: the table emptied, the start-up back-fill writes the same items again
            await db.WorkItems.ExecuteDeleteAsync();
            await using var scope = app.Services.CreateAsyncScope();
            await WorkItemBackfill.RunAsync(scope.ServiceProvider, db, default);
        }
        var (refilled, again) = await CompareAsync();
        Assert.Equal(again, refilled);
        Assert.Equal(stored, refilled);
    }
}

public sealed class WorkItemConsistencyTestsSqlite(SqliteApp app) : WorkItemConsistencyTests<SqliteApp>(app);
public sealed class WorkItemConsistencyTestsPostgres(PostgresApp app) : WorkItemConsistencyTests<PostgresApp>(app);
