using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Domain.Decisions;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.People;
using Vigil.Domain.Records;
using Vigil.Domain.Requests;
using Vigil.Domain.Scope;

namespace Vigil.Server.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.FullName).HasMaxLength(150);
        builder.Property(p => p.NationalId).HasMaxLength(12);
        builder.HasIndex(p => p.NationalId).IsUnique();
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.ResidenceAddress).HasMaxLength(300);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Guardians).WithOne().HasForeignKey(g => g.PersonId);
        builder.HasOne<Commune>().WithMany().HasForeignKey(p => p.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ProvinceCode, p.CommuneCode });
    }
}

internal sealed class GuardianConfiguration : IEntityTypeConfiguration<Guardian>
{
    public void Configure(EntityTypeBuilder<Guardian> builder)
    {
        builder.Property(g => g.FullName).HasMaxLength(150);
        builder.Property(g => g.Relationship).HasMaxLength(60);
        builder.Property(g => g.Phone).HasMaxLength(20);
        builder.Property(g => g.Address).HasMaxLength(300);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<MonitoringDecision>
{
    public void Configure(EntityTypeBuilder<MonitoringDecision> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(40);
        builder.HasIndex(d => d.Number).IsUnique();
        builder.Property(d => d.CommuneCode).HasMaxLength(16);
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.EndDate);
        builder.Ignore(d => d.IsInForce);
        builder.HasMany(d => d.Actions).WithOne().HasForeignKey(a => a.DecisionId);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.PersonId, d.Status });
    }
}

internal sealed class DecisionActionConfiguration : IEntityTypeConfiguration<DecisionAction>
{
    public void Configure(EntityTypeBuilder<DecisionAction> builder) => builder.Property(a => a.Note).HasMaxLength(2000);
}

internal sealed class ScopeVersionConfiguration : IEntityTypeConfiguration<ScopeVersion>
{
    public void Configure(EntityTypeBuilder<ScopeVersion> builder)
    {
        builder.HasMany(s => s.Zones).WithOne().HasForeignKey(z => z.ScopeVersionId);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PersonId, s.Number }).IsUnique();
        builder.Property(s => s.Note).HasMaxLength(2000);
    }
}

internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> builder)
    {
        builder.Property(z => z.Name).HasMaxLength(150);
        builder.Ignore(z => z.Shape);
        builder.Ignore(z => z.Schedule);
    }
}

internal sealed class FormalRecordConfiguration : IEntityTypeConfiguration<FormalRecord>
{
    public void Configure(EntityTypeBuilder<FormalRecord> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PersonId, r.OccurredAt });
        builder.Property(r => r.PlaceDescription).HasMaxLength(300);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.Notes).HasMaxLength(2000);
        builder.Property(r => r.FromCommuneCode).HasMaxLength(16);
        builder.Property(r => r.ToCommuneCode).HasMaxLength(16);
    }
}

internal sealed class WearerRequestConfiguration : IEntityTypeConfiguration<WearerRequest>
{
    public void Configure(EntityTypeBuilder<WearerRequest> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PersonId, r.Status });
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.DecisionNote).HasMaxLength(2000);
        builder.Property(r => r.NewAddress).HasMaxLength(300);
        builder.Property(r => r.Destination).HasMaxLength(300);
        builder.Property(r => r.FromCommuneCode).HasMaxLength(16);
        builder.Property(r => r.ToCommuneCode).HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
