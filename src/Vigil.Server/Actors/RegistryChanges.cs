using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vigil.Domain.Hotspots;
using Vigil.Domain.People;

namespace Vigil.Server.Actors;

/// <summary>
/// Tells the actors that the case registry changed: a generation number each actor compares with the one its
/// cached case was loaded at, and the people whose cases changed, so that their devices re-arm their deadlines
/// at once (a departure starts the arrival deadline; a suspension stops every deadline).
/// </summary>
public sealed class RegistryChanges
{
    private long _cases;
    private long _hotspots;

    private readonly Channel<Guid> _people = Channel.CreateBounded<Guid>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
    });

    public long CaseGeneration => Interlocked.Read(ref _cases);

    public long HotspotGeneration => Interlocked.Read(ref _hotspots);

    /// <summary>People whose case changed, for the case refresher. Lossy when flooded: actors still reload on the generation.</summary>
    internal ChannelReader<Guid> ChangedPeople => _people.Reader;

    internal void CasesChanged(IEnumerable<Guid> people)
    {
        Interlocked.Increment(ref _cases);
        foreach (var person in people)
        {
            _people.Writer.TryWrite(person);
        }
    }

    internal void HotspotsChanged() => Interlocked.Increment(ref _hotspots);
}

/// <summary>Watches every save of the registry and reports, after the commit, what the actors must reload.</summary>
internal sealed class RegistryChangeInterceptor(RegistryChanges changes) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = new Pending();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case Hotspot:
                    pending.Hotspots = true;
                    break;
                case Person person:
                    pending.People.Add(person.Id);
                    break;
                case DeviceTwinRow or Ingestion.TelemetryRow or Domain.Audit.AuditEntry or Domain.Notifications.Notification:
                    break;
                case var operational when operational.GetType().Namespace is "Vigil.Domain.Alerts" || operational.GetType().Namespace?.StartsWith("Vigil.Server", StringComparison.Ordinal) == true:
                    // Alerts, outbox and other operational rows are not the case.
                    break;
                default:
                    if (entry.Metadata.FindProperty("PersonId") is { } property && entry.Property(property.Name).CurrentValue is Guid id)
                    {
                        pending.People.Add(id);
                    }

                    pending.Cases = true;
                    break;
            }
        }

        _pending.AddOrUpdate(context, pending);
    }

    private void Publish(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        if (pending.Cases || pending.People.Count > 0)
        {
            changes.CasesChanged(pending.People);
        }

        if (pending.Hotspots)
        {
            changes.HotspotsChanged();
        }
    }

    private sealed class Pending
    {
        public HashSet<Guid> People { get; } = [];

        public bool Cases { get; set; }

        public bool Hotspots { get; set; }
    }
}
