using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityHealth.Data;
using CommunityHealth.Data.Postgres;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Sqlite;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Modules.Residents;
using CommunityHealth.Web.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunityHealth.Bench;

/// <summary>
/// Issue 3's targets at N residents: generation rate, search by each key, profile open, registration
/// through HTTP; each search also as hand-written SQL on the same database in the same run.
/// </summary>
public static class ResidentScenario
{
    public sealed record Result(string Provider, int Residents, double GenerateSeconds, List<Row> Rows, Measurement Register);

    /// <summary>One measurement three ways: over HTTP, the application's handler in-process, hand-written SQL.</summary>
    public sealed record Row(string Name, Measurement Http, Measurement Handler, Measurement Raw);

    public static async Task<Result> RunAsync(AppProcess app, string provider, int residents, BenchOptions options, bool measure = true)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
        var token = await TokenAsync(http);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await CreateStationsAsync(http, residents);

        await using var db = Context(provider, app.ConnectionString);
        var districtId = await db.Districts.Select(d => d.Id).SingleAsync();
        var stations = await db.Organizations.Where(o => o.Kind == OrganizationKind.Station).OrderBy(o => o.DivisionCode).ToListAsync();
        var teams = await db.Teams.Include(t => t.Grids).ToListAsync();
        var samples = new Samples();

