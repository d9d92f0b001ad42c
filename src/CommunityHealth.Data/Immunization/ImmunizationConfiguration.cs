using CommunityHealth.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHealth.Data.Immunization;

public sealed class VaccineeConfiguration : IEntityTypeConfiguration<Vaccinee>
{
    public void Configure(EntityTypeBuilder<Vaccinee> b)
    {
        b.ToTable("vaccinees");
        b.Property(v => v.CertificateNumber).HasMaxLength(30);
        b.Property(v => v.GuardianName).HasMaxLength(50);
        b.Property(v => v.GuardianRelation).HasMaxLength(20);
        b.Property(v => v.GuardianPhone).HasMaxLength(20);
        b.Property(v => v.NextDueDoses).HasMaxLength(200);
        b.Property(v => v.ImmunoglobulinDates).AsJson();
        // a certificate number is unique in the district; a record opened for a dose given elsewhere has none yet ("")
        b.HasIndex(v => new { v.DistrictId, v.CertificateNumber }).IsUnique().HasFilter("\"CertificateNumber\" <> ''");
        b.HasIndex(v => v.ResidentId).IsUnique();
        // work lists: a station's (or a team's) active children by next due date, one index range each
        b.HasIndex(v => new { v.DistrictId, v.OrganizationId, v.Status, v.NextDueDate });
        b.HasIndex(v => new { v.DistrictId, v.TeamId, v.Status, v.NextDueDate });
        b.HasIndex(v => new { v.DistrictId, v.CenterId, v.Status, v.NextDueDate });
        // coverage: a birth cohort
        b.HasIndex(v => new { v.DistrictId, v.BirthDate });
        // the daily review of children whose forecast changes with time
        b.HasIndex(v => new { v.Status, v.ReviewOn });
        b.HasOne<Resident>().WithMany().HasForeignKey(v => v.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VaccinationDoseConfiguration : IEntityTypeConfiguration<VaccinationDose>
{
    public void Configure(EntityTypeBuilder<VaccinationDose> b)
    {
        b.ToTable("vaccination_doses");
        b.Property(d => d.Vaccine).HasMaxLength(10);
        b.Property(d => d.LotNumber).HasMaxLength(40);
        b.Property(d => d.Manufacturer).HasMaxLength(100);
        b.Property(d => d.Site).HasMaxLength(40);
        b.Property(d => d.Route).HasMaxLength(10);
        b.Property(d => d.Nurse).HasMaxLength(50);
        b.Property(d => d.ValidityReason).HasMaxLength(300);
        b.Property(d => d.OverrideReason).HasMaxLength(200);
        b.Property(d => d.ObservationNote).HasMaxLength(200);
        b.HasIndex(d => new { d.VaccineeId, d.GivenOn });
        b.HasIndex(d => new { d.ResidentId, d.GivenOn });
        b.Property(d => d.Series).HasMaxLength(10);
        // coverage: the doses of one birth cohort
        b.HasIndex(d => new { d.DistrictId, d.BirthDate });
        b.HasOne<Vaccinee>().WithMany().HasForeignKey(d => d.VaccineeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VaccineLot>().WithMany().HasForeignKey(d => d.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VaccineeContraindicationConfiguration : IEntityTypeConfiguration<VaccineeContraindication>
{
    public void Configure(EntityTypeBuilder<VaccineeContraindication> b)
    {
        b.ToTable("vaccinee_contraindications");
        b.Property(c => c.Vaccine).HasMaxLength(10);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.Property(c => c.RecordedBy).HasMaxLength(50);
        b.HasIndex(c => c.VaccineeId);
        b.HasOne<Vaccinee>().WithMany().HasForeignKey(c => c.VaccineeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AdverseEventConfiguration : IEntityTypeConfiguration<AdverseEvent>
{
    public void Configure(EntityTypeBuilder<AdverseEvent> b)
    {
        b.ToTable("adverse_events");
        b.Property(a => a.Symptoms).HasMaxLength(500);
        b.Property(a => a.Outcome).HasMaxLength(200);
        b.Property(a => a.Note).HasMaxLength(500);
        b.Property(a => a.RecordedBy).HasMaxLength(50);
        b.Property(a => a.Reactions).AsCodeList();
        b.Property(a => a.Diagnosis).HasMaxLength(200);
        b.Property(a => a.Classification).HasMaxLength(20);
        b.Property(a => a.OutcomeCode).HasMaxLength(20);
        b.Property(a => a.Reporter).HasMaxLength(50);
        b.HasIndex(a => a.VaccineeId);
        b.HasIndex(a => new { a.DistrictId, a.OnsetAt });
        b.HasOne<Vaccinee>().WithMany().HasForeignKey(a => a.VaccineeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ContactAttemptConfiguration : IEntityTypeConfiguration<ContactAttempt>
{
    public void Configure(EntityTypeBuilder<ContactAttempt> b)
    {
        b.ToTable("vaccinee_contacts");
        b.Property(c => c.Method).HasMaxLength(20);
        b.Property(c => c.Result).HasMaxLength(50);
        b.Property(c => c.Note).HasMaxLength(200);
        b.Property(c => c.By).HasMaxLength(50);
        b.HasIndex(c => c.VaccineeId);
        b.HasOne<Vaccinee>().WithMany().HasForeignKey(c => c.VaccineeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VaccineLotConfiguration : IEntityTypeConfiguration<VaccineLot>
{
    public void Configure(EntityTypeBuilder<VaccineLot> b)
    {
        b.ToTable("vaccine_lots");
        b.Property(l => l.Vaccine).HasMaxLength(10);
        b.Property(l => l.Manufacturer).HasMaxLength(100);
        b.Property(l => l.LotNumber).HasMaxLength(40);
        b.Property(l => l.DosesOnHand).IsConcurrencyToken();
        b.HasIndex(l => new { l.OrganizationId, l.Vaccine, l.LotNumber }).IsUnique();
        b.HasIndex(l => new { l.DistrictId, l.Expiry });
    }
}

public sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.ToTable("vaccine_stock_movements");
        b.Property(m => m.Reason).HasMaxLength(200);
        b.Property(m => m.By).HasMaxLength(50);
        b.HasIndex(m => new { m.LotId, m.At });
        b.HasOne<VaccineLot>().WithMany().HasForeignKey(m => m.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RefrigeratorConfiguration : IEntityTypeConfiguration<Refrigerator>
{
    public void Configure(EntityTypeBuilder<Refrigerator> b)
    {
        b.ToTable("refrigerators");
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.Location).HasMaxLength(100);
        b.HasIndex(r => new { r.OrganizationId, r.Name }).IsUnique();
    }
}

public sealed class TemperatureReadingConfiguration : IEntityTypeConfiguration<TemperatureReading>
{
    public void Configure(EntityTypeBuilder<TemperatureReading> b)
    {
        b.ToTable("temperature_readings");
        b.Property(t => t.Celsius).HasPrecision(4, 1);
        b.Property(t => t.Action).HasMaxLength(200);
        b.Property(t => t.ActionBy).HasMaxLength(50);
        b.Property(t => t.By).HasMaxLength(50);
        b.HasIndex(t => new { t.RefrigeratorId, t.ReadAt });
        b.HasIndex(t => new { t.DistrictId, t.OutOfRange, t.ActionAt });
        b.HasOne<Refrigerator>().WithMany().HasForeignKey(t => t.RefrigeratorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReminderMessageConfiguration : IEntityTypeConfiguration<ReminderMessage>
{
    public void Configure(EntityTypeBuilder<ReminderMessage> b)
    {
        b.ToTable("reminder_messages");
        b.Property(m => m.DedupKey).HasMaxLength(120);
        b.Property(m => m.Recipient).HasMaxLength(20);
        b.Property(m => m.Text).HasMaxLength(500);
        b.Property(m => m.LastError).HasMaxLength(500);
        b.Property(m => m.Sender).HasMaxLength(30);
        b.Property(m => m.Programme).HasMaxLength(20);
        b.HasIndex(m => m.ResidentId);
        b.HasOne<Resident>().WithMany().HasForeignKey(m => m.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.DedupKey).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.DistrictId, m.CreatedAt });
        b.HasOne<Vaccinee>().WithMany().HasForeignKey(m => m.VaccineeId).OnDelete(DeleteBehavior.Restrict);
    }
}
