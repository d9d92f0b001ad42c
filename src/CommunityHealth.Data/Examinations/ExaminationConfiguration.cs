using CommunityHealth.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHealth.Data.Examinations;

public sealed class ExaminationConfiguration : IEntityTypeConfiguration<Examination>
{
    public void Configure(EntityTypeBuilder<Examination> b)
    {
        b.ToTable("examinations");
        b.Property(e => e.Doctor).HasMaxLength(50);
        b.Property(e => e.HeightCm).HasPrecision(5, 1);
        b.Property(e => e.WeightKg).HasPrecision(5, 1);
        b.Property(e => e.Bmi).HasPrecision(4, 1);
        b.Property(e => e.FastingGlucose).HasPrecision(4, 1);
        b.Property(e => e.Form).AsJson();
        // a patient's exams by date; the scope columns last so a scoped probe (the indicators' "exam in the period" for each
        // patient) is answered from the index alone — never IgnoreQueryFilters for speed: it drops the filters of the whole query
        b.HasIndex(e => new { e.ResidentId, e.ExamDate, e.DistrictId, e.CenterId, e.OrganizationId });
        b.HasIndex(e => new { e.DistrictId, e.ExamDate });
        b.HasOne<Resident>().WithMany().HasForeignKey(e => e.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EncounterConfiguration : IEntityTypeConfiguration<Encounter>
{
    public void Configure(EntityTypeBuilder<Encounter> b)
    {
        b.ToTable("encounters");
        b.Property(e => e.Subjective).HasMaxLength(1000);
        b.Property(e => e.Objective).HasMaxLength(1000);
        b.Property(e => e.Assessment).HasMaxLength(1000);
        b.Property(e => e.Plan).HasMaxLength(1000);
        b.Property(e => e.Doctor).HasMaxLength(50);
        b.HasIndex(e => new { e.ResidentId, e.Date });
        b.HasIndex(e => new { e.DistrictId, e.Date });
        b.HasOne<Resident>().WithMany().HasForeignKey(e => e.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}
