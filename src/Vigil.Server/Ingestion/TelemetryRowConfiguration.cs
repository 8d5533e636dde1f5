using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The telemetry table as EF reads it. On PostgreSQL the migration makes it a table partitioned by day of
/// measurement (see the TelemetryPartitioned migration); rows are written by <see cref="ITelemetryWriter"/>, not EF.
/// </summary>
internal sealed class TelemetryRowConfiguration : IEntityTypeConfiguration<TelemetryRow>
{
    public void Configure(EntityTypeBuilder<TelemetryRow> builder)
    {
        builder.ToTable("Telemetry");
        builder.HasKey(t => t.IngestId);
        builder.Ignore(t => t.Parsed);
        builder.Property(t => t.IngestId).ValueGeneratedOnAdd();
        builder.Property(t => t.DeviceId).HasMaxLength(40);
        builder.HasIndex(t => new { t.DeviceId, t.Seq }).IsUnique();
        builder.HasIndex(t => new { t.DeviceId, t.MeasuredAt });
        builder.HasIndex(t => new { t.DeviceId, t.IngestId });
        builder.HasIndex(t => new { t.Cell, t.MeasuredAt });
    }
}
