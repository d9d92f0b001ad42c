using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Web.Tests.Immunization;

/// <summary>The vaccination clinic over HTTP: registration, forecast, visits with stock, warnings, bad input, lists, stock, cold chain.</summary>
public abstract class ImmunizationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static int _seq = 500;
    internal static DateOnly Today => TestClock.Today;
    internal static string At(DateOnly d, int hour = 9) => $"{d:yyyy-MM-dd}T{hour:D2}:00:00";

    /// <summary>A child resident of the caller's first station and its vaccination registration.</summary>
    internal static async Task<(string Resident, string Vaccinee, string Station)> ChildAsync(HttpClient client, DateOnly birth, string? certificate = null)
    {
        var station = (await client.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var n = Interlocked.Increment(ref _seq);
        var id = IdCardNumber.Compose("330106", birth, n * 2 % 1000);
        var r = await client.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name = "接种儿" + (char)('甲' + n % 10), documentType = "01", documentNumber = id, residenceType = "1" } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var resident = (await r.ReadJsonAsync()).Str("id");
        var v = await client.PostAsJsonAsync("/api/vaccinees", new
        {
            residentId = resident, certificateNumber = certificate ?? $"JZ{Guid.NewGuid():N}"[..20], guardianName = "王芳", guardianRelation = "母亲",
            guardianPhone = $"139{n:D8}", motherHBsAg = "Negative",
        });
        Assert.True(v.StatusCode == HttpStatusCode.Created, await v.Content.ReadAsStringAsync());
        return (resident, (await v.ReadJsonAsync()).Str("id"), station);
    }

    internal static async Task<string> LotAsync(HttpClient client, string vaccine, int doses = 10, DateOnly? expiry = null, string? lotNumber = null)
    {
        var r = await client.PostAsJsonAsync("/api/vaccine-lots", new
        {
            vaccine, manufacturer = "北京生物制品研究所", lotNumber = lotNumber ?? $"L{Guid.NewGuid():N}"[..12], expiry = (expiry ?? Today.AddYears(1)).ToString("yyyy-MM-dd"), doses,
        });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return (await r.ReadJsonAsync()).Str("id");
    }

    private static JsonElement Series(JsonElement vaccinee, string series) =>
        vaccinee.GetProperty("forecast").GetProperty("series").Items().Single(s => s.Str("series") == series);

    [Fact]
    public async Task A_visit_records_doses_decrements_stock_and_moves_the_childs_next_due_date()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-2).AddDays(-3);
        var (_, child, _) = await ChildAsync(nurse, birth);
        var registered = await nurse.GetJsonAsync($"/api/vaccinees/{child}");
        Assert.Equal("overdue", Series(registered, "HepB").Str("status"));
        Assert.Contains("第1剂乙肝疫苗已逾期", Series(registered, "HepB").Str("reason"));

        // doses given at the maternity hospital, copied from the certificate (no lot of ours)
        var history = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new
        {
            doses = new object[]
            {
                new { vaccine = "HepB", givenAt = At(birth), lotNumber = "H2026A" }, new { vaccine = "BCG", givenAt = At(birth), lotNumber = "B2026A" },
                new { vaccine = "HepB", givenAt = At(birth.AddMonths(1)), lotNumber = "H2026B" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, history.StatusCode);
        var ipvLot = await LotAsync(nurse, "IPV", 5);
        var dtapLot = await LotAsync(nurse, "DTaP", 5);
        var before = await nurse.GetJsonAsync("/api/vaccination/worklist?window=Week");
        Assert.Contains(before.GetProperty("rows").Items(), r => r.Str("vaccineeId") == child);

        var visit = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new
        {
            doses = new object[] { new { vaccine = "IPV", lotId = ipvLot, site = "左大腿前外侧" }, new { vaccine = "DTaP", lotId = dtapLot } },
        });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        var result = await visit.ReadJsonAsync();
        Assert.All(result.GetProperty("doses").Items(), d => Assert.True(d.GetProperty("valid").GetBoolean(), d.Str("validityReason")));
        Assert.Equal(1, result.GetProperty("doses").Items().First().GetProperty("doseNumber").GetInt32());

        var lots = await nurse.GetJsonAsync("/api/vaccine-lots");
        Assert.Equal(4, lots.Items().Single(l => l.Str("id") == ipvLot).GetProperty("dosesOnHand").GetInt32());
        var movements = await nurse.GetJsonAsync($"/api/vaccine-lots/{ipvLot}/movements");
        Assert.Contains(movements.Items(), m => m.Str("kind") == "Administration" && m.GetProperty("quantity").GetInt32() == -1 && m.GetProperty("balanceAfter").GetInt32() == 4);

        var after = await nurse.GetJsonAsync($"/api/vaccinees/{child}");
        Assert.Equal("complete", Series(after, "BCG").Str("status"));
        Assert.Equal("not-due", Series(after, "Polio").Str("status"));
        Assert.Equal(2, Series(after, "Polio").GetProperty("next").GetProperty("doseNumber").GetInt32());
        // IPV 2: from 3 months, and 28 days after IPV 1 given today
        Assert.Equal(new[] { birth.AddMonths(3), Today.AddDays(28) }.Max().ToString("yyyy-MM-dd"), after.Str("nextDueDate"));
        Assert.Equal(5, after.GetProperty("doses").GetArrayLength());
        var week = await nurse.GetJsonAsync($"/api/vaccination/worklist?window=Week&asOf={Today:yyyy-MM-dd}");
        Assert.DoesNotContain(week.GetProperty("rows").Items(), r => r.Str("vaccineeId") == child);

        // the 30-minute observation
        var doseId = result.GetProperty("doses").Items().First().Str("id");
        var givenAt = result.GetProperty("doses").Items().First().GetProperty("givenAt").GetDateTime();
        var tooShort = await nurse.PostAsJsonAsync($"/api/vaccination-doses/{doseId}/observation", new { observedUntil = givenAt.AddMinutes(20).ToString("O") });
        Assert.Contains("30分钟", await ProblemAssert.FieldErrorAsync(tooShort, "observedUntil"));

        // the profile timeline and the resident view show the vaccination record
        var other = await app.ClientAsync("nurse5");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/vaccinees/{child}")).StatusCode);
    }

    [Fact]
    public async Task A_dose_that_would_not_count_needs_a_reason_and_is_then_kept_as_invalid()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-5);
        var (_, child, _) = await ChildAsync(nurse, birth);
        var mmrLot = await LotAsync(nurse, "MMR", 3);
        // MMR at 5 months: before the minimum age of 8 months
        var warned = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "MMR", lotId = mmrLot } } });
        var message = await ProblemAssert.FieldErrorAsync(warned, "doses[0].overrideReason");
        Assert.Contains("早于最小接种年龄8月龄", message);
        await using (var db = app.SystemDb())
        {
            Assert.Equal(0, await db.VaccinationDoses.CountAsync(d => d.VaccineeId == Guid.Parse(child)));
            Assert.Equal(3, (await db.VaccineLots.SingleAsync(l => l.Id == Guid.Parse(mmrLot))).DosesOnHand);
        }
        var overridden = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "MMR", lotId = mmrLot, overrideReason = "麻疹暴发应急接种" } } });
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        var dose = (await overridden.ReadJsonAsync()).GetProperty("doses").Items().Single();
        Assert.False(dose.GetProperty("valid").GetBoolean());
        Assert.Equal("麻疹暴发应急接种", dose.Str("overrideReason"));
        var after = await nurse.GetJsonAsync($"/api/vaccinees/{child}");
        Assert.Equal(1, Series(after, "MMR").GetProperty("next").GetProperty("doseNumber").GetInt32()); // the invalid dose does not count
    }

    [Fact]
    public async Task A_dose_recorded_late_renumbers_the_later_ones()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-3);
        var (_, child, _) = await ChildAsync(nurse, birth);
        await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "HepB", givenAt = At(birth.AddMonths(1)), lotNumber = "EXT" } } });
        var mismatch = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "HepB", doseNumber = 3, givenAt = At(birth), lotNumber = "EXT" } } });
        Assert.Contains("按接种史应为第1剂", await ProblemAssert.FieldErrorAsync(mismatch, "doses[0].overrideReason"));
        var late = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "HepB", givenAt = At(birth), lotNumber = "EXT" } } });
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        var doses = (await nurse.GetJsonAsync($"/api/vaccinees/{child}")).GetProperty("doses").Items().OrderBy(d => d.Str("givenOn")).ToList();
        Assert.Equal([1, 2], doses.Select(d => d.GetProperty("doseNumber").GetInt32()));
        Assert.All(doses, d => Assert.True(d.GetProperty("valid").GetBoolean()));
    }

    [Fact]
    public async Task A_transferred_child_takes_the_vaccination_record_to_the_new_station()
    {
        var nurse1 = await app.ClientAsync("nurse1");
        var (resident, child, _) = await ChildAsync(nurse1, Today.AddMonths(-6));
        await nurse1.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "HepB", givenAt = At(Today.AddMonths(-6)), lotNumber = "EXT" } } });
        var nurse2 = await app.ClientAsync("nurse2");
        var target = (await nurse2.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var admin = await app.ClientAsync("admin");
        var moved = await admin.PostAsJsonAsync($"/api/residents/{resident}/transfer", new { organizationId = target });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var seen = await nurse2.GetJsonAsync($"/api/vaccinees/{child}");
        Assert.Single(seen.GetProperty("doses").Items());
        Assert.Contains(((await nurse2.GetJsonAsync("/api/vaccination/worklist?window=Overdue")).GetProperty("rows")).Items(), r => r.Str("vaccineeId") == child);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse1.GetAsync($"/api/vaccinees/{child}")).StatusCode);
    }

    [Fact]
    public async Task The_daily_review_touches_only_children_whose_forecast_changes_with_time()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-23);
        var (_, child, _) = await ChildAsync(nurse, birth);
        await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "MPSV-A", givenAt = At(birth.AddMonths(6)), lotNumber = "EXT" } } });
        await using var db = app.SystemDb();
        var stored = await db.Vaccinees.AsNoTracking().SingleAsync(v => v.Id == Guid.Parse(child));
        Assert.Equal(birth.AddMonths(24), stored.ReviewOn); // MPSV-A 2 ages out at 24 months
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CommunityHealth.Web.Modules.Immunization.RefreshDueDates>().HandleAsync(db, birth.AddMonths(24));
        db.ChangeTracker.Clear();
        var after = await db.Vaccinees.AsNoTracking().SingleAsync(v => v.Id == Guid.Parse(child));
        Assert.DoesNotContain("MPSV-A-2", after.NextDueDoses ?? "");
        Assert.True(after.ReviewOn > birth.AddMonths(24));
    }

    [Fact]
    public async Task A_corrected_birth_date_moves_the_vaccination_record_with_it()
    {
        var nurse = await app.ClientAsync("nurse1");
        var (resident, child, _) = await ChildAsync(nurse, Today.AddMonths(-5));
        var given = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "MMR", givenAt = At(Today.AddDays(-1)), lotNumber = "EXT", overrideReason = "家长坚持" } } });
        Assert.False((await given.ReadJsonAsync()).GetProperty("doses")[0].GetProperty("valid").GetBoolean());
        // the registration clerk had the birth date wrong: the child is 10 months old, so the MMR dose counts
        var birth = Today.AddMonths(-10);
        var fixedRecord = await nurse.PutAsJsonAsync($"/api/residents/{resident}", new { name = "接种儿更正", documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, 431), residenceType = "1" });
        Assert.Equal(HttpStatusCode.OK, fixedRecord.StatusCode);
        var after = await nurse.GetJsonAsync($"/api/vaccinees/{child}");
        Assert.Equal(birth.ToString("yyyy-MM-dd"), after.Str("birthDate"));
        Assert.True(after.GetProperty("doses")[0].GetProperty("valid").GetBoolean());
        Assert.Equal(2, Series(after, "MMR").GetProperty("next").GetProperty("doseNumber").GetInt32());
    }

    [Fact]
    public async Task Bad_doses_are_refused_at_the_field_and_nothing_is_stored()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-4);
        var (_, child, _) = await ChildAsync(nurse, birth);
        var ipv = await LotAsync(nurse, "IPV", 2);
        var expired = await LotAsync(nurse, "DTaP", 2, Today.AddDays(10));
        var empty = await LotAsync(nurse, "bOPV", 1);
        await nurse.PostAsJsonAsync($"/api/vaccine-lots/{empty}/adjustments", new { quantity = -1, reason = "破损" });
        await using var db = app.SystemDb();
        var doses = await db.VaccinationDoses.CountAsync();
        async Task Refused(object dose, string field, string? text = null)
        {
            var r = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { dose } });
            var message = await ProblemAssert.FieldErrorAsync(r, field);
            if (text is not null) Assert.Contains(text, message);
        }
        await Refused(new { vaccine = "IPV", givenAt = At(birth.AddDays(-1)) }, "doses[0].givenAt", "出生日期");
        await Refused(new { vaccine = "IPV", givenAt = At(Today.AddDays(2)) }, "doses[0].givenAt", "晚于今天");
        await Refused(new { vaccine = "XYZ" }, "doses[0].vaccine", "国家免疫规划");
        await Refused(new { vaccine = "DTaP", lotId = ipv }, "doses[0].lotId", "脊灰灭活疫苗");
        await Refused(new { vaccine = "bOPV", lotId = empty }, "doses[0].lotId", "库存不足");
        await db.VaccineLots.Where(l => l.Id == Guid.Parse(expired)).ExecuteUpdateAsync(s => s.SetProperty(l => l.Expiry, Today.AddDays(-1))); // time passed
        await Refused(new { vaccine = "DTaP", lotId = expired }, "doses[0].lotId", "过期");
        // another station's lot is not this clinic's to use, and another station's nurse does not see the child at all
        var outsider = await app.ClientAsync("nurse5");
        var foreign = await LotAsync(outsider, "IPV", 2);
        await Refused(new { vaccine = "IPV", lotId = foreign }, "doses[0].lotId");
        var hidden = await outsider.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "IPV", lotId = foreign } } });
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(doses, await db.VaccinationDoses.CountAsync());
        Assert.Equal(2, (await db.VaccineLots.SingleAsync(l => l.Id == Guid.Parse(foreign))).DosesOnHand);
        Assert.Equal(2, (await db.VaccineLots.SingleAsync(l => l.Id == Guid.Parse(ipv))).DosesOnHand);
    }

    [Fact]
    public async Task A_contraindication_closes_the_series_until_it_ends()
    {
        var nurse = await app.ClientAsync("nurse1");
        var (_, child, _) = await ChildAsync(nurse, Today.AddMonths(-9));
        var r = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/contraindications", new { vaccine = "MMR", kind = "Contraindication", from = Today.ToString("yyyy-MM-dd"), reason = "急性发热" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var v = await r.ReadJsonAsync();
        Assert.Equal("contraindicated", Series(v, "MMR").Str("status"));
        Assert.Contains("急性发热", Series(v, "MMR").Str("reason"));
        var bad = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/contraindications", new { vaccine = "MMR", from = Today.ToString("yyyy-MM-dd"), until = Today.AddDays(-1).ToString("yyyy-MM-dd"), reason = "x" });
        await ProblemAssert.FieldErrorAsync(bad, "until");
        var ended = await nurse.PostAsync($"/api/vaccinees/{child}/contraindications/{v.GetProperty("contraindications").Items().Single().Str("id")}/end", null);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.NotEqual("contraindicated", Series(await ended.ReadJsonAsync(), "MMR").Str("status"));
    }

    [Fact]
    public async Task The_due_list_answers_one_page_with_the_total_and_refuses_bad_paging()
    {
        var nurse = await app.ClientAsync("nurse1");
        for (var i = 0; i < 3; i++) await ChildAsync(nurse, Today.AddMonths(-3).AddDays(-i)); // no doses at 3 months: overdue
        const string url = "/api/vaccination/worklist?window=Overdue";
        var whole = await nurse.GetJsonAsync(url + "&pageSize=2000");
        var total = whole.GetProperty("total").GetInt32();
        var all = whole.GetProperty("rows").Items().Select(r => r.Str("vaccineeId")).ToList();
        Assert.True(total >= 3);
        Assert.Equal(total, all.Count);
        var paged = new List<string>();
        for (var page = 1; page <= (total + 1) / 2; page++)
        {
            var p = await nurse.GetJsonAsync(url + $"&page={page}&pageSize=2");
            Assert.Equal(total, p.GetProperty("total").GetInt32());
            Assert.Equal(page, p.GetProperty("page").GetInt32());
            paged.AddRange(p.GetProperty("rows").Items().Select(r => r.Str("vaccineeId")));
        }
        Assert.Equal(all, paged);
        Assert.Empty((await nurse.GetJsonAsync(url + $"&page={(total + 1) / 2 + 1}&pageSize=2")).GetProperty("rows").Items());
        await ProblemAssert.FieldErrorAsync(await nurse.GetAsync(url + "&page=0"), "page");
        await ProblemAssert.FieldErrorAsync(await nurse.GetAsync(url + "&pageSize=5000"), "pageSize");
    }

    [Fact]
    public async Task The_due_list_shows_every_due_and_overdue_dose_of_a_child_not_only_the_earliest()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-10).AddDays(-5);
        var (_, child, _) = await ChildAsync(nurse, birth);
        (string Vaccine, int Months)[] given = [("HepB", 0), ("BCG", 0), ("HepB", 1), ("IPV", 2), ("DTaP", 2), ("IPV", 3), ("bOPV", 4), ("DTaP", 4), ("DTaP", 6), ("MPSV-A", 6)]; // DTaP of 2025
        var history = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new
        {
            doses = given.Select(g => new { vaccine = g.Vaccine, givenAt = At(birth.AddMonths(g.Months)), lotNumber = "EXT" + g.Months }).ToArray(),
        });
        Assert.True(history.StatusCode == HttpStatusCode.Created, await history.Content.ReadAsStringAsync());
        // stored for the list's index: only the earliest date's dose (HepB 3 at 6 months)
        Assert.Equal("HepB-3", (await nurse.GetJsonAsync($"/api/vaccinees/{child}")).Str("nextDueDoses"));

        var row = (await nurse.GetJsonAsync("/api/vaccination/worklist?window=Overdue&pageSize=2000")).GetProperty("rows").Items().Single(r => r.Str("vaccineeId") == child);
        var codes = row.GetProperty("dueDoseCodes").Items().Select(c => c.GetString()).ToList();
        Assert.Equal(["HepB-3", "MMR-1", "JE-L-1", "MPSV-A-2"], codes); // the schedule's order, every dose due today
        Assert.StartsWith("乙肝疫苗第3剂、麻腮风疫苗第1剂、乙脑减毒活疫苗第1剂", row.Str("dueDoses"));
        Assert.Equal(birth.AddMonths(6).ToString("yyyy-MM-dd"), row.Str("dueDate"));
    }

    [Fact]
    public async Task An_adverse_event_takes_the_case_report_cards_coded_items_and_tells_a_future_time_from_a_future_date()
    {
        var nurse = await app.ClientAsync("nurse1");
        var (_, child, _) = await ChildAsync(nurse, Today.AddMonths(-9));
        var visit = await (await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "MMR", givenAt = At(Today, 8), lotNumber = "MMR1" } } })).ReadJsonAsync();
        var dose = visit.GetProperty("doses").Items().Single().Str("id");

        // the test clock is at 10:00 China time: 16:00 today is a wrong time, tomorrow a wrong date
        var laterToday = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/adverse-events", new { doseId = dose, onsetAt = At(Today, 16), symptoms = "发热", outcome = "好转" });
        Assert.Equal("时间不能晚于当前时间", await ProblemAssert.FieldErrorAsync(laterToday, "onsetAt"));
        var tomorrow = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/adverse-events", new { doseId = dose, onsetAt = At(Today.AddDays(1), 8), symptoms = "发热", outcome = "好转" });
        Assert.Equal("日期不能晚于今天", await ProblemAssert.FieldErrorAsync(tomorrow, "onsetAt"));
        var badCode = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/adverse-events", new { doseId = dose, onsetAt = At(Today, 9), reactions = new[] { "fever", "sneezing" }, outcomeCode = "recovered" });
        await ProblemAssert.FieldErrorAsync(badCode, "reactions[1]");
        var seenBefore = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/adverse-events", new { doseId = dose, onsetAt = At(Today, 9), visitedAt = At(Today, 8), reactions = new[] { "fever" }, outcomeCode = "recovered" });
        await ProblemAssert.FieldErrorAsync(seenBefore, "visitedAt");

        // coded items only, no free text: accepted; hospitalised makes it serious
        var card = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/adverse-events", new
        {
            doseId = dose, onsetAt = At(Today, 9), visitedAt = At(Today, 9).Replace("09:00", "09:30"), reportedOn = Today.ToString("yyyy-MM-dd"),
            reactions = new[] { "fever", "rash" }, diagnosis = "麻疹样皮疹", hospitalized = true, classification = "pending", outcomeCode = "improved", reporter = "李护士",
        });
        Assert.True(card.StatusCode == HttpStatusCode.Created, await card.Content.ReadAsStringAsync());
        var saved = (await nurse.GetJsonAsync($"/api/vaccinees/{child}")).GetProperty("adverseEvents").Items().Single();
        Assert.Equal(["fever", "rash"], saved.GetProperty("reactions").Items().Select(r => r.GetString()));
        Assert.Equal(("麻疹样皮疹", "pending", "improved", "李护士"), (saved.Str("diagnosis"), saved.Str("classification"), saved.Str("outcomeCode"), saved.Str("reporter")));
        Assert.True(saved.GetProperty("hospitalized").GetBoolean());
        Assert.True(saved.GetProperty("serious").GetBoolean());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), saved.Str("reportedOn"));
    }

    [Fact]
    public async Task Adverse_events_contacts_and_moving_away()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-14);
        var (_, child, _) = await ChildAsync(nurse, birth);
        var visit = await (await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "HepB", givenAt = At(Today.AddDays(-1), 8), lotNumber = "EXT1" } } })).ReadJsonAsync();
        var dose = visit.GetProperty("doses").Items().Single();
        var early = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/adverse-events", new { doseId = dose.Str("id"), onsetAt = At(Today.AddDays(-1), 7), symptoms = "发热38.5℃", outcome = "痊愈" });
        Assert.Contains("早于接种时间", await ProblemAssert.FieldErrorAsync(early, "onsetAt"));
        var aefi = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/adverse-events", new { doseId = dose.Str("id"), onsetAt = At(Today.AddDays(-1), 8).Replace("08:00", "08:40"), symptoms = "发热38.5℃", serious = false, outcome = "痊愈" });
        Assert.Equal(HttpStatusCode.Created, aefi.StatusCode);

        var overdue = await nurse.GetJsonAsync("/api/vaccination/worklist?window=Overdue&ageGroup=1-3");
        var row = overdue.GetProperty("rows").Items().Single(r => r.Str("vaccineeId") == child);
        Assert.True(row.GetProperty("overdue").GetBoolean());
        Assert.Contains("第", row.Str("dueDoses"));
        Assert.DoesNotContain((await nurse.GetJsonAsync("/api/vaccination/worklist?window=Overdue&ageGroup=0-1")).GetProperty("rows").Items(), r => r.Str("vaccineeId") == child);
        var contact = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/contacts", new { method = "电话", result = "已通知，下周来种" });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        row = (await nurse.GetJsonAsync("/api/vaccination/worklist?window=Overdue")).GetProperty("rows").Items().Single(r => r.Str("vaccineeId") == child);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), row.Str("lastContactOn"));

        var moved = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/status", new { status = "MovedAway" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.DoesNotContain((await nurse.GetJsonAsync("/api/vaccination/worklist?window=Overdue")).GetProperty("rows").Items(), r => r.Str("vaccineeId") == child);
        var refused = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "HepB" } } });
        await ProblemAssert.FieldErrorAsync(refused, "doses");
        var full = await nurse.GetJsonAsync($"/api/vaccinees/{child}");
        Assert.Single(full.GetProperty("adverseEvents").Items());
        Assert.Single(full.GetProperty("contacts").Items());
    }

    [Fact]
    public async Task Registration_checks_the_certificate_guardian_and_age()
    {
        var nurse = await app.ClientAsync("nurse1");
        var (resident, _, _) = await ChildAsync(nurse, Today.AddMonths(-1), "JZ-DUP-" + Guid.NewGuid().ToString("N")[..6]);
        var again = await nurse.PostAsJsonAsync("/api/vaccinees", new { residentId = resident, certificateNumber = "JZ999", guardianName = "李", guardianPhone = "13900000000" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode); // already registered: a conflict with stored data
        Assert.Contains("已建立接种档案", (await again.ReadJsonAsync()).GetProperty("errors").GetProperty("residentId")[0].GetString());
        var station = (await nurse.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var adult = await (await nurse.PostAsJsonAsync("/api/residents", new { organizationId = station, record = new { name = "成年人", documentType = "01", documentNumber = IdCardNumber.Compose("330106", new DateOnly(1990, 1, 1), 777), residenceType = "1" } })).ReadJsonAsync();
        var tooOld = await nurse.PostAsJsonAsync("/api/vaccinees", new { residentId = adult.Str("id"), certificateNumber = "JZ998", guardianName = "李", guardianPhone = "13900000000" });
        Assert.Contains("18周岁", await ProblemAssert.FieldErrorAsync(tooOld, "residentId"));
        var badPhone = await nurse.PostAsJsonAsync("/api/vaccinees", new { residentId = adult.Str("id"), certificateNumber = "JZ 998", guardianName = "", guardianPhone = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        var errors = (await badPhone.ReadJsonAsync()).GetProperty("errors");
        Assert.All(new[] { "guardianPhone", "guardianName", "certificateNumber" }, f => Assert.True(errors.TryGetProperty(f, out _), errors.GetRawText()));
    }

    [Fact]
    public async Task Stock_receipts_adjustments_and_expiry_warnings()
    {
        var nurse = await app.ClientAsync("nurse2");
        var lot = await LotAsync(nurse, "HepA-L", 20, Today.AddDays(20), "HA-SOON");
        var again = await nurse.PostAsJsonAsync("/api/vaccine-lots", new { vaccine = "HepA-L", manufacturer = "浙江普康", lotNumber = "HA-SOON", expiry = Today.AddDays(20).ToString("yyyy-MM-dd"), doses = 5 });
        Assert.Equal(25, (await again.ReadJsonAsync()).GetProperty("dosesOnHand").GetInt32());
        var mismatch = await nurse.PostAsJsonAsync("/api/vaccine-lots", new { vaccine = "HepA-L", manufacturer = "浙江普康", lotNumber = "HA-SOON", expiry = Today.AddDays(40).ToString("yyyy-MM-dd"), doses = 5 });
        await ProblemAssert.FieldErrorAsync(mismatch, "expiry");
        var past = await nurse.PostAsJsonAsync("/api/vaccine-lots", new { vaccine = "HepA-L", manufacturer = "浙江普康", lotNumber = "HA-OLD", expiry = Today.AddDays(-1).ToString("yyyy-MM-dd"), doses = 5 });
        Assert.Contains("过期", await ProblemAssert.FieldErrorAsync(past, "expiry"));
        var noReason = await nurse.PostAsJsonAsync($"/api/vaccine-lots/{lot}/adjustments", new { quantity = -2 });
        await ProblemAssert.FieldErrorAsync(noReason, "reason");
        var below = await nurse.PostAsJsonAsync($"/api/vaccine-lots/{lot}/adjustments", new { quantity = -26, reason = "盘点" });
        Assert.Contains("25", await ProblemAssert.FieldErrorAsync(below, "quantity"));
        var ok = await nurse.PostAsJsonAsync($"/api/vaccine-lots/{lot}/adjustments", new { quantity = -2, reason = "破损2支" });
        Assert.Equal(23, (await ok.ReadJsonAsync()).GetProperty("dosesOnHand").GetInt32());
        var listed = (await nurse.GetJsonAsync("/api/vaccine-lots")).Items().Single(l => l.Str("id") == lot);
        Assert.True(listed.GetProperty("expiresSoon").GetBoolean());
        Assert.Equal(3, (await nurse.GetJsonAsync($"/api/vaccine-lots/{lot}/movements")).GetArrayLength());
        var doctor = await app.ClientAsync("recep1");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.PostAsJsonAsync("/api/vaccine-lots", new { vaccine = "MMR", manufacturer = "x", lotNumber = "y", expiry = Today.AddYears(1).ToString("yyyy-MM-dd"), doses = 1 })).StatusCode);
    }

    [Fact]
    public async Task Cold_chain_readings_outside_2_to_8_degrees_stay_listed_until_an_action_is_recorded()
    {
        var nurse = await app.ClientAsync("nurse3");
        var fridge = await (await nurse.PostAsJsonAsync("/api/refrigerators", new { name = "疫苗冰箱1号", location = "接种室" })).ReadJsonAsync();
        var id = fridge.Str("id");
        var ok = await (await nurse.PostAsJsonAsync($"/api/refrigerators/{id}/readings", new { celsius = 4.5 })).ReadJsonAsync();
        Assert.False(ok.GetProperty("outOfRange").GetBoolean());
        var warm = await (await nurse.PostAsJsonAsync($"/api/refrigerators/{id}/readings", new { celsius = 9.2 })).ReadJsonAsync();
        Assert.True(warm.GetProperty("outOfRange").GetBoolean());
        var cold = await (await nurse.PostAsJsonAsync($"/api/refrigerators/{id}/readings", new { celsius = 1.9 })).ReadJsonAsync();
        Assert.True(cold.GetProperty("outOfRange").GetBoolean());
        var impossible = await nurse.PostAsJsonAsync($"/api/refrigerators/{id}/readings", new { celsius = 80 });
        await ProblemAssert.FieldErrorAsync(impossible, "celsius");
        var alerts = await nurse.GetJsonAsync("/api/temperature-readings?alertsOnly=true");
        Assert.Equal(2, alerts.Items().Count(a => a.Str("refrigeratorId") == id));
        var inRange = await nurse.PostAsJsonAsync($"/api/temperature-readings/{ok.Str("id")}/action", new { action = "无" });
        await ProblemAssert.FieldErrorAsync(inRange, "action");
        var acted = await nurse.PostAsJsonAsync($"/api/temperature-readings/{warm.Str("id")}/action", new { action = "调低温控，2小时后复测5.1℃，疫苗未受影响" });
        Assert.Equal(HttpStatusCode.OK, acted.StatusCode);
        alerts = await nurse.GetJsonAsync("/api/temperature-readings?alertsOnly=true");
        Assert.Equal(cold.Str("id"), alerts.Items().Single(a => a.Str("refrigeratorId") == id).Str("id"));
        var list = (await nurse.GetJsonAsync("/api/refrigerators")).Items().Single(f => f.Str("id") == id);
        Assert.Equal(1, list.GetProperty("pendingAlerts").GetInt32());
        Assert.Equal(3, list.GetProperty("readingsToday").GetInt32());
    }
}

public sealed class ImmunizationApiTestsSqlite(SqliteApp app) : ImmunizationApiTests<SqliteApp>(app);
public sealed class ImmunizationApiTestsPostgres(PostgresApp app) : ImmunizationApiTests<PostgresApp>(app);
