using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigil.Domain.Alerts;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.People;
using Vigil.Domain.Rules;

namespace Vigil.Server.Data.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.DeviceId).HasMaxLength(40);
        builder.Property(a => a.ProvinceCode).HasMaxLength(16);
        builder.Property(a => a.CommuneCode).HasMaxLength(16);
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.Property(a => a.Detail).HasMaxLength(Alert.MaxTextLength);
        builder.Property(a => a.EndDetail).HasMaxLength(Alert.MaxTextLength);
        builder.Property(a => a.Resolution).HasMaxLength(Alert.MaxTextLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsOngoing);

        // Evidence and parameters are read whole with the alert and never queried into: JSON text on both databases.
        builder.Property(a => a.Evidence).HasColumnName("EvidenceJson").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<Evidence>>(v, JsonSerializerOptions.Web) ?? new List<Evidence>(),
            new ValueComparer<IReadOnlyList<Evidence>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        builder.Property(a => a.Parameters).HasColumnName("ParametersJson").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Web) ?? new Dictionary<string, string>(),
            new ValueComparer<IReadOnlyDictionary<string, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count,
                v => new Dictionary<string, string>(v)));

        // The AlertBook looks up the ongoing alert of a person's condition; lists filter by jurisdiction and state;
        // the escalator looks for open, unescalated alerts by age.
        builder.HasIndex(a => new { a.PersonId, a.Key });
        builder.HasIndex(a => new { a.CommuneCode, a.State });
        builder.HasIndex(a => new { a.ProvinceCode, a.State });
        builder.HasIndex(a => new { a.State, a.EscalatedAt, a.RaisedAt });
    }
}

internal sealed class AlertNoteConfiguration : IEntityTypeConfiguration<AlertNote>
{
    public void Configure(EntityTypeBuilder<AlertNote> builder)
    {
        builder.HasOne<Alert>().WithMany().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.Text).HasMaxLength(AlertNote.MaxLength);
        builder.HasIndex(n => new { n.AlertId, n.At });
    }
}
