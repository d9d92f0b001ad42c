using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CommunityHealth.Browser.Tests;

/// <summary>
/// Walks every page of the menu, as the administrator and as a station doctor, in Chinese and in English, and finds no
/// text of the other language outside proper names: no Chinese on an English page except the names of people,
/// organisations, teams and addresses (read from the data the page shows); no English words on a Chinese page except
/// the codes and abbreviations in <see cref="Codes"/>. A child with a forecast is added, and its vaccination page
/// walked too, so vaccine names, doses, due texts and forecast reasons are on the pages.
/// </summary>
public sealed partial class LanguageWalkTests(BrowserApp fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static readonly bool dump = Environment.GetEnvironmentVariable("CH_WALK_DUMP") == "1";

    /// <summary>Pages being replaced today (the shared home work list, the indicator catalogue): walked once replaced.</summary>
    private static readonly HashSet<string> BeingReplaced = ["", "chronic/indicators", "immunization/coverage"];

    /// <summary>On a Chinese page: codes, units and abbreviations staff read as such, and the language switch itself.</summary>
    private static readonly HashSet<string> Codes =
    [
        "English", // the switch to English in the header
        "BMI", "HbA1c", "ID", "HBsAg", "HBIG", "PPD", "HIV", "IU", "CHO", "AEFI", "API", "FHIR", "Excel", "IP",
        "IPV", "bOPV", "DTaP", "DT", "MMR", "BCG", "HepB", "HepA", "JE", "MPSV", "AC",
        "IM", "SC", "PO", "mmHg", "kg", "cm", "mmol", "mg", "dL", "ml", "mIU", "km",
    ];

    [Theory]
    [InlineData("admin", "zh-CN")]
    [InlineData("admin", "en-US")]
    [InlineData("doctor1", "zh-CN")]
    [InlineData("doctor1", "en-US")]
    public async Task Every_menu_page_is_in_one_language(string user, string culture)
    {
        var (names, extra) = await DataAsync(user);
        var page = await SignInAsync(user);
        await page.GotoAsync(fixture.BaseUrl + $"/culture?c={culture}&redirect=/");
        await page.WaitInteractiveAsync();
        var menu = await page.Locator("nav.ch-nav a.ch-nav-link").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.True(menu.Length >= (user == "admin" ? 4 : 5), string.Join(", ", menu));
        var paths = menu.Where(h => !BeingReplaced.Contains(h)).ToList();
        paths.AddRange(extra);
        // the lists and pages that must show the walk's own patients, so their texts are walked too
        var shows = user == "admin" ? [] : new Dictionary<string, string>
        {
            ["immunization/worklist"] = "周语桐", ["chronic/worklist"] = "郑国栋", [extra[0]] = "周语桐", [extra[1]] = "郑国栋",
        };

        var english = culture.StartsWith("en", StringComparison.Ordinal);
        var findings = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(fixture.BaseUrl + "/" + path);
            await page.WaitInteractiveAsync();
            await page.Locator("main h1").First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });
            await page.WaitForTimeoutAsync(300); // the page's data arrive over the circuit after its first render
            var text = await page.Locator("body").InnerTextAsync();
            if (shows.TryGetValue(path, out var person))
                Assert.True(text.Contains(person, StringComparison.Ordinal), $"/{path} should list {person} (the walk needs data on the page):\n{text}");
            if (dump) output.WriteLine($"---- /{path}\n{text}");
            foreach (var bad in Foreign(text, english, names)) findings.Add($"/{path}: {bad}");
        }
        await page.CloseAsync();
        Assert.True(findings.Count == 0, $"{user} {culture}: {findings.Count} texts in the other language:\n" + string.Join("\n", findings.Distinct()));
    }

    /// <summary>The runs of the other language in <paramref name="text"/>, with a little context, after proper names are taken out.</summary>
    internal static IEnumerable<string> Foreign(string text, bool english, IReadOnlyCollection<string> names)
    {
        foreach (var name in names.Where(n => n.Length > 0).OrderByDescending(n => n.Length)) text = text.Replace(name, " ", StringComparison.Ordinal);
        if (english)
        {
            foreach (Match m in Chinese().Matches(text)) yield return Context(text, m);
            yield break;
        }
        // a page's address (the audit names the page read) is a code too
        text = Address().Replace(text, " ");
        foreach (Match m in LatinWord().Matches(text))
            if (!Codes.Contains(m.Value)) yield return Context(text, m);
    }

    private static string Context(string text, Match m)
    {
        var from = Math.Max(0, m.Index - 15);
        var to = Math.Min(text.Length, m.Index + m.Length + 15);
        return $"“{m.Value}” in “{text[from..to].ReplaceLineEndings(" ")}”";
    }

    /// <summary>
    /// The proper names the user's pages may show (organisations, teams, staff, the child and its guardian and address),
    /// and, for a user who sees vaccinations, a child due for vaccines.
    /// </summary>
    private async Task<(IReadOnlyCollection<string> Names, IReadOnlyList<string> Pages)> DataAsync(string user)
    {
        var admin = await fixture.App.ClientAsync("admin");
        // the logins and the switch back to Chinese in the header ("中文" is the language's own name)
        var names = new HashSet<string>(StringComparer.Ordinal) { "admin", "doctor1", "nurse1", "中文" };
        // the child this walk adds (each run adds one, and every user may see the others'): the relation and the
        // manufacturers are what the nurse typed, data rather than interface
        names.UnionWith(["周语桐", "杭州市上城区双语路19号", "周妈妈", "母亲", "深圳康泰", "上海生物", "郑国栋", "区人民医院"]);
        foreach (var url in new[] { "/api/organizations", "/api/teams", "/api/staff?pageSize=200" })
            Collect(await admin.GetJsonAsync(url), names);
        var pages = new List<string>();
        if (user != "admin")
        {
            var nurse = await fixture.App.ClientAsync("nurse1");
            var station = (await nurse.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
            var birth = TestClock.Today.AddMonths(-14);
            var resident = await (await nurse.PostAsJsonAsync("/api/residents", new
            {
                organizationId = station,
                record = new { name = "周语桐", documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, Random.Shared.Next(100, 999)), residenceType = "1", address = "杭州市上城区双语路19号" },
            })).ReadJsonAsync();
            var child = await nurse.PostAsJsonAsync("/api/vaccinees", new
            {
                residentId = resident.Str("id"), certificateNumber = "JZ" + Random.Shared.Next(10000000, 99999999), guardianName = "周妈妈", guardianRelation = "母亲", guardianPhone = "13912340019", motherHBsAg = "Negative",
            });
            Assert.True(child.IsSuccessStatusCode, await child.Content.ReadAsStringAsync());
            var vaccinee = (await child.ReadJsonAsync()).Str("id");
            pages.Add($"immunization/{vaccinee}");
            var visit = await nurse.PostAsJsonAsync($"/api/vaccinees/{vaccinee}/visits", new
            {
                doses = new object[]
                {
                    new { vaccine = "HepB", givenAt = $"{birth:yyyy-MM-dd}T09:00:00", lotNumber = "HB1901", manufacturer = "深圳康泰" },
                    new { vaccine = "BCG", givenAt = $"{birth:yyyy-MM-dd}T09:00:00", lotNumber = "BCG1901", manufacturer = "上海生物" },
                    new { vaccine = "HepB", givenAt = $"{birth.AddMonths(1):yyyy-MM-dd}T09:00:00", lotNumber = "HB1902", manufacturer = "深圳康泰" },
                },
            });
            Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());

            // a hypertension patient seen 85 days ago: on this week's follow-up list, with a classified visit
            var doctor = await fixture.App.ClientAsync("doctor1");
            var adultBirth = TestClock.Today.AddYears(-62);
            var patient = (await (await doctor.PostAsJsonAsync("/api/residents", new
            {
                organizationId = station,
                record = new { name = "郑国栋", documentType = "01", documentNumber = IdCardNumber.Compose("330106", adultBirth, Random.Shared.Next(100, 999)), residenceType = "1", phone = "13800001919" },
            })).ReadJsonAsync()).Str("id");
            var registration = await doctor.PostAsJsonAsync("/api/chronic/registrations", new
            {
                residentId = patient, programme = "Hypertension", diagnosedOn = $"{TestClock.Today.AddYears(-2):yyyy-MM-dd}", diagnosedAt = "区人民医院", source = "2",
            });
            Assert.True(registration.IsSuccessStatusCode, await registration.Content.ReadAsStringAsync());
            var followUp = await doctor.PostAsJsonAsync($"/api/chronic/patients/{patient}/visits", new
            {
                visitDate = $"{TestClock.Today.AddDays(-85):yyyy-MM-dd}", mode = "Clinic", systolic = 152, diastolic = 92,
            });
            Assert.True(followUp.IsSuccessStatusCode, await followUp.Content.ReadAsStringAsync());
            pages.Add($"chronic/{patient}");
        }
        return (names, pages);
    }

    private static void Collect(JsonElement e, HashSet<string> names)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) Collect(x, names);
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                    if (p.Value.ValueKind == JsonValueKind.String && p.Name is "name" or "displayName" or "userName" or "address" or "title")
                        names.Add(p.Value.GetString()!);
                    else if (p.Name == "grids" && p.Value.ValueKind == JsonValueKind.Array) // a team's grids are places
                        names.UnionWith(p.Value.EnumerateArray().Select(g => g.GetString()!));
                    else Collect(p.Value, names);
                break;
        }
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", user == "admin" ? TestApp.AdminPassword : TestApp.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitInteractiveAsync();
        return page;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex Chinese();

    /// <summary>A word of letters only: letters mixed with digits are identifiers (JZ17772618, a lot number HB1902).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z][A-Za-z]+(?![A-Za-z0-9])")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"(?<![\w])/[A-Za-z][\w/{}:.-]*")]
    private static partial Regex Address();
}
