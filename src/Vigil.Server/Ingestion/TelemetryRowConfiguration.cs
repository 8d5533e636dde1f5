using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Server.Ingestion;

internal sealed class TelemetryRowConfiguration : IEntityTypeConfiguration<TelemetryRow>
{
    public void Configure(EntityTypeBuilder<TelemetryRow> builder)
    {
        builder.ToTable("Telemetry");
        builder.HasKey(t => new { t.DeviceId, t.Seq });
        builder.Property(t => t.DeviceId).HasMaxLength(40);
        builder.HasIndex(t => new { t.DeviceId, t.MeasuredAt });
    }
}
