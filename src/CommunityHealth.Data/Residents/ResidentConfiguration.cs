using CommunityHealth.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHealth.Data.Residents;

public sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.ToTable("residents");
        b.Property(r => r.RecordNumber).HasMaxLength(17);
        b.Property(r => r.RecordLast8).HasMaxLength(8);
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.NameInitials).HasMaxLength(50);
        b.Property(r => r.DocumentType).HasMaxLength(2);
        b.Property(r => r.DocumentNumber).HasMaxLength(30);
        b.Property(r => r.IdNumber).HasMaxLength(18);
        b.Property(r => r.IdLast4).HasMaxLength(4);
        b.Property(r => r.IdLast6).HasMaxLength(6);
        b.Property(r => r.Sex).HasMaxLength(1);
        b.Property(r => r.Phone).HasMaxLength(20);
        b.Property(r => r.ContactPhone).HasMaxLength(20);
        b.Property(r => r.ContactName).HasMaxLength(50);
        b.Property(r => r.WorkUnit).HasMaxLength(100);
        b.Property(r => r.Address).HasMaxLength(200);
        b.Property(r => r.ResidenceType).HasMaxLength(2);
        foreach (var code in new[] { nameof(Resident.Ethnicity), nameof(Resident.Abo), nameof(Resident.Rh), nameof(Resident.Education), nameof(Resident.Occupation), nameof(Resident.Marital) })
            b.Property(code).HasMaxLength(4);
        b.Property(r => r.Payments).AsCodeList();
        b.Property(r => r.DrugAllergies).AsCodeList();
        b.Property(r => r.Exposures).AsCodeList();
        b.Property(r => r.Disabilities).AsCodeList();
        b.Property(r => r.Surgeries).AsJson();
        b.Property(r => r.Traumas).AsJson();
        b.Property(r => r.Transfusions).AsJson();
        b.Property(r => r.FamilyHistory).AsJson();
        b.Property(r => r.Living).AsJson();
        b.Property(r => r.Status).HasConversion<int>();
        b.Property(r => r.CloseReason).HasMaxLength(20);
        b.Property(r => r.CloseNote).HasMaxLength(200);

        // Search keys: each search is an equality or a prefix range on one of these, after the district.
        b.HasIndex(r => r.RecordNumber).IsUnique();
        b.HasIndex(r => new { r.DistrictId, r.RecordLast8 });
        b.HasIndex(r => new { r.DistrictId, r.Name });
        b.HasIndex(r => new { r.DistrictId, r.NameInitials });
        b.HasIndex(r => r.IdNumber); // alone: "registered anywhere?" is checked across districts
        b.HasIndex(r => new { r.DistrictId, r.IdLast4 });
        b.HasIndex(r => new { r.DistrictId, r.IdLast6 });
        b.HasIndex(r => new { r.DistrictId, r.Phone });
        b.HasIndex(r => new { r.DistrictId, r.BirthDate });
        b.HasIndex(r => new { r.DistrictId, r.CenterId, r.OrganizationId });
        b.HasIndex(r => r.HouseholdId);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Conditions).WithOne().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ResidentConditionConfiguration : IEntityTypeConfiguration<ResidentCondition>
{
    public void Configure(EntityTypeBuilder<ResidentCondition> b)
    {
        b.ToTable("resident_conditions");
        b.Property(c => c.Code).HasMaxLength(4);
        b.Property(c => c.Note).HasMaxLength(100);
        b.HasIndex(c => new { c.DistrictId, c.Code });
        b.HasIndex(c => c.ResidentId);
    }
}

public sealed class ResidentChangeConfiguration : IEntityTypeConfiguration<ResidentChange>
{
    public void Configure(EntityTypeBuilder<ResidentChange> b)
    {
        b.ToTable("resident_changes");
        b.Property(c => c.Field).HasMaxLength(40);
        b.Property(c => c.UserName).HasMaxLength(64);
        b.Property(c => c.OldValue).HasMaxLength(2000);
        b.Property(c => c.NewValue).HasMaxLength(2000);
        b.HasIndex(c => new { c.ResidentId, c.At });
    }
}

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("households");
        b.Property(h => h.Address).HasMaxLength(200);
        b.HasIndex(h => new { h.DistrictId, h.CenterId, h.OrganizationId });
    }
}

public sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> b)
    {
        b.ToTable("household_members");
        b.Property(m => m.Relationship).HasMaxLength(2);
        b.HasIndex(m => new { m.HouseholdId, m.To });
        b.HasIndex(m => new { m.ResidentId, m.To });
        b.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Resident>().WithMany().HasForeignKey(m => m.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RecordNumberSequenceConfiguration : IEntityTypeConfiguration<RecordNumberSequence>
{
    public void Configure(EntityTypeBuilder<RecordNumberSequence> b)
    {
        b.ToTable("record_number_sequences");
        b.HasKey(s => s.Prefix);
        b.Property(s => s.Prefix).HasMaxLength(12);
        b.HasIndex(s => s.DistrictId);
    }
}

public sealed class ResidentMergeConfiguration : IEntityTypeConfiguration<ResidentMerge>
{
    public void Configure(EntityTypeBuilder<ResidentMerge> b)
    {
        b.ToTable("resident_merges");
        b.Property(m => m.UserName).HasMaxLength(64);
        b.Property(m => m.UndoneBy).HasMaxLength(64);
        b.Property(m => m.Reason).HasMaxLength(200);
        b.Property(m => m.Moves).AsJson();
        b.HasIndex(m => m.SurvivorId);
        b.HasIndex(m => m.MergedId);
    }
}
