using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Domain.People;
using Vigil.Server.Compliance;

namespace Vigil.Server.Data.Configurations;

internal sealed class ComplianceDayConfiguration : IEntityTypeConfiguration<ComplianceDayRow>
{
    public void Configure(EntityTypeBuilder<ComplianceDayRow> builder)
    {
        builder.ToTable("ComplianceDays");
        builder.HasKey(d => new { d.PersonId, d.Date });
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ComplianceStandingConfiguration : IEntityTypeConfiguration<ComplianceStanding>
{
    public void Configure(EntityTypeBuilder<ComplianceStanding> builder)
    {
        builder.ToTable("ComplianceStandings");
        builder.HasKey(s => s.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.Score);
    }
}
