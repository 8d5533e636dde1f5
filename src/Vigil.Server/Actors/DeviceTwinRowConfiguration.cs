using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Server.Actors;

internal sealed class DeviceTwinRowConfiguration : IEntityTypeConfiguration<DeviceTwinRow>
{
    public void Configure(EntityTypeBuilder<DeviceTwinRow> builder)
    {
        builder.ToTable("DeviceTwins");
        builder.HasKey(t => t.DeviceId);
        builder.Property(t => t.DeviceId).HasMaxLength(40);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.NextDeadlineAt);
        builder.HasIndex(t => t.PersonId);
    }
}
