using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Domain.Audit;
using Vigil.Domain.Devices;
using Vigil.Domain.Hotspots;
using Vigil.Domain.Jurisdictions;

namespace Vigil.Server.Data.Configurations;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.Property(d => d.DeviceId).HasMaxLength(40);
        builder.HasIndex(d => d.DeviceId).IsUnique();
        builder.Property(d => d.Serial).HasMaxLength(60);
        builder.HasIndex(d => d.Serial).IsUnique();
        builder.Property(d => d.Imei).HasMaxLength(15);
        builder.HasIndex(d => d.Imei).IsUnique();
        builder.Property(d => d.Model).HasMaxLength(100);
        builder.Property(d => d.Firmware).HasMaxLength(60);
        builder.Property(d => d.SecretHash).HasMaxLength(64);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(d => d.HoldingUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeviceNeedProposalConfiguration : IEntityTypeConfiguration<DeviceNeedProposal>
{
    public void Configure(EntityTypeBuilder<DeviceNeedProposal> builder)
    {
        builder.Property(p => p.Justification).HasMaxLength(2000);
        builder.Property(p => p.DecisionNote).HasMaxLength(2000);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class HotspotConfiguration : IEntityTypeConfiguration<Hotspot>
{
    public void Configure(EntityTypeBuilder<Hotspot> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(200);
        builder.Property(h => h.Notes).HasMaxLength(2000);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasIndex(h => h.ProvinceCode);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.Property(a => a.ActorName).HasMaxLength(150);
        builder.Property(a => a.ActorRole).HasMaxLength(40);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => a.PersonId);
        builder.HasIndex(a => a.At);
    }
}
