using CommunityHealth.Data;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>The resident's chronic-care page: registrations, visits with their outcomes, referrals, readings, screening and risk.</summary>
public sealed class GetChronicPatient(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/patients/{residentId:guid}", async (Guid residentId, CurrentUser user, GetChronicPatient h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), residentId, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Registrations, visits with their computed outcomes, referrals, BP/glucose history, screening state and risk")
            .Produces<ChronicPatientDto>().ProducesProblem(404);

    public async Task<Outcome<ChronicPatientDto>> HandleAsync(StaffContext staff, Guid residentId, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId && r.Status != ResidentStatus.Merged).FirstOrDefaultAsync(ct);
        if (resident is null) return new NotFound("Resident", residentId.ToString());
        var regs = await ChronicMapping.RegistrationsAsync(db, residentId, clock.Today(), ct);
        var visits = await db.ChronicVisits.AsNoTracking().Where(x => x.ResidentId == residentId).OrderByDescending(x => x.VisitDate).ThenByDescending(x => x.CreatedAt).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ResidentId == residentId).OrderByDescending(r => r.IssuedAt).ToListAsync(ct);
        var measurements = await db.Measurements.AsNoTracking().Where(m => m.ResidentId == residentId).OrderBy(m => m.On).ThenBy(m => m.CreatedAt).ToListAsync(ct);
        var screening = await ScreeningAsync(db, resident, measurements, regs, ct);
        var byVisit = referrals.Where(r => r.VisitId is not null && r.Status != ReferralStatus.Cancelled).GroupBy(r => r.VisitId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
        return new ChronicPatientDto(resident.Id, resident.Name, resident.Sex, resident.BirthDate, regs,
            visits.Select(x => ChronicMapping.ToDto(x, byVisit.TryGetValue(x.Id, out var rid) ? rid : null)).ToList(), referrals.Select(ChronicMapping.ToDto).ToList(),
            measurements.Select(ChronicMapping.ToDto).ToList(), screening);
    }

    /// <summary>Screening state and risk (<see cref="ChronicScreening"/>) from the readings, the latest exam, family and past history.</summary>
    private async Task<ScreeningDto> ScreeningAsync(HealthDbContext db, Resident r, IReadOnlyList<Measurement> measurements, IReadOnlyList<RegistrationDto> regs, CancellationToken ct)
    {
        var exam = await db.Examinations.AsNoTracking().Where(e => e.ResidentId == r.Id).OrderByDescending(e => e.ExamDate).FirstOrDefaultAsync(ct);
        var pastCodes = await db.ResidentConditions.AsNoTracking().Where(c => c.ResidentId == r.Id).Select(c => c.Code).ToListAsync(ct);
        var readings = measurements.Where(m => m.Kind == MeasurementKind.BloodPressure && m.Systolic is not null)
            .Select(m => new BpReading(m.On, m.Systolic!.Value, m.Diastolic!.Value)).ToList();
        var active = regs.Where(x => x.Status == RegistrationStatus.Active).Select(x => x.Programme).ToHashSet();
        var s = ChronicScreening.Assess(r.BirthDate, r.Sex, r.FamilyHistory, readings, exam is null ? null : new ExamRiskFacts(exam.Systolic, exam.Diastolic, exam.Bmi, exam.Form),
            pastCodes, active, clock.Today());
        return new ScreeningDto(s.AgeYears, s.Eligible, s.Bp.State, s.Bp.Reasons.Select(Findings.Render).ToList(), s.Bp.LastReading, s.Bp.NextReadingBy,
            s.HighRiskFactors.Select(Findings.Render).ToList(), s.Cdrs, s.NeedsOgtt, measurements.LastOrDefault(m => m.Kind == MeasurementKind.FastingGlucose)?.On,
            s.KnownNotRegistered);
    }
}