        Console.WriteLine($"Generating {residents:N0} residents over {stations.Count} stations on {provider} …");
        var sw = Stopwatch.StartNew();
        double indexSeconds;
        await using (var loader = new BulkLoader(db, provider, app.ConnectionString))
        {
            if (Environment.GetEnvironmentVariable("BENCH_KEEP_INDEXES") is null) await loader.DeferIndexesAsync(typeof(Household), typeof(Resident), typeof(HouseholdMember), typeof(ResidentCondition));
            var population = new DemoPopulation(seed: 7, today: new DateOnly(2026, 11, 23));
            var now = DateTime.UtcNow; now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds
            var made = 0;
            var households = new List<Household>(); var people = new List<Resident>(); var members = new List<HouseholdMember>(); var conditions = new List<ResidentCondition>();
            // generation and loading overlap on the two cores: this thread generates and converts, a consumer writes finished batches in order
            var pipeline = loader.StartPipeline();
            var sequences = new Dictionary<string, int>();
            for (var i = 0; i < stations.Count; i++)
            {
                var station = stations[i];
                var quota = (residents - made) / (stations.Count - i);
                var team = teams.First(t => t.OrganizationId == station.Id);
                var prefix = HealthRecordNumber.PrefixFor(station.DivisionCode);
                var next = await db.RecordNumberSequences.Where(s => s.Prefix == prefix).Select(s => s.Next).SingleAsync();
                var target = made + quota;
                while (made < target)
                {
                    var family = population.NextHousehold(station, team.Id, team.Grids.Count > 0 ? team.Grids[made % team.Grids.Count].Name : "", () => HealthRecordNumber.Compose(prefix, next++), now);
                    households.Add(family.Household);
                    foreach (var m in family.Members.Take(target - made))
                    {
                        people.Add(m.Resident);
                        conditions.AddRange(m.Resident.Conditions);
                        members.Add(new HouseholdMember
                        {
                            Id = population.NewId(), DistrictId = districtId, CenterId = station.CenterId, OrganizationId = station.Id,
                            HouseholdId = family.Household.Id, ResidentId = m.Resident.Id, Relationship = m.Relationship, From = new DateOnly(2026, 1, 1),
                        });
                        samples.Offer(m.Resident, made);
                        made++;
                    }
                    if (people.Count >= 20_000) await FlushAsync();
                }
                await FlushAsync();
                sequences[prefix] = next;
            }
            var generated = sw.Elapsed.TotalSeconds;
            await pipeline.CompleteAsync();
            if (Environment.GetEnvironmentVariable("BENCH_LOAD_STEPS") is { Length: > 0 })
                Console.WriteLine($"  generated by {generated:F1} s, loaded by {sw.Elapsed.TotalSeconds:F1} s; the writer busy {pipeline.Busy.TotalSeconds:F1} s{pipeline.Account}");
            await using (var tx = await db.Database.BeginTransactionAsync()) // one commit for the stations' sequences
            {
                foreach (var (prefix, next) in sequences)
                    await db.RecordNumberSequences.Where(s => s.Prefix == prefix).ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, next));
                await tx.CommitAsync();
            }
            if (Environment.GetEnvironmentVariable("BENCH_LOAD_STEPS") is { Length: > 0 }) Console.WriteLine($"  record-number sequences set by {sw.Elapsed.TotalSeconds:F1} s");

            var indexes = Stopwatch.StartNew();
            await loader.RestoreIndexesAsync();
            indexSeconds = indexes.Elapsed.TotalSeconds;

            async Task FlushAsync()
            {
                await pipeline.AddAsync(loader.Prepare(households), loader.Prepare(people), loader.Prepare(members), loader.Prepare(conditions));
                households = []; people = []; members = []; conditions = [];
            }
        }
        var generate = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"Generated {residents:N0} residents in {generate:F1} s ({residents / generate:N0}/s), of which {indexSeconds:F1} s rebuilding indexes");
        await CheckLoadedAsync(db, samples);
        // Steady state, as in production after autovacuum: visibility map set and statistics fresh, so the
        // measurements are not taken while the server vacuums and checkpoints the freshly copied rows.
        await SteadyState.SettleAsync(db, provider);

        var rows = new List<Row>();
        if (!measure) return new Result(provider, residents, generate, rows, new Measurement("register (not measured)", 0, 0, 0, 1, double.NaN, double.NaN));
        await using var raw = Raw(provider, app.ConnectionString);
        await raw.OpenAsync();
        var services = new ServiceCollection().AddHealthData(provider, app.ConnectionString)
            .AddSingleton(TimeProvider.System).AddSingleton<ScopedDb>().AddSingleton<AuditLog>().BuildServiceProvider();
        var bureau = await db.Organizations.Where(o => o.Kind == OrganizationKind.Bureau).Select(o => o.Id).SingleAsync();
        var staff = new StaffContext(Guid.Empty, "bench", "bench", ["SystemAdministrator"], bureau, OrganizationKind.Bureau, null, districtId, "127.0.0.1");
        var search = new SearchResidents(services.GetRequiredService<ScopedDb>(), new ResidentReads(), TimeProvider.System);
        var getResident = new GetResident(services.GetRequiredService<ScopedDb>(), new ResidentReads(), TimeProvider.System);
        foreach (var (name, kind, values) in samples.Searches())
        {
            var ours = await Load.SequentialAsync($"search {name}", http, values.Select(v => $"/api/residents?q={Uri.EscapeDataString(v)}").ToList());
            var (handler, rawM) = await Load.PairedAsync(name, values, v => search.HandleAsync(staff, v), raw, RawSearchSql(kind),
                v => new Dictionary<string, object> { ["d"] = Load.Key(provider, districtId), ["v"] = v, ["u"] = v[..^1] + (char)(v[^1] + 1) });
            rows.Add(new Row(name, ours, handler, rawM));
        }
        var profile = await Load.SequentialAsync("open profile", http, samples.Ids.Select(id => $"/api/residents/{id}").ToList());
        var (profileHandler, profileRaw) = await Load.PairedAsync("open profile", samples.Ids, id => getResident.HandleAsync(staff, id), raw,
            // the same query: the key, the district the administrator sees, the conditions in their order
            "SELECT * FROM residents WHERE \"Id\" = @id AND \"DistrictId\" = @d; " +
            "SELECT * FROM resident_conditions WHERE \"ResidentId\" = @id AND \"DistrictId\" = @d ORDER BY \"Id\"",
            id => new Dictionary<string, object> { ["id"] = Load.Key(provider, id), ["d"] = Load.Key(provider, districtId) });
        rows.Add(new Row("open profile (GET /api/residents/{id})", profile, profileHandler, profileRaw));

        // registrations spread over the district's stations, as a district registers people in many places at once
        var stationIds = stations.Select(s => s.Id).ToArray();
        var counter = 0;
        var register = await Load.RunAsync("register POST /api/residents", app.BaseUrl, _ =>
        {
            var n = Interlocked.Increment(ref counter);
            var birth = new DateOnly(1940, 1, 1).AddDays(n % 25_000);
            var m = new HttpRequestMessage(HttpMethod.Post, "/api/residents")
            {
                Content = JsonContent.Create(new
                {
                    organizationId = stationIds[n % stationIds.Length],
                    record = new { name = "压测" + (char)('甲' + n % 10) + (char)('子' + n / 10 % 12), documentType = "01", documentNumber = IdCardNumber.Compose("110105", birth, n / 25_000 % 1000), residenceType = "1", phone = $"139{n:D8}" },
                }),
            };
            m.Headers.Authorization = new("Bearer", token);
            return m;
        }, options);
        return new Result(provider, residents, generate, rows, register);
    }

    /// <summary>The bulk loader bypasses EF Core: read sampled rows back through EF and compare, so a format slip fails the run.</summary>
    private static async Task CheckLoadedAsync(HealthDbContext db, Samples samples)
    {
        foreach (var expected in samples.Picked.Take(20))
        {
            var actual = await db.Residents.AsNoTracking().Include(r => r.Conditions).SingleOrDefaultAsync(r => r.Id == expected.Id && r.DistrictId == expected.DistrictId
                && r.OrganizationId == expected.OrganizationId && r.BirthDate == expected.BirthDate && r.IdNumber == expected.IdNumber)
                ?? throw new InvalidOperationException($"Loaded resident {expected.Id} is not found through EF Core by its key columns.");
            if (actual.Name != expected.Name || actual.RecordNumber != expected.RecordNumber || !actual.Payments.SequenceEqual(expected.Payments)
                || actual.CreatedAt != expected.CreatedAt || actual.Conditions.Count != expected.Conditions.Count || actual.HouseholdId != expected.HouseholdId)
                throw new InvalidOperationException($"Loaded resident {expected.Id} reads back differently through EF Core.");
        }
    }

    internal static async Task<string> TokenAsync(HttpClient http)
    {
        var r = await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = AppProcess.AdminPassword });
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A realistic district for N residents: about 20,000 per station (the record number allows 99,999).</summary>
    private static async Task CreateStationsAsync(HttpClient http, int residents)
    {
        var orgs = await http.GetFromJsonAsync<JsonElement>("/api/organizations");
        var bureau = orgs.EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "Bureau").GetProperty("id").GetString();
        var have = orgs.EnumerateArray().Count(o => o.GetProperty("kind").GetString() == "Station");
        var needed = Math.Max(0, (int)Math.Ceiling(residents / 20_000.0) - have);
        for (var c = 3; needed > 0; c++)
        {
            var center = await (await http.PostAsJsonAsync("/api/organizations", new { kind = "Center", parentId = bureau, name = $"第{c}街道社区卫生服务中心", divisionCode = $"330106{c:D3}" })).Content.ReadFromJsonAsync<JsonElement>();
            for (var s = 1; s <= 6 && needed > 0; s++, needed--)
            {
                var station = await (await http.PostAsJsonAsync("/api/organizations", new { kind = "Station", parentId = center.GetProperty("id").GetString(), name = $"第{c}中心第{s}服务站", divisionCode = $"330106{c:D3}{s:D3}" })).Content.ReadFromJsonAsync<JsonElement>();
                await http.PostAsJsonAsync("/api/teams", new { organizationId = station.GetProperty("id").GetString(), name = $"第{c}-{s}家庭医生团队", grids = new[] { "东片", "西片" } });
            }
        }
    }

    internal static HealthDbContext Context(string provider, string cs)
    {
        HealthDbContext db = provider == "Postgres"
            ? new PostgresHealthDbContext(new DbContextOptionsBuilder<PostgresHealthDbContext>().UseNpgsql(cs).Options)
            : new SqliteHealthDbContext(new DbContextOptionsBuilder<SqliteHealthDbContext>().UseSqlite(cs).Options);
        db.Scope = DataScope.System;
        return db;
    }

    /// <summary>
    /// The hand-written side's connection, with the application's own connection settings: on PostgreSQL that includes
    /// auto-prepared statements (decision 0004), without which the raw side re-planned every query and measured slower
    /// than the application.
    /// </summary>
    internal static DbConnection Raw(string provider, string cs) =>
        provider == "Postgres" ? new NpgsqlConnection(DataServiceCollectionExtensions.PostgresConnectionString(cs)) : new SqliteConnection(cs);

    private const string Columns = "\"Id\",\"Name\",\"Sex\",\"BirthDate\",\"DocumentNumber\",\"Phone\",\"RecordNumber\",\"OrganizationId\",\"TeamId\",\"Status\"";

    /// <summary>The same searches written by hand: district filter, the key's equality or range, the same order and limit.</summary>
    private static string RawSearchSql(SearchKindForBench kind)
    {
        var (where, order) = kind switch
        {
            SearchKindForBench.Initials => ("\"NameInitials\" >= @v AND \"NameInitials\" < @u", "\"NameInitials\""),
            SearchKindForBench.Name => ("\"Name\" >= @v AND \"Name\" < @u", "\"Name\""),
            SearchKindForBench.IdNumber => ("\"IdNumber\" = @v", "\"Name\""),
            SearchKindForBench.IdLast4 => ("\"IdLast4\" = @v", "\"Name\""),
            SearchKindForBench.Phone => ("\"Phone\" = @v", "\"Name\""),
            SearchKindForBench.RecordNumber => ("\"RecordNumber\" = @v", "\"Name\""),
            _ => ("\"RecordLast8\" = @v", "\"Name\""),
        };
        // the page and its count of matches (up to 1,001), as the search answers since issue 19
        var filter = $"\"DistrictId\" = @d AND \"Status\" <> 3 AND {where}";
        return $"SELECT {Columns} FROM residents WHERE {filter} ORDER BY {order} LIMIT 50; SELECT COUNT(*) FROM (SELECT 1 FROM residents WHERE {filter} LIMIT 1001) AS matches";
    }
}

