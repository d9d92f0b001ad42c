using CommunityHealth.Data;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>
/// The demo district's hypertension and diabetes patients on the day the system starts, written through the module's own
/// slices (classification, the chain of next-visit dates, measurement history and audit are what the clinic would have):
/// each station's family doctor registers about a fifth of the residents of 35 and over for hypertension and one in fourteen
/// for diabetes, and records their follow-ups since 1 January of last year at the dates the rules proposed — most controlled,
/// some not (visited again within two weeks), some who stopped coming (overdue now) — and one urgent referral this week.
/// </summary>
internal sealed class DemoChronicCare : IDemoSeeder
{
    public int Order => 400;

    private static readonly DateOnly ProgrammeStart = new(2017, 1, 1);

    private static readonly VisitMedication[] HypertensionDrugs =
    [
        new("苯磺酸氨氯地平片", 1, 5m, "mg"), new("厄贝沙坦片", 1, 150m, "mg"), new("缬沙坦胶囊", 1, 80m, "mg"), new("美托洛尔缓释片", 1, 47.5m, "mg"),
    ];

    private static readonly VisitMedication[] DiabetesDrugs = [new("盐酸二甲双胍片", 3, 0.5m, "g"), new("阿卡波糖片", 3, 50m, "mg"), new("格列美脲片", 1, 2m, "mg")];

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        if (demo.Config.GetValue("Demo:Residents", 5000) <= 0) return;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var today = ChinaTime.ToChinaDate(demo.Now);
        var rng = new Random(2026_05);
        var stations = await demo.StationsWithAsync(StaffRole.FamilyDoctor, ct);

