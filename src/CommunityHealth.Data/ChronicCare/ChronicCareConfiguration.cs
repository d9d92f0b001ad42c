using CommunityHealth.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHealth.Data.ChronicCare;

public sealed class ChronicRegistrationConfiguration : IEntityTypeConfiguration<ChronicRegistration>
{
    public void Configure(EntityTypeBuilder<ChronicRegistration> b)
    {
        b.ToTable("chronic_registrations");
        b.Property(r => r.DiagnosedAt).HasMaxLength(100);
        b.Property(r => r.Source).HasMaxLength(4);
        b.Property(r => r.DoctorName).HasMaxLength(50);
        b.Property(r => r.DeregisterReason).HasMaxLength(4);
        b.Property(r => r.DeregisterNote).HasMaxLength(200);
        // one active registration per resident and programme
        b.HasIndex(r => new { r.ResidentId, r.Programme }).IsUnique().HasFilter("\"Status\" = 1");
        // work lists: a station's, a team's or a doctor's active patients by next visit date
        b.HasIndex(r => new { r.DistrictId, r.OrganizationId, r.Status, r.NextVisitOn });
        b.HasIndex(r => new { r.DistrictId, r.TeamId, r.Status, r.NextVisitOn });
        b.HasIndex(r => new { r.DistrictId, r.DoctorId, r.Status, r.NextVisitOn });
        b.HasIndex(r => new { r.DistrictId, r.CenterId, r.Status, r.NextVisitOn });
        // the indicators' denominator per organisation, covering (no table visits)
        b.HasIndex(r => new { r.DistrictId, r.Programme, r.OrganizationId, r.RegisteredOn, r.Status, r.DeregisteredOn, r.CenterId }).HasDatabaseName("IX_chronic_registrations_indicators");
        b.HasOne<Resident>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ChronicVisitConfiguration : IEntityTypeConfiguration<ChronicVisit>
{
    /// <summary>The covering index of a patient's chain of visits.</summary>
    public const string ChainIndex = "IX_chronic_visits_chain";

    public void Configure(EntityTypeBuilder<ChronicVisit> b)
    {
        b.ToTable("chronic_visits");
        b.Property(v => v.WeightKg).HasPrecision(5, 1);
        b.Property(v => v.Bmi).HasPrecision(4, 1);
        b.Property(v => v.TargetBmi).HasPrecision(4, 1);
        b.Property(v => v.FastingGlucose).HasPrecision(4, 1);
        b.Property(v => v.HbA1c).HasPrecision(4, 1);
        b.Property(v => v.UrgentReasons).HasMaxLength(500);
        b.Property(v => v.HypertensionReasons).HasMaxLength(500);
        b.Property(v => v.DiabetesReasons).HasMaxLength(500);
        b.Property(v => v.OverrideReason).HasMaxLength(200);
        b.Property(v => v.Doctor).HasMaxLength(50);
        b.Property(v => v.Form).AsJson();
        // a patient's visits in order (the chain of classifications, the last visit of a period). Recording a visit reads
        // the patient's whole chain; every column that read needs (and the scope's) is in the index, so it is one contiguous
        // range of the index rather than a table page per earlier visit (at 1,000,000 residents ~17 random pages per visit)
        b.HasIndex(v => new
        {
            v.ResidentId, v.VisitDate, v.CreatedAt, v.Id, v.HypertensionClass, v.DiabetesClass, v.Mode, v.ForHypertension, v.ForDiabetes, v.BpControlled,
            v.GlucoseControlled, v.DistrictId, v.CenterId, v.OrganizationId,
        }).HasDatabaseName(ChainIndex);
        b.HasIndex(v => new { v.DistrictId, v.VisitDate });
        b.HasOne<Resident>().WithMany().HasForeignKey(v => v.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ChronicMonthStatConfiguration : IEntityTypeConfiguration<ChronicMonthStat>
{
    public void Configure(EntityTypeBuilder<ChronicMonthStat> b)
    {
        b.ToTable("chronic_month_stats");
        // the indicator's probe: a patient's latest row of the year at or before a month
        b.HasIndex(s => new { s.ResidentId, s.Programme, s.Year, s.Month }).IsUnique();
        // the indicators' numerators at a month end M: the rows with NextMonth > M (for M = 12 exactly the year's latest rows),
        // covering every column they read so the scan never visits the table (5× faster on SQLite at 100,000 residents)
        b.HasIndex(s => new
        {
            s.DistrictId, s.Programme, s.Year, s.NextMonth, s.OrganizationId, s.Month, s.RegisteredOn, s.DeregisteredOn, s.FaceToFace, s.LastControlled, s.ResidentId,
            s.CenterId, // last: only so a center's scope filter is answered from the index too
        }).HasDatabaseName("IX_chronic_month_stats_indicators");
        b.HasOne<Resident>().WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("referrals");
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.ToFacility).HasMaxLength(100);
        b.Property(r => r.ToDepartment).HasMaxLength(50);
        b.Property(r => r.Note).HasMaxLength(500);
        b.Property(r => r.IssuedBy).HasMaxLength(50);
        b.Property(r => r.ResultNote).HasMaxLength(200);
        b.HasIndex(r => new { r.ResidentId, r.IssuedAt });
        b.HasIndex(r => new { r.DistrictId, r.OrganizationId, r.Status, r.FollowUpBy });
        b.HasIndex(r => r.VisitId);
        b.HasOne<Resident>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> b)
    {
        b.ToTable("measurements");
        b.Property(m => m.Value).HasPrecision(5, 1);
        b.Property(m => m.Source).HasMaxLength(10);
        b.Property(m => m.RecordedBy).HasMaxLength(50);
        b.HasIndex(m => new { m.ResidentId, m.Kind, m.On });
        b.HasIndex(m => new { m.DistrictId, m.Kind, m.On });
        b.HasIndex(m => m.SourceId);
        b.HasOne<Resident>().WithMany().HasForeignKey(m => m.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}
