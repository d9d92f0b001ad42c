using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHealth.Data.Organizations;

public sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> b)
    {
        b.ToTable("districts");
        b.Ignore(d => d.DistrictId);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.DivisionCode).HasMaxLength(6);
        b.HasIndex(d => d.DivisionCode).IsUnique();
    }
}

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.Ignore(o => o.OrganizationId);
        b.Property(o => o.Kind).HasConversion<int>();
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.DivisionCode).HasMaxLength(12);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.HasIndex(o => new { o.DistrictId, o.DivisionCode }).IsUnique();
        b.HasIndex(o => new { o.DistrictId, o.CenterId });
        b.HasIndex(o => o.ParentId);
        b.HasOne<District>().WithMany().HasForeignKey(o => o.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("teams");
        b.Property(t => t.Name).HasMaxLength(60);
        b.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
        b.HasIndex(t => new { t.DistrictId, t.CenterId });
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Grids).WithOne().HasForeignKey(g => g.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> b)
    {
        b.ToTable("grids");
        b.Property(g => g.Name).HasMaxLength(60);
        b.HasIndex(g => new { g.TeamId, g.Name }).IsUnique();
        b.HasIndex(g => new { g.DistrictId, g.CenterId });
    }
}
