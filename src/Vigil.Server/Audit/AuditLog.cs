using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Audit;
using Vigil.Domain.Identity;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Audit;

/// <summary>
/// Writes the hash-chained audit log in the same transaction as the change it describes, so that a change
/// is never committed without its entry. Appends are serialised: in-process by a lock, and across nodes on
/// PostgreSQL by an advisory lock held for the transaction.
/// </summary>
public sealed class AuditLog(VigilDbContext db, CurrentUser user, TimeProvider clock)
{
    private const long AdvisoryLockKey = 0x5649_4749_4C41_5544; // "VIGILAUD"
    private static readonly SemaphoreSlim AppendLock = new(1, 1);
    private readonly List<Pending> _pending = [];

    /// <summary>Queues an entry; it is written by <see cref="SaveAsync"/> together with the pending changes.</summary>
    public void Record(string action, string entityType, object? entityId, Guid? personId = null, object? details = null) =>
        _pending.Add(new Pending(action, entityType, entityId?.ToString(), personId,
            details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web), null));

    /// <summary>Queues an entry on behalf of a user who is not (yet) the caller: a log-in attempt.</summary>
    public void RecordFor(UserAccount actor, string action, object? details = null) =>
        _pending.Add(new Pending(action, "user", actor.Id.ToString(), null,
            details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web), actor));

    /// <summary>Saves the tracked changes and the queued audit entries atomically.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        await AppendLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            }

            var previous = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var p in _pending)
            {
                var (actorId, actorName, actorRole) = p.Actor is { } a
                    ? (a.Id, a.Username, a.Role.ToString())
                    : user.IsAuthenticated ? (user.Id, user.Name, user.Role.ToString()) : ((Guid?)null, "system", "System");
                var entry = AuditChain.Seal(previous, now, actorId, actorName, actorRole,
                    p.Action, p.EntityType, p.EntityId, p.PersonId, p.Details);
                db.AuditEntries.Add(entry);
                previous = entry;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _pending.Clear();
        }
        finally
        {
            AppendLock.Release();
        }
    }

    private sealed record Pending(string Action, string EntityType, string? EntityId, Guid? PersonId, string? Details, UserAccount? Actor);
}
