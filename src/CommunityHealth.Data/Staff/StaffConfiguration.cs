using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHealth.Data.Staff;

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.Property(u => u.Title).HasMaxLength(50);
        b.HasIndex(u => new { u.DistrictId, u.CenterId });
        b.HasIndex(u => u.OrganizationId);
        b.HasIndex(u => u.TeamId);
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StaffRoleAssignmentConfiguration : IEntityTypeConfiguration<StaffRoleAssignment>
{
    public void Configure(EntityTypeBuilder<StaffRoleAssignment> b)
    {
        b.ToTable("staff_roles");
        b.HasKey(r => new { r.StaffId, r.Role });
        b.Property(r => r.Role).HasMaxLength(40);
        b.HasIndex(r => new { r.DistrictId, r.Role });
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.UserName).HasMaxLength(64);
        b.Property(a => a.Roles).HasMaxLength(200);
        b.Property(a => a.Entity).HasMaxLength(40);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.ClientAddress).HasMaxLength(64);
        b.Property(a => a.Detail).HasMaxLength(1000);
        // The audit page filters by time first, then narrows; these cover its common filters.
        b.HasIndex(a => new { a.DistrictId, a.At });
        b.HasIndex(a => new { a.Entity, a.EntityId });
        b.HasIndex(a => new { a.UserId, a.At });
    }
}
