using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Vigil.Domain.Alerts;
using Vigil.Domain.Audit;
using Vigil.Domain.Decisions;
using Vigil.Domain.Devices;
using Vigil.Domain.Hotspots;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Notifications;
using Vigil.Domain.People;
using Vigil.Domain.Records;
using Vigil.Domain.Requests;
using Vigil.Domain.Scope;

namespace Vigil.Server.Data;

/// <summary>
/// The case registry. One model for both databases; <see cref="SqliteVigilDbContext"/> and
/// <see cref="PostgresVigilDbContext"/> exist so that each provider has its own checked-in migrations.
/// </summary>
public abstract class VigilDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Guardian> Guardians => Set<Guardian>();

    public DbSet<MonitoringDecision> Decisions => Set<MonitoringDecision>();

    public DbSet<DecisionAction> DecisionActions => Set<DecisionAction>();

    public DbSet<ScopeVersion> ScopeVersions => Set<ScopeVersion>();

    public DbSet<Zone> Zones => Set<Zone>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<DeviceNeedProposal> DeviceNeedProposals => Set<DeviceNeedProposal>();

    public DbSet<FormalRecord> Records => Set<FormalRecord>();

    public DbSet<WearerRequest> Requests => Set<WearerRequest>();

    public DbSet<Hotspot> Hotspots => Set<Hotspot>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Ingestion.TelemetryRow> Telemetry => Set<Ingestion.TelemetryRow>();

    public DbSet<Actors.DeviceTwinRow> DeviceTwins => Set<Actors.DeviceTwinRow>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertNote> AlertNotes => Set<AlertNote>();
    public DbSet<Outbound.OutboxMessage> OutboxMessages => Set<Outbound.OutboxMessage>();

    public DbSet<Compliance.ComplianceDayRow> ComplianceDays => Set<Compliance.ComplianceDayRow>();

    public DbSet<Compliance.ComplianceStanding> ComplianceStandings => Set<Compliance.ComplianceStanding>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VigilDbContext).Assembly);

        // Ids are made by the domain (UUIDv7), never by the database: an entity added through a navigation is then
        // recognised as new rather than mistaken for an existing row.
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }

        // Enums are stored by name: readable in SQL and safe when members are added.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type.IsEnum)
            {
                property.SetValueConverter(
                    (ValueConverter)Activator.CreateInstance(typeof(EnumToStringConverter<>).MakeGenericType(type), [null])!);
                property.SetMaxLength(40);
            }
        }
    }

    /// <summary>
    /// Formal records, decision steps, scope versions' zones, alert notes and the audit log are immutable; every other
    /// versioned row gets its next version, so a stale edit fails instead of overwriting.
    /// </summary>
    private void PrepareSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is FormalRecord or AuditEntry or DecisionAction or Zone or AlertNote
                && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} rows are immutable.");
            }

            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version
                && version.ClrType == typeof(long))
            {
                var property = entry.Property("Version");
                property.CurrentValue = (long)property.OriginalValue! + 1;
            }
        }
    }
}
