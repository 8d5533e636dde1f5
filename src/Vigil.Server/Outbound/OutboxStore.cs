using Microsoft.EntityFrameworkCore;
using Vigil.Server.Data;
using Vigil.Server.Data.Configurations;

namespace Vigil.Server.Outbound;

/// <summary>
/// The dispatcher's reads and writes of the outbox. A node claims due messages by pushing their
/// <see cref="OutboxMessage.NextAttemptAt"/> to the end of its lease: other nodes do not see them as due until
/// then, and a node that dies mid-batch only delays its messages until the lease ends.
/// </summary>
internal static class OutboxStore
{
    /// <summary>
    /// Takes up to <paramref name="batchSize"/> due messages, medical responders' first (a life may be at stake), then oldest first. On PostgreSQL the rows are chosen
    /// with FOR UPDATE SKIP LOCKED, so two nodes claiming at the same instant never take the same row; on SQLite
    /// one node is assumed (the dispatcher runs one round at a time).
    /// </summary>
    /// <param name="toWebhook">Whether the police webhook is configured (messages with no destination are taken).</param>
    /// <param name="responders">The names of the configured medical responders; their messages are taken before all others.</param>
    public static async Task<List<OutboxMessage>> ClaimDueAsync(VigilDbContext db, DateTimeOffset now, DateTimeOffset leaseUntil,
        int batchSize, bool toWebhook, string[] responders, CancellationToken ct)
    {
        List<OutboxMessage> claimed;
        if (db.Database.IsNpgsql())
        {
            claimed = await db.OutboxMessages.FromSql($"""
                UPDATE "OutboxMessages" SET "NextAttemptAt" = {leaseUntil}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "DeliveredAt" IS NULL AND "NextAttemptAt" <= {now}
                      AND (("Destination" IS NULL AND {toWebhook}) OR "Destination" = ANY({responders}))
                    ORDER BY ("Destination" IS NULL), "CreatedAt", "Id"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
        }
        else
        {
            claimed = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DeliveredAt == null && m.NextAttemptAt <= now)
                .Where(m => (m.Destination == null && toWebhook) || (m.Destination != null && responders.Contains(m.Destination)))
                .OrderBy(m => m.Destination == null).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(batchSize).ToListAsync(ct);
            var ids = claimed.Select(m => m.Id).ToList();
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leaseUntil), ct);
        }

        return [.. claimed.OrderBy(m => m.Destination == null).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)];
    }

    public static Task MarkDeliveredAsync(VigilDbContext db, Guid id, DateTimeOffset now, CancellationToken ct) =>
        db.OutboxMessages.Where(m => m.Id == id && m.DeliveredAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.DeliveredAt, now)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null), ct);

    public static Task MarkFailedAsync(VigilDbContext db, Guid id, DateTimeOffset retryAt, string error, CancellationToken ct)
    {
        var shortError = error.Length <= OutboxMessageConfiguration.LastErrorMaxLength ? error : error[..OutboxMessageConfiguration.LastErrorMaxLength];
        return db.OutboxMessages.Where(m => m.Id == id && m.DeliveredAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.NextAttemptAt, retryAt)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, shortError), ct);
    }

    /// <summary>Gives back claimed messages that were not tried, so the next round (on any node) takes them at once.</summary>
    public static Task ReleaseAsync(VigilDbContext db, IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken ct) =>
        ids.Count == 0
            ? Task.CompletedTask
            : db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.DeliveredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), ct);
}
