using CommunityHealth.Data;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// The demo district's vaccination history on the day the system starts, written through the module's own slices (so every
/// judgement, stored next-due date, stock movement and audit row is what the clinic would have): each station's nurse
/// registers the children under 12 of her station and records the doses of their past visits — most on time, some late, a few
/// children who stopped coming (overdue now) — from the NIP schedule as the forecaster proposes it; the station's current
/// stock (one lot close to expiry), this morning's clinic from it, a refrigerator with a week of twice-daily readings (one
/// excursion), and one adverse event.
/// </summary>
internal sealed class DemoImmunization : IDemoSeeder
{
    public int Order => 300;

    /// <summary>Lot manufacturers by vaccine (the demo's, not a registry).</summary>
    private static readonly Dictionary<string, string> Makers = new(StringComparer.Ordinal)
    {
        ["HepB"] = "深圳康泰生物制品股份有限公司", ["BCG"] = "成都生物制品研究所有限责任公司", ["IPV"] = "中国医学科学院医学生物学研究所",
        ["bOPV"] = "北京生物制品研究所有限责任公司", ["DTaP"] = "武汉生物制品研究所有限责任公司", ["DT"] = "武汉生物制品研究所有限责任公司",
        ["MMR"] = "北京生物制品研究所有限责任公司", ["JE-L"] = "成都生物制品研究所有限责任公司", ["MPSV-A"] = "兰州生物制品研究所有限责任公司",
        ["MPSV-AC"] = "兰州生物制品研究所有限责任公司", ["HepA-L"] = "浙江普康生物技术股份有限公司",
    };

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        if (demo.Config.GetValue("Demo:Residents", 5000) <= 0) return;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var today = ChinaTime.ToChinaDate(demo.Now);
        var rng = new Random(2026_04);
        var stations = await demo.StationsWithAsync(StaffRole.Nurse, ct);

