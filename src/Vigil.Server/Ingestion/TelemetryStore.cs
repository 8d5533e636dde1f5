using Microsoft.EntityFrameworkCore;
using Vigil.Server.Data;

namespace Vigil.Server.Ingestion;

/// <summary>
/// Appends device messages, dropping duplicates by (device, seq). Returns once the rows are committed, so the
/// caller may acknowledge. This first version goes through EF Core on both databases; the batched COPY and
/// prepared-insert writers of the real-time engine replace it behind the same method.
/// </summary>
public sealed class TelemetryStore(VigilDbContext db)
{
    /// <returns>How many rows were new; the rest were duplicates.</returns>
    public async Task<int> AppendAsync(string deviceId, IReadOnlyList<TelemetryRow> rows, CancellationToken ct)
    {
        var unique = rows.DistinctBy(r => r.Seq).ToList();
        var seqs = unique.Select(r => r.Seq).ToList();
        for (var attempt = 0; ; attempt++)
        {
            var existing = (await db.Telemetry.AsNoTracking().Where(t => t.DeviceId == deviceId && seqs.Contains(t.Seq))
                .Select(t => t.Seq).ToListAsync(ct)).ToHashSet();
            var fresh = unique.Where(r => !existing.Contains(r.Seq)).ToList();
            db.Telemetry.AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(ct);
                return fresh.Count;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // The same messages arrived twice at once (a resend racing its original): look again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
