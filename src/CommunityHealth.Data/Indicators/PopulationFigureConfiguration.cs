using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHealth.Data.Indicators;

public sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> b)
    {
        b.ToTable("population_figures");
        b.Property(p => p.Group).HasMaxLength(30);
        b.Property(p => p.Source).HasMaxLength(200);
        b.Property(p => p.Note).HasMaxLength(500);
        b.Property(p => p.EnteredBy).HasMaxLength(50);
        b.HasIndex(p => new { p.OrganizationId, p.Year, p.Group }).IsUnique();
        b.HasIndex(p => new { p.DistrictId, p.Year });
    }
}
