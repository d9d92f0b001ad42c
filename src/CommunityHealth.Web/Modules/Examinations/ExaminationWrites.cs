using CommunityHealth.Data;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Examinations;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>What recording and updating an examination share: the form onto the stored row, and its measurements.</summary>
internal static class ExaminationWrites
{
    /// <summary>What the exam's values show (<see cref="ExamFindings"/>), judged with the resident's sex and current programmes.</summary>
    public static async Task<ExamAssessment> AssessAsync(HealthDbContext db, Guid residentId, HealthExam f, CancellationToken ct)
    {
        var sex = await db.Residents.Where(r => r.Id == residentId).Select(r => r.Sex).FirstAsync(ct);
        var programmes = (await db.ChronicRegistrations.Where(r => r.ResidentId == residentId && r.Status == RegistrationStatus.Active)
            .Select(r => r.Programme).ToListAsync(ct)).ToHashSet();
        return ExamFindings.Evaluate(f, sex == "1", programmes, f.ExamDate!.Value);
    }

    /// <summary>The form onto the stored row; the row's 有异常 flag is the doctor's or the values' (a BP of 150/95 is never 体检无异常).</summary>
    public static void Apply(Examination exam, HealthExam f, ExamAssessment assessment, DateTime now)
    {
        exam.Form = f;
        exam.ExamDate = f.ExamDate!.Value;
        exam.Doctor = f.Doctor!;
        exam.Systolic = f.Vitals?.LeftSystolic ?? f.Vitals?.RightSystolic;
        exam.Diastolic = f.Vitals?.LeftSystolic is not null ? f.Vitals.LeftDiastolic : f.Vitals?.RightDiastolic;
        exam.HeightCm = f.Vitals?.HeightCm;
        exam.WeightKg = f.Vitals?.WeightKg;
        exam.Bmi = Bmi.Compute(f.Vitals?.HeightCm, f.Vitals?.WeightKg);
        exam.FastingGlucose = f.Tests?.FastingGlucose;
        exam.SelfCareScore = SelfCare.Score(f.Elderly?.SelfCare);
        exam.Abnormal = assessment.Abnormal ? true : f.Abnormal;
        exam.UpdatedAt = now;
    }

    /// <summary>The exam's BP and fasting glucose join the resident's measurement history (screening, trends, FHIR Observation).</summary>
    public static async Task SyncMeasurementsAsync(HealthDbContext db, Examination exam, StaffContext staff, DateTime now, bool existing, CancellationToken ct)
    {
        if (existing) db.Measurements.RemoveRange(await db.Measurements.Where(m => m.SourceId == exam.Id).ToListAsync(ct));
        Measurement New(MeasurementKind kind) => new()
        {
            Id = Guid.CreateVersion7(), DistrictId = exam.DistrictId, CenterId = exam.CenterId, OrganizationId = exam.OrganizationId, ResidentId = exam.ResidentId,
            Kind = kind, On = exam.ExamDate, Source = "exam", SourceId = exam.Id, RecordedBy = staff.DisplayName, CreatedAt = now,
        };
        if (exam is { Systolic: { } s, Diastolic: { } d })
        {
            var bp = New(MeasurementKind.BloodPressure);
            (bp.Systolic, bp.Diastolic) = (s, d);
            db.Measurements.Add(bp);
        }
        if (exam.FastingGlucose is { } g)
        {
            var m = New(MeasurementKind.FastingGlucose);
            m.Value = g;
            db.Measurements.Add(m);
        }
    }
}