public enum SearchKindForBench { Name, Initials, IdNumber, IdLast4, Phone, RecordNumber, RecordLast8 }

/// <summary>Values to search for, drawn evenly from the generated population.</summary>
public sealed class Samples
{
    private readonly List<Resident> _picked = [];
    private readonly Random _random = new(11);

    public void Offer(Resident r, int index)
    {
        if (_picked.Count < 300) _picked.Add(r);
        else if (_random.Next(index + 1) < 300) _picked[_random.Next(300)] = r;
    }

    public IReadOnlyList<Guid> Ids => _picked.Take(200).Select(r => r.Id).ToList();

    public IReadOnlyList<Resident> Picked => _picked;

    public IEnumerable<(string Name, SearchKindForBench Kind, IReadOnlyList<string> Values)> Searches()
    {
        var p = _picked.Take(200).ToList();
        yield return ("name prefix (2 characters)", SearchKindForBench.Name, p.Select(r => r.Name[..2]).ToList());
        yield return ("pinyin initials (3 letters)", SearchKindForBench.Initials, p.Select(r => r.NameInitials.Length >= 3 ? r.NameInitials[..3] : r.NameInitials).ToList());
        yield return ("ID number", SearchKindForBench.IdNumber, p.Select(r => r.IdNumber!).ToList());
        yield return ("ID last 4", SearchKindForBench.IdLast4, p.Select(r => r.IdLast4!).ToList());
        yield return ("phone", SearchKindForBench.Phone, p.Where(r => r.Phone is not null).Select(r => r.Phone!).ToList());
        yield return ("record number (17)", SearchKindForBench.RecordNumber, p.Select(r => r.RecordNumber).ToList());
        yield return ("record number last 8", SearchKindForBench.RecordLast8, p.Select(r => r.RecordLast8).ToList());
    }
}
