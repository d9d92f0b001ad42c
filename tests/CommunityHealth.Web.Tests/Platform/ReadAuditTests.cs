using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommunityHealth.Web.Tests.ChronicCare;
using CommunityHealth.Web.Tests.Immunization;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.Platform;

/// <summary>
/// Every GET route under /api and /fhir, discovered from the app, is called over HTTP with real data: a route that shows
/// a person must leave an audit entry naming them; a route listed as not personal must not show one. A route missing
/// from <see cref="Samples"/> fails, so a route added later is classified (and audited) before it ships.
/// </summary>
public abstract class ReadAuditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static DateOnly Today => TestClock.Today;
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    private enum Kind { NotPersonal, Personal, ShowsPerson, AuditTrail }

    private sealed record Person(string Id, string[] Aliases, string[] Markers);

    private sealed record Seed(string Adult, string Child, string Vaccinee, string Household, string Exam, string Visit, string Registration,
        string Observation, string Immunization, string Station, string Staff, string Team, string Lot, string RecordNumber, int Cohort);

    private static readonly Dictionary<string, (Kind Kind, Func<Seed, string> Url)> Samples = new()
    {
        ["/api/me"] = (Kind.NotPersonal, _ => "/api/me"),
        ["/api/audit"] = (Kind.AuditTrail, _ => "/api/audit"),
        ["/api/organizations"] = (Kind.NotPersonal, _ => "/api/organizations"),
        ["/api/organizations/{id:guid}"] = (Kind.NotPersonal, s => $"/api/organizations/{s.Station}"),
        ["/api/teams"] = (Kind.NotPersonal, _ => "/api/teams"),
        ["/api/teams/{id:guid}"] = (Kind.NotPersonal, s => $"/api/teams/{s.Team}"),
        ["/api/staff"] = (Kind.NotPersonal, _ => "/api/staff"),
        ["/api/staff/{id:guid}"] = (Kind.NotPersonal, s => $"/api/staff/{s.Staff}"),
        ["/api/staff/roles"] = (Kind.NotPersonal, _ => "/api/staff/roles"),
        ["/api/residents"] = (Kind.ShowsPerson, s => $"/api/residents?q={s.RecordNumber}"),
        ["/api/residents/{id:guid}"] = (Kind.ShowsPerson, s => $"/api/residents/{s.Adult}"),
        ["/api/residents/{id:guid}/history"] = (Kind.Personal, s => $"/api/residents/{s.Adult}/history"),
        ["/api/residents/{id:guid}/merges"] = (Kind.Personal, s => $"/api/residents/{s.Adult}/merges"),
        ["/api/residents/import/template"] = (Kind.NotPersonal, _ => "/api/residents/import/template"),
        ["/api/residents/export"] = (Kind.ShowsPerson, s => $"/api/residents/export?q={s.RecordNumber}"),
        ["/api/residents/duplicates"] = (Kind.Personal, _ => "/api/residents/duplicates"),
        ["/api/households/{id:guid}"] = (Kind.ShowsPerson, s => $"/api/households/{s.Household}"),
        ["/api/households"] = (Kind.ShowsPerson, s => $"/api/households?q={s.RecordNumber}"),
        ["/api/code-lists"] = (Kind.NotPersonal, _ => "/api/code-lists"),
        ["/api/residents/{residentId:guid}/examinations"] = (Kind.Personal, s => $"/api/residents/{s.Adult}/examinations"),
        ["/api/residents/{residentId:guid}/encounters"] = (Kind.ShowsPerson, s => $"/api/residents/{s.Adult}/encounters"),
        ["/api/examinations/{id:guid}"] = (Kind.ShowsPerson, s => $"/api/examinations/{s.Exam}"),
        ["/api/exam-code-lists"] = (Kind.NotPersonal, _ => "/api/exam-code-lists"),
        ["/api/vaccines"] = (Kind.NotPersonal, _ => "/api/vaccines"),
        ["/api/vaccinees/{id:guid}"] = (Kind.ShowsPerson, s => $"/api/vaccinees/{s.Vaccinee}"),
        ["/api/residents/{residentId:guid}/vaccinee"] = (Kind.ShowsPerson, s => $"/api/residents/{s.Child}/vaccinee"),
        ["/api/vaccination/worklist"] = (Kind.ShowsPerson, s => $"/api/vaccination/worklist?window=Overdue&organizationId={s.Station}&pageSize=2000"),
        ["/api/vaccine-lots"] = (Kind.NotPersonal, _ => "/api/vaccine-lots"),
        ["/api/vaccine-lots/{id:guid}/movements"] = (Kind.NotPersonal, s => $"/api/vaccine-lots/{s.Lot}/movements"),
        ["/api/refrigerators"] = (Kind.NotPersonal, _ => "/api/refrigerators"),
        ["/api/temperature-readings"] = (Kind.NotPersonal, _ => "/api/temperature-readings"),
        ["/api/reminders"] = (Kind.Personal, _ => "/api/reminders"),
        ["/api/chronic/patients/{residentId:guid}"] = (Kind.ShowsPerson, s => $"/api/chronic/patients/{s.Adult}"),
        ["/api/chronic/visits/{id:guid}"] = (Kind.ShowsPerson, s => $"/api/chronic/visits/{s.Visit}"),
        ["/api/chronic/worklist"] = (Kind.ShowsPerson, s => $"/api/chronic/worklist?list=Overdue&organizationId={s.Station}&pageSize=2000"),
        ["/api/chronic/codes"] = (Kind.NotPersonal, _ => "/api/chronic/codes"),
        ["/api/indicators"] = (Kind.NotPersonal, _ => "/api/indicators"),
        ["/api/indicators/board"] = (Kind.NotPersonal, _ => "/api/indicators/board"),
        ["/api/indicators/board/export"] = (Kind.NotPersonal, _ => "/api/indicators/board/export"),
        ["/api/indicators/{code}"] = (Kind.NotPersonal, s => $"/api/indicators/records.usage?org={s.Station}"),
        ["/api/indicators/{code}/export"] = (Kind.NotPersonal, s => $"/api/indicators/records.usage/export?org={s.Station}"),
        ["/api/indicators/{code}/trend"] = (Kind.NotPersonal, s => $"/api/indicators/records.usage/trend?org={s.Station}"),
        ["/api/indicators/{code}/trend/export"] = (Kind.NotPersonal, s => $"/api/indicators/records.usage/trend/export?org={s.Station}"),
        ["/api/indicators/{code}/ranking"] = (Kind.NotPersonal, _ => "/api/indicators/records.usage/ranking"),
        ["/api/indicators/{code}/ranking/export"] = (Kind.NotPersonal, _ => "/api/indicators/records.usage/ranking/export"),
        ["/api/indicators/{code}/people"] = (Kind.ShowsPerson, s => $"/api/indicators/records.usage/people?org={s.Station}&set=denominator&pageSize=500"),
        ["/api/indicators/{code}/people/export"] = (Kind.ShowsPerson, s => $"/api/indicators/records.usage/people/export?org={s.Station}&set=denominator"),
        ["/api/population"] = (Kind.NotPersonal, _ => "/api/population"),
        ["/fhir/Measure/{id}"] = (Kind.NotPersonal, _ => "/fhir/Measure/records.usage"),
        ["/fhir/Measure"] = (Kind.NotPersonal, _ => "/fhir/Measure"),
        ["/fhir/MeasureReport"] = (Kind.NotPersonal, s => $"/fhir/MeasureReport?measure=records.usage&reporter=Organization/{s.Station}"),
        ["/api/worklist"] = (Kind.ShowsPerson, _ => "/api/worklist?due=overdue&pageSize=2000"),
        ["/api/worklist/counts"] = (Kind.NotPersonal, _ => "/api/worklist/counts?due=30d"),
        ["/api/worklist/export"] = (Kind.ShowsPerson, _ => "/api/worklist/export?due=overdue"),
        ["/api/residents/{residentId:guid}/reminders"] = (Kind.Personal, s => $"/api/residents/{s.Adult}/reminders"),
        ["/fhir/metadata"] = (Kind.NotPersonal, _ => "/fhir/metadata"),
        ["/fhir/Patient/{id}"] = (Kind.ShowsPerson, s => $"/fhir/Patient/{s.Adult}"),
        ["/fhir/Patient"] = (Kind.ShowsPerson, s => $"/fhir/Patient?identifier={s.RecordNumber}"),
        ["/fhir/Organization/{id}"] = (Kind.NotPersonal, s => $"/fhir/Organization/{s.Station}"),
        ["/fhir/Organization"] = (Kind.NotPersonal, _ => "/fhir/Organization"),
        ["/fhir/Practitioner/{id}"] = (Kind.NotPersonal, s => $"/fhir/Practitioner/{s.Staff}"),
        ["/fhir/Practitioner"] = (Kind.NotPersonal, _ => "/fhir/Practitioner"),
        ["/fhir/CodeSystem/{id}"] = (Kind.NotPersonal, _ => "/fhir/CodeSystem/nip-vaccine"),
        ["/fhir/CodeSystem"] = (Kind.NotPersonal, _ => "/fhir/CodeSystem"),
        ["/fhir/Immunization/{id}"] = (Kind.ShowsPerson, s => $"/fhir/Immunization/{s.Immunization}"),
        ["/fhir/Immunization"] = (Kind.ShowsPerson, s => $"/fhir/Immunization?patient={s.Child}"),
        ["/fhir/ImmunizationRecommendation"] = (Kind.ShowsPerson, s => $"/fhir/ImmunizationRecommendation?patient={s.Child}"),
        ["/fhir/ImmunizationEvaluation/{id}"] = (Kind.ShowsPerson, s => $"/fhir/ImmunizationEvaluation/{s.Immunization}"),
        ["/fhir/ImmunizationEvaluation"] = (Kind.ShowsPerson, s => $"/fhir/ImmunizationEvaluation?patient={s.Child}"),
        ["/fhir/Condition/{id}"] = (Kind.ShowsPerson, s => $"/fhir/Condition/{s.Registration}"),
        ["/fhir/Condition"] = (Kind.ShowsPerson, s => $"/fhir/Condition?patient={s.Adult}"),
        ["/fhir/Observation/{id}"] = (Kind.ShowsPerson, s => $"/fhir/Observation/{s.Observation}"),
        ["/fhir/Observation"] = (Kind.ShowsPerson, s => $"/fhir/Observation?patient={s.Adult}"),
    };

    private static string Key(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;

    [Fact]
    public async Task Every_get_route_that_shows_a_person_writes_an_audit_entry_naming_them()
    {
        var routes = Doors.Gets(app);
        var missing = routes.Select(Doors.Pattern).Where(p => !Samples.ContainsKey(Key(p))).ToList();
        Assert.True(missing.Count == 0, "GET routes without a sample (add them to Samples, with whether they show people): " + string.Join(", ", missing));

        var admin = await app.ClientAsync("admin");
        var (seed, people) = await SeedAsync(admin, await app.ClientAsync("nurse1"));
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var pattern = Doors.Pattern(route);
            var (kind, url) = Samples[Key(pattern)];
            var door = "GET " + pattern;
            var before = await EntriesAsync(door);
            var response = await admin.GetAsync(url(seed));
            if (!response.IsSuccessStatusCode) { failures.Add($"{url(seed)}: {(int)response.StatusCode}"); continue; }
            var body = await TextAsync(response);
            var shown = people.Where(p => new[] { p.Id }.Concat(p.Aliases).Concat(p.Markers).Any(m => body.Contains(m, StringComparison.Ordinal))).ToList();
            await app.FlushAuditAsync();
            var written = (await EntriesAsync(door)).ExceptBy(before.Select(b => b.Id), e => e.Id).ToList();
            switch (kind)
            {
                case Kind.NotPersonal when shown.Count > 0:
                    failures.Add($"{pattern} is listed as not personal but shows {string.Join(", ", shown.Select(p => p.Id))}");
                    break;
                case Kind.ShowsPerson when shown.Count == 0:
                    failures.Add($"{url(seed)} shows none of the seeded people: the sample does not exercise the route");
                    break;
                case Kind.Personal or Kind.ShowsPerson when written.Count == 0:
                    failures.Add($"{pattern} wrote no audit entry");
                    break;
                case Kind.Personal or Kind.ShowsPerson:
                    var named = string.Join(" ", written.Select(w => w.EntityId + " " + w.Detail));
                    foreach (var p in shown.Where(p => !new[] { p.Id }.Concat(p.Aliases).Any(named.Contains)))
                        failures.Add($"{pattern} showed {p.Id} but its audit entries do not name them");
                    break;
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_search_of_many_patients_records_every_id_returned_in_capped_entries()
    {
        var admin = await app.ClientAsync("admin");
        var ids = new List<string>();
        for (var i = 0; i < 25; i++) ids.Add((await ChronicCareApiTests<TApp>.ResidentAsync(admin, Today.AddYears(-40).AddDays(-i))).Resident);
        var before = await EntriesAsync("GET /fhir/Patient");
        var bundle = await admin.GetJsonAsync("/fhir/Patient?_count=500");
        var returned = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()!).ToList();
        Assert.Superset(ids.ToHashSet(), returned.ToHashSet());
        await app.FlushAuditAsync();
        var written = (await EntriesAsync("GET /fhir/Patient")).ExceptBy(before.Select(b => b.Id), e => e.Id).ToList();
        Assert.All(written, w => Assert.True(w.Detail!.Length <= 1000));
        Assert.All(written, w => Assert.Equal(("Resident", "list", "view", "admin"), (w.Entity, w.EntityId, w.Action, w.UserName)));
        Assert.Equal((returned.Count + 19) / 20, written.Count);
        var named = written.SelectMany(w => w.Detail!.Split(' ')).ToHashSet();
        Assert.All(returned, id => Assert.Contains(id, named));
    }

    private async Task<List<Data.Audit.AuditEntry>> EntriesAsync(string door)
    {
        await using var db = app.SystemDb();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.Detail == door || a.Detail!.StartsWith(door + "?") || a.Detail!.StartsWith(door + " |")).ToListAsync();
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes is not [(byte)'P', (byte)'K', ..]) return Encoding.UTF8.GetString(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes)); // .xlsx: the sheet's strings
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    private static Person PersonOf(JsonElement resident, params string[] aliases)
    {
        var name = resident.GetProperty("record").Str("name");
        return new Person(resident.Str("id"), aliases, [name, JsonSerializer.Serialize(name).Trim('"'), resident.Str("recordNumber")]);
    }

    private static async Task<(Seed, List<Person>)> SeedAsync(HttpClient admin, HttpClient nurse)
    {
        var (adult, station) = await ChronicCareApiTests<TApp>.ResidentAsync(admin, Today.AddYears(-60));
        var registration = (await ChronicCareApiTests<TApp>.RegisterAsync(admin, adult, "Hypertension", Today.AddYears(-3))).Str("id");
        var visit = await ChronicCareApiTests<TApp>.VisitAsync(admin, adult, Today.AddDays(-120), 150, 95);
        Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());
        var visitId = (await visit.ReadJsonAsync()).Str("id");
        var exam = await admin.PostAsJsonAsync($"/api/residents/{adult}/examinations", new { examDate = D(Today.AddDays(-5)), doctor = "王医生", vitals = new { leftSystolic = 130, leftDiastolic = 80 } });
        Assert.True(exam.IsSuccessStatusCode, await exam.Content.ReadAsStringAsync());
        var encounter = await admin.PostAsJsonAsync($"/api/residents/{adult}/encounters", new { date = D(Today.AddDays(-2)), subjective = "头晕两天" });
        Assert.True(encounter.IsSuccessStatusCode, await encounter.Content.ReadAsStringAsync());
        var moved = await admin.PostAsJsonAsync($"/api/residents/{adult}/household", new { newAddress = "审计路 1 号" });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        var adultDto = await moved.ReadJsonAsync();

        var birth = Today.AddMonths(-4);
        var (child, vaccinee, _) = await ImmunizationApiTests<TApp>.ChildAsync(admin, birth);
        var dose = await admin.PostAsJsonAsync($"/api/vaccinees/{vaccinee}/visits", new { doses = new[] { new { vaccine = "HepB", givenAt = ImmunizationApiTests<TApp>.At(birth), lotNumber = "H2026A" } } });
        Assert.True(dose.IsSuccessStatusCode, await dose.Content.ReadAsStringAsync());
        Assert.True((await admin.PostAsJsonAsync("/api/reminders/generate", new { daysAhead = 60 })).IsSuccessStatusCode);
        var lot = await ImmunizationApiTests<TApp>.LotAsync(nurse, "IPV", 5); // a lot belongs to a station
        var childDto = await admin.GetJsonAsync($"/api/residents/{child}");

        var observation = (await admin.GetJsonAsync($"/fhir/Observation?patient={adult}")).GetProperty("entry")[0].GetProperty("resource").Str("id");
        var immunization = (await admin.GetJsonAsync($"/fhir/Immunization?patient={child}")).GetProperty("entry")[0].GetProperty("resource").Str("id");
        var staff = (await admin.GetJsonAsync("/api/staff")).Items().First().Str("id");
        var team = (await admin.GetJsonAsync("/api/teams")).Items().First().Str("id");
        var seed = new Seed(adult, child, vaccinee, adultDto.Str("householdId"), (await exam.ReadJsonAsync()).Str("id"), visitId, registration,
            observation, immunization, station, staff, team, lot, adultDto.Str("recordNumber"), birth.Year);
        return (seed, [PersonOf(adultDto), PersonOf(childDto, vaccinee)]);
    }
}

public sealed class ReadAuditTestsSqlite(SqliteApp app) : ReadAuditTests<SqliteApp>(app);
public sealed class ReadAuditTestsPostgres(PostgresApp app) : ReadAuditTests<PostgresApp>(app);
