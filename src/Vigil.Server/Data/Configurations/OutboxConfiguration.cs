using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Server.Outbound;

namespace Vigil.Server.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const int KindMaxLength = 100;
    public const int LastErrorMaxLength = 200;
    public const int DestinationMaxLength = 64;

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Kind).HasMaxLength(KindMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(LastErrorMaxLength);
        builder.Property(m => m.Destination).HasMaxLength(DestinationMaxLength);

        // The dispatcher's question is "which pending messages are due?": only pending rows are indexed, so
        // the index stays small however many delivered rows are kept.
        builder.HasIndex(m => new { m.NextAttemptAt, m.CreatedAt })
            .HasDatabaseName("IX_OutboxMessages_Pending")
            .HasFilter("\"DeliveredAt\" IS NULL");
    }
}
