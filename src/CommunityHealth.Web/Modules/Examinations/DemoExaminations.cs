using CommunityHealth.Data;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>
/// The demo district's 健康体检 on the day the system starts, written through the module's own slice: about three in five
/// residents of 65 and over and most hypertension and diabetes patients had this year's exam (some also last year's), with
/// vitals, the 65+ self-assessment, lifestyle and the usual tests; a raised BP or glucose is marked abnormal with its guidance, as the examining doctor would.
/// </summary>
internal sealed class DemoExaminations : IDemoSeeder
{
    public int Order => 500;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        if (demo.Config.GetValue("Demo:Residents", 5000) <= 0) return;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var today = ChinaTime.ToChinaDate(demo.Now);
        var rng = new Random(2026_06);
        var stations = await demo.StationsWithAsync(StaffRole.FamilyDoctor, ct);

        await using var scope = demo.Services.CreateAsyncScope();
        var record = scope.ServiceProvider.GetRequiredService<RecordExamination>();
        var (exams, failed) = (0, 0);
        var yearStart = new DateOnly(today.Year, 1, 1);
        foreach (var (stationId, _, doctorName) in stations)
        {
            var doctor = await demo.StaffAsync(doctorName, ct);
            await using var db = demo.Factory.Create(DataScope.System);
            var sixtyFive = today.AddYears(-65);
            var people = await db.Residents.AsNoTracking()
                .Where(r => r.OrganizationId == stationId && r.Status == ResidentStatus.Active
                    && (r.BirthDate <= sixtyFive || db.ChronicRegistrations.Any(c => c.ResidentId == r.Id && c.Status == RegistrationStatus.Active)))
                .OrderBy(r => r.RecordNumber).Select(r => new { r.Id, r.BirthDate, r.Sex }).ToListAsync(ct);
            var patients = (await db.ChronicRegistrations.AsNoTracking().Where(c => c.OrganizationId == stationId && c.Status == RegistrationStatus.Active)
                .Select(c => c.ResidentId).ToListAsync(ct)).ToHashSet();
            foreach (var person in people)
            {
                // the 65+ exam (about three in five come) and the yearly exam of a hypertension or diabetes patient (most come)
                if (rng.NextDouble() > (patients.Contains(person.Id) ? 0.8 : 0.62)) continue;
                var dates = new List<DateOnly> { yearStart.AddDays(rng.Next(0, Math.Max(1, today.DayNumber - yearStart.DayNumber))) };
                if (rng.NextDouble() < 0.75) dates.Insert(0, dates[0].AddYears(-1).AddDays(rng.Next(-20, 20))); // most came last year too
                foreach (var on in dates.Where(d => d <= today))
                {
                    var result = await record.HandleAsync(doctor, person.Id, Exam(on, doctor.DisplayName, person.Sex == "1", on >= person.BirthDate.AddYears(65), rng), ct);
                    if (result.IsSuccess) exams++;
                    else failed++;
                }
            }
        }
        DatabaseInitializer.Print($"[CommunityHealth] Demo health examinations: {exams} ({failed} refused) in {started.Elapsed.TotalSeconds:F1} s.");
    }

    /// <summary>One exam with believable values (the 65+ assessment when <paramref name="elderly"/>); BP ≥ 140/90 or a fasting glucose ≥ 7.0 is marked abnormal with its guidance.</summary>
    private static HealthExam Exam(DateOnly on, string doctor, bool male, bool elderly, Random rng)
    {
        var height = male ? 160 + rng.Next(0, 18) : 150 + rng.Next(0, 15);
        var weight = Math.Round(height - 105 + (decimal)(rng.NextDouble() * 18 - 6), 1);
        var (sbp, dbp) = rng.NextDouble() < 0.35 ? (142 + rng.Next(0, 30), 82 + rng.Next(0, 16)) : (112 + rng.Next(0, 26), 68 + rng.Next(0, 20));
        var glucose = Math.Round(rng.NextDouble() < 0.15 ? 7.1m + (decimal)rng.NextDouble() * 3m : 4.6m + (decimal)rng.NextDouble() * 1.8m, 1);
        var abnormalities = new List<string>();
        if (sbp >= 140 || dbp >= 90) abnormalities.Add($"血压偏高（{sbp}/{dbp} mmHg）");
        if (glucose >= 7.0m) abnormalities.Add($"空腹血糖升高（{glucose} mmol/L）");
        var selfCare = rng.NextDouble() < 0.85 ? new SelfCareItems(1, 1, 1, 1, 1) : new SelfCareItems(2, 2, 2, 1, 3);
        var smoker = male && rng.NextDouble() < 0.3;
        return new HealthExam(
            ExamDate: on, Doctor: doctor, Symptoms: abnormalities.Count == 0 ? ["1"] : ["3"],
            Vitals: new Vitals(Math.Round(36.2m + (decimal)rng.NextDouble() * 0.6m, 1), 62 + rng.Next(0, 26), 16 + rng.Next(0, 5), sbp, dbp, null, null, height, weight,
                Math.Round(weight * 1.05m + 10, 0)),
            Elderly: !elderly ? null : new ElderlyAssessment(rng.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture), selfCare, "1", null, "1", null),
            Lifestyle: new Lifestyle(ExerciseFrequency: rng.Next(1, 5).ToString(System.Globalization.CultureInfo.InvariantCulture), ExerciseMinutes: 30, ExerciseYears: 10,
                ExerciseType: "散步", Diet: ["1"], Smoking: smoker ? "3" : "1", CigarettesPerDay: smoker ? 10 : null, SmokingStartAge: smoker ? 20 : null,
                Drinking: "1"),
            Tests: new LabTests(Hemoglobin: 115 + rng.Next(0, 40), FastingGlucose: glucose, Ecg: "1", TotalCholesterol: Math.Round(3.8m + (decimal)rng.NextDouble() * 2.4m, 2),
                Triglycerides: Math.Round(0.8m + (decimal)rng.NextDouble() * 1.6m, 2), Creatinine: 55 + rng.Next(0, 50), Alt: 12 + rng.Next(0, 30)),
            Abnormal: abnormalities.Count > 0, Abnormalities: abnormalities,
            Guidance: abnormalities.Count > 0 ? ["2"] : null, RiskControl: smoker ? ["1", "4"] : ["3", "4"]);
    }
}