        await using var scope = demo.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterPatient>();
        var record = scope.ServiceProvider.GetRequiredService<RecordFollowUp>();
        var (registrations, visits, failed, referred) = (0, 0, 0, false);
        foreach (var (stationId, _, doctorName) in stations)
        {
            var doctor = await demo.StaffAsync(doctorName, ct);
            await using var db = demo.Factory.Create(DataScope.System);
            var adults = await db.Residents.AsNoTracking()
                .Where(r => r.OrganizationId == stationId && r.Status == ResidentStatus.Active && r.BirthDate <= today.AddYears(-35))
                .OrderBy(r => r.RecordNumber).Select(r => new { r.Id, r.BirthDate }).ToListAsync(ct);
            // the conditions the health records carry (既往史 2 高血压, 3 糖尿病): nine in ten known patients are on the programme
            var known = (await db.ResidentConditions.AsNoTracking().Where(c => c.OrganizationId == stationId && (c.Code == "2" || c.Code == "3"))
                .Select(c => new { c.ResidentId, c.Code, c.DiagnosedOn }).ToListAsync(ct)).ToLookup(c => c.ResidentId);
            foreach (var adult in adults)
            {
                var history = known[adult.Id].ToList();
                var htnSince = history.FirstOrDefault(c => c.Code == "2")?.DiagnosedOn;
                var dmSince = history.FirstOrDefault(c => c.Code == "3")?.DiagnosedOn;
                var htn = htnSince is not null && rng.NextDouble() < 0.9;
                var dm = dmSince is not null && rng.NextDouble() < 0.9;
                if (!htn && !dm) continue;
                var diagnosedOn = (htn ? htnSince : dmSince) ?? today.AddYears(-1);
                if (diagnosedOn > today) diagnosedOn = today;
                var registeredOn = diagnosedOn.AddDays(rng.Next(0, 120));
                if (registeredOn > today.AddDays(-30)) registeredOn = today.AddDays(-30);
                // the programme's forms (third edition) start in 2017: a patient known before then was registered in its first year
                if (registeredOn < ProgrammeStart) registeredOn = ProgrammeStart.AddDays(rng.Next(0, 365));
                if (registeredOn < diagnosedOn) diagnosedOn = registeredOn;
                var source = rng.Next(10) switch { < 5 => "2", < 8 => "1", < 9 => "3", _ => "4" };
                var ok = true;
                foreach (var (on, programme) in new[] { (htn, Programme.Hypertension), (dm, Programme.Diabetes) })
                {
                    if (!on) continue;
                    var since = (programme == Programme.Hypertension ? htnSince : dmSince) ?? diagnosedOn;
                    if (since > registeredOn) since = registeredOn;
                    var reg = await register.HandleAsync(doctor, new RegisterChronic(adult.Id, programme, since, "浙江省人民医院", source, null, null, null, registeredOn), ct);
                    if (reg.IsSuccess) registrations++;
                    else { failed++; ok = false; }
                }
                if (!ok) continue;

                // a patient's course: controlled, uncontrolled at times, or stopped coming some months ago
                var kind = rng.NextDouble();
                var stopsAt = kind > 0.9 ? today.AddDays(-rng.Next(100, 300)) : today;
                var date = registeredOn.AddDays(rng.Next(3, 14));
                var historyFrom = new DateOnly(today.Year - 1, 1, 1); // last year whole, so its indicators have a full year of visits
                if (date < historyFrom) date = historyFrom.AddDays(rng.Next(0, 30));
                var (drugH, drugD) = (HypertensionDrugs[rng.Next(HypertensionDrugs.Length)], DiabetesDrugs[rng.Next(DiabetesDrugs.Length)]);
                var height = 150 + rng.Next(0, 30);
                var weight = Math.Round(height - 105 + (decimal)(rng.NextDouble() * 20 - 5), 1);
                for (var guard = 0; guard < 20 && date < today && date < stopsAt; guard++)
                {
                    var controlled = kind < 0.55 || rng.NextDouble() < 0.3;
                    var urgent = !referred && date >= today.AddDays(-6);
                    var (sbp, dbp) = urgent ? (186, 112) : controlled ? (118 + rng.Next(0, 20), 70 + rng.Next(0, 18)) : (142 + rng.Next(0, 25), 86 + rng.Next(0, 14));
                    decimal? fpg = dm ? Math.Round(controlled ? 5.2m + (decimal)rng.NextDouble() * 1.6m : 7.3m + (decimal)rng.NextDouble() * 3m, 1) : null;
                    var form = new ChronicVisitForm(
                        HypertensionSymptoms: htn ? [controlled ? "1" : "2"] : null, DiabetesSymptoms: dm ? [controlled ? "1" : "2"] : null,
                        HeightCm: height, WeightKg: weight, TargetWeightKg: weight - 2, HeartRate: 62 + rng.Next(0, 24),
                        CigarettesPerDay: 0, TargetCigarettesPerDay: 0, ExerciseTimesPerWeek: rng.Next(1, 7), ExerciseMinutes: 30, TargetExerciseTimesPerWeek: 5,
                        TargetExerciseMinutes: 30, Salt: htn ? (controlled ? "1" : "2") : null, TargetSalt: htn ? "1" : null, StapleFoodGrams: dm ? 300 : null,
                        TargetStapleFoodGrams: dm ? 250 : null, Compliance: controlled ? "1" : "2", Adherence: controlled ? "1" : "2",
                        Hypoglycaemia: dm ? "1" : null, FootPulse: dm ? "1" : null,
                        Medications: [.. htn ? [drugH] : Array.Empty<VisitMedication>(), .. dm ? [drugD] : Array.Empty<VisitMedication>()],
                        UrgentSigns: urgent ? ["2"] : null);
                    var visit = await record.HandleAsync(doctor, adult.Id, new RecordChronicVisit(date, rng.Next(5) == 0 ? VisitMode.Home : VisitMode.Clinic,
                        htn ? true : null, dm ? true : null, sbp, dbp, fpg, form), ct);
                    if (!visit.IsSuccess) { failed++; break; }
                    visits++;
                    if (urgent)
                    {
                        referred = true;
                        await scope.ServiceProvider.GetRequiredService<CreateReferralHandler>().HandleAsync(doctor, adult.Id,
                            new CreateReferral(visit.Value.Id, true, "血压 186/112 mmHg，伴剧烈头痛", "浙江大学医学院附属第一医院", "心内科", "已电话联系接诊科室"), ct);
                        break;
                    }
                    var next = visit.Value.NextVisitOn ?? visit.Value.ProposedNextVisit ?? date.AddMonths(3);
                    date = next.AddDays(rng.Next(-3, kind < 0.8 ? 5 : 25));
                }
            }
        }
        DatabaseInitializer.Print($"[CommunityHealth] Demo chronic care: {registrations} registrations, {visits} follow-ups ({failed} refused) in {started.Elapsed.TotalSeconds:F1} s.");
    }
}
