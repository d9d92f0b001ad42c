using CommunityHealth.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHealth.Data.WorkList;

public sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> b)
    {
        b.ToTable("work_items");
        b.Property(i => i.Programme).HasMaxLength(20);
        b.Property(i => i.Kind).HasMaxLength(20);
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.OutcomeNote).HasMaxLength(200);
        b.Property(i => i.OutcomeBy).HasMaxLength(50);
        // the home list: a station's, a center's, a team's or a doctor's open items by due date (one index range each;
        // the programme's counts group the same range), whatever the scope filter adds is the index's leading columns
        b.HasIndex(i => new { i.DistrictId, i.OrganizationId, i.Status, i.DueOn });
        b.HasIndex(i => new { i.DistrictId, i.CenterId, i.Status, i.DueOn });
        b.HasIndex(i => new { i.DistrictId, i.TeamId, i.Status, i.DueOn });
        b.HasIndex(i => new { i.DistrictId, i.DoctorId, i.Status, i.DueOn });
        // the writers: a source's items (every write of a dose or a visit reads them)
        b.HasIndex(i => new { i.SourceId, i.Status });
        b.HasIndex(i => new { i.ResidentId, i.Status });
        b.HasOne<Resident>().WithMany().HasForeignKey(i => i.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReminderOptOutConfiguration : IEntityTypeConfiguration<ReminderOptOut>
{
    public void Configure(EntityTypeBuilder<ReminderOptOut> b)
    {
        b.ToTable("reminder_opt_outs");
        b.Property(o => o.Reason).HasMaxLength(200);
        b.Property(o => o.By).HasMaxLength(50);
        b.HasIndex(o => o.ResidentId).IsUnique();
        b.HasIndex(o => o.DistrictId);
        b.HasOne<Resident>().WithMany().HasForeignKey(o => o.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}