        var (children, doses, failed, aefi) = (0, 0, 0, false);
        await using var scope = demo.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        for (var s = 0; s < stations.Count; s++)
        {
            var (stationId, code, nurseName) = stations[s];
            var nurse = await demo.StaffAsync(nurseName, ct);
            var lots = await StockAsync(sp, nurse, stationId, code, today, nearExpiry: s == 0, ct);
            await ColdChainAsync(sp, nurse, stationId, demo.Now, rng, excursion: s == 1, ct);

            var kids = await ChildrenAsync(demo, stationId, today, ct);
            var register = sp.GetRequiredService<RegisterVaccinee>();
            var administer = sp.GetRequiredService<AdministerDose>();
            var todayClinic = 0;
            foreach (var kid in kids)
            {
                var registered = await register.HandleAsync(nurse, new RegisterVaccineeRequest(kid.Id, $"{code}-{++children:D5}", kid.BirthDate,
                    kid.Guardian, kid.GuardianRelation, kid.GuardianPhone, rng.Next(50) == 0 ? HBsAgStatus.Positive : HBsAgStatus.Negative,
                    rng.Next(2400, 4300), false), ct);
                if (!registered.IsSuccess) { failed++; continue; }
                var vaccineeId = registered.Value.Id;
                foreach (var visit in PastVisits(kid.BirthDate, today, rng))
                {
                    var result = await administer.HandleAsync(nurse, vaccineeId, new RecordVisit(visit.Vaccines.Select(v => new DoseInput(v, null,
                        visit.On.ToDateTime(new TimeOnly(9, rng.Next(0, 60))), null, $"{visit.On.Year}{rng.Next(10_000, 99_999)}", Makers.GetValueOrDefault(v), null,
                        null, null, null, null)).ToList()), ct);
                    if (result.IsSuccess) doses += visit.Vaccines.Count;
                    else { failed++; break; }
                }
                // this morning's clinic: the first children of the station who are due get a dose from the stock
                if (todayClinic < 3 && await DueTodayAsync(sp, nurse, vaccineeId, today, ct) is { } due && lots.TryGetValue(due, out var lotId))
                {
                    var given = await administer.HandleAsync(nurse, vaccineeId, new RecordVisit([new DoseInput(due, null, null, lotId, null, null, null, null, null, null, null)]), ct);
                    if (given.IsSuccess)
                    {
                        todayClinic++;
                        doses++;
                        if (!aefi)
                        {
                            aefi = true;
                            await sp.GetRequiredService<RecordAdverseEvent>().HandleAsync(nurse, vaccineeId, new RecordAdverseEventRequest(given.Value.Doses[0].Id,
                                given.Value.Doses[0].GivenAt.AddMinutes(1), "留观期间出现接种部位红肿（直径约 2 cm），伴低热 37.8 ℃", false, "留观 30 分钟后好转，嘱家长 48 小时内随访",
                                "一般反应"), ct);
                        }
                    }
                }
            }
        }
        DatabaseInitializer.Print($"[CommunityHealth] Demo vaccination: {children} children, {doses} doses ({failed} refused) in {started.Elapsed.TotalSeconds:F1} s.");
    }

    private sealed record Child(Guid Id, DateOnly BirthDate, string Guardian, string GuardianRelation, string GuardianPhone);

    /// <summary>The station's children under 12 (the cohorts the coverage report and the school entry check look at), each with a guardian from the household (an adult member, else a placeholder).</summary>
    private static async Task<List<Child>> ChildrenAsync(DemoSeedContext demo, Guid stationId, DateOnly today, CancellationToken ct)
    {
        await using var db = demo.Factory.Create(DataScope.System);
        var from = today.AddYears(-12);
        var kids = await db.Residents.AsNoTracking().Where(r => r.OrganizationId == stationId && r.BirthDate > from && r.Status == ResidentStatus.Active)
            .OrderBy(r => r.BirthDate).Select(r => new { r.Id, r.BirthDate, r.Name, r.HouseholdId }).ToListAsync(ct);
        var households = kids.Where(k => k.HouseholdId != null).Select(k => k.HouseholdId!.Value).Distinct().ToList();
        var adults = await db.Residents.AsNoTracking().Where(r => r.HouseholdId != null && households.Contains(r.HouseholdId.Value) && r.BirthDate <= today.AddYears(-20))
            .Select(r => new { r.HouseholdId, r.Name, r.Sex, r.Phone, r.BirthDate }).ToListAsync(ct);
        return kids.Select(k =>
        {
            var parent = adults.Where(a => a.HouseholdId == k.HouseholdId && a.BirthDate > k.BirthDate.AddYears(-50)).OrderBy(a => a.Sex == "2" ? 0 : 1).FirstOrDefault();
            return parent is null
                ? new Child(k.Id, k.BirthDate, k.Name[..1] + "女士", "母亲", "13800000000")
                : new Child(k.Id, k.BirthDate, parent.Name, parent.Sex == "2" ? "母亲" : "父亲", parent.Phone ?? "13800000000");
        }).ToList();
    }

    private sealed record Visit(DateOnly On, List<string> Vaccines);

    /// <summary>
    /// The child's past visits as the forecaster proposes them: at each visit every dose recommended by that day; a punctual
    /// family comes within a week of the date, a late one weeks later, and about one child in eight stopped coming at some age.
    /// Visits that would fall today or later are not made: those doses are due or overdue now.
    /// </summary>
    private static List<Visit> PastVisits(DateOnly birth, DateOnly today, Random rng)
    {
        var facts = new ChildFacts(birth);
        var kind = rng.NextDouble();
        var stopsAt = kind > 0.88 ? birth.AddDays(rng.Next(60, 1500)) : DateOnly.MaxValue;
        // about one child in twenty-five misses one series altogether (a family that declined it, a move between clinics)
        Series? skipped = rng.Next(25) == 0 ? new[] { Series.JE, Series.MenA, Series.MenAC, Series.HepA, Series.MMR }[rng.Next(5)] : null;
        var given = new List<GivenDose>();
        var visits = new List<Visit>();
        // the schedule in force changes over the years (2021 → 2025 DTaP): each step is judged as of its own day, as the clinic did
        List<NextDose> Next(DateOnly asOf) => Forecaster.Evaluate(facts, given, asOf).Series
            .Where(s => s.Next is not null && s.Status is ForecastStatus.Due or ForecastStatus.Overdue or ForecastStatus.NotDue).Select(s => s.Next!).ToList();
        var last = birth;
        for (var guard = 0; guard < 40; guard++)
        {
            var upcoming = Next(last).Where(n => Vaccines.Find(n.Vaccine)?.Series != skipped).ToList();
            if (upcoming.Count == 0) break;
            var first = upcoming.Min(n => n.Recommended);
            // the birth doses (HepB 1, BCG) are given in the maternity ward, nearly always on the day of birth
            var on = first == birth ? birth.AddDays(rng.Next(20) == 0 ? rng.Next(1, 4) : 0)
                : first.AddDays(kind < 0.7 ? rng.Next(0, 8) : rng.Next(10, 70));
            if (on >= today) break;
            var next = Next(on).Where(n => Vaccines.Find(n.Vaccine)?.Series != skipped).ToList();
            if (next.Count == 0) break;
            var eligible = next.Where(n => n.Recommended <= on && n.Earliest <= on).ToList();
            if (eligible.Count == 0)
            {
                if (!next.Any(n => n.Recommended <= on)) break;
                on = next.Where(n => n.Recommended <= on).Min(n => n.Earliest);
                eligible = next.Where(n => n.Recommended <= on && n.Earliest <= on).ToList();
            }
            if (on >= today || on >= stopsAt || eligible.Count == 0) break;
            given.AddRange(eligible.Select(n => new GivenDose(n.Vaccine, on)));
            last = on;
            visits.Add(new Visit(on, eligible.Select(n => n.Vaccine).ToList()));
        }
        return visits;
    }

    /// <summary>The vaccine of the child's first due or overdue dose today, if any.</summary>
    private static async Task<string?> DueTodayAsync(IServiceProvider sp, StaffContext nurse, Guid vaccineeId, DateOnly today, CancellationToken ct)
    {
        var forecast = await sp.GetRequiredService<GetForecast>().ForVaccineeAsync(nurse, vaccineeId, null, ct);
        if (!forecast.IsSuccess) return null;
        return forecast.Value.Forecast.Series.Where(s => s.Status is ForecastStatus.Due or ForecastStatus.Overdue && s.Next is { } n && n.Recommended <= today)
            .Select(s => s.Next!.Vaccine).FirstOrDefault();
    }

    /// <summary>The station's stock today: a lot of every NIP vaccine (one close to expiry at the first station); vaccine code → lot id.</summary>
    private static async Task<Dictionary<string, Guid>> StockAsync(IServiceProvider sp, StaffContext nurse, Guid stationId, string code, DateOnly today,
        bool nearExpiry, CancellationToken ct)
    {
        var receive = sp.GetRequiredService<ReceiveVaccineLot>();
        var lots = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var i = 0;
        foreach (var (vaccine, maker) in Makers)
        {
            var expiry = nearExpiry && vaccine == "HepB" ? today.AddDays(12) : today.AddMonths(8 + i % 7);
            var lot = await receive.HandleAsync(nurse, new ReceiveLot(stationId, vaccine, maker, $"{today.Year}{code[^3..]}{++i:D2}", expiry, 40 + 10 * (i % 5)), ct);
            if (lot.IsSuccess) lots[vaccine] = lot.Value.Id;
        }
        return lots;
    }

    /// <summary>One refrigerator with morning and afternoon readings over the last six days and today; one excursion at one station.</summary>
    private static async Task ColdChainAsync(IServiceProvider sp, StaffContext nurse, Guid stationId, DateTime now, Random rng, bool excursion, CancellationToken ct)
    {
        var fridge = await sp.GetRequiredService<AddRefrigerator>().HandleAsync(nurse, new AddRefrigeratorRequest(stationId, "疫苗冷藏冰箱 1 号", "预防接种室"), ct);
        if (!fridge.IsSuccess) return;
        var record = sp.GetRequiredService<RecordTemperature>();
        var china = now + ChinaTime.Offset;
        for (var day = -6; day <= 0; day++)
            foreach (var hour in new[] { 8, 16 })
            {
                var at = china.Date.AddDays(day).AddHours(hour).AddMinutes(rng.Next(0, 30));
                if (at > china || at < china.AddDays(-6.9)) continue;
                var celsius = excursion && day == -2 && hour == 16 ? 9.4m : Math.Round(3.5m + (decimal)rng.NextDouble() * 3m, 1);
                await record.HandleAsync(nurse, fridge.Value.Id, new RecordReading(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), celsius), ct);
            }
    }
}
