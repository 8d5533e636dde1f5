using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain;
using Vigil.Domain.Investigations;
using Vigil.Domain.Records;
using Vigil.Server.Data;

namespace Vigil.Server.Intelligence;

/// <summary>
/// Reads stored fixes for the investigations and says whose they were. Place-and-time searches are range scans
/// of the telemetry index on (Cell, MeasuredAt) — one per ~200 m grid cell — and a device's track is a range scan
/// of (DeviceId, MeasuredAt); on PostgreSQL both prune the daily partitions by time. A fix belongs to the person
/// the formal records put its device on at that moment (<see cref="DeviceAssignment"/>); a fix of a device on no one
/// is no one's and is dropped.
/// </summary>
internal sealed class FixSearch(VigilDbContext db, IOptions<InvestigationOptions> options)
{
    private static readonly RecordKind[] DeviceRecords = [RecordKind.Attachment, RecordKind.DeviceSwap, RecordKind.Collection];

    /// <summary>The fixes in <paramref name="cells"/> measured in [<paramref name="from"/>, <paramref name="to"/>), attributed to people.</summary>
    public async Task<List<PersonFix>> InCellsAsync(IReadOnlyCollection<long> cells, DateTimeOffset from, DateTimeOffset to, string windowField,
        CancellationToken ct)
    {
        var limit = options.Value.MaxFixesRead;
        var raw = await InCells(cells, from, to).Take(limit + 1).ToListAsync(ct);
        if (raw.Count > limit)
        {
            throw new DomainException(windowField, "too-many-fixes",
                $"The search would read more than {limit} fixes: narrow the area or the time window.");
        }

        return await AttributeAsync(raw, ct);
    }

    /// <summary>The place-and-time query itself: one index range scan of (Cell, MeasuredAt) per cell (its plan is checked by the tests).</summary>
    internal IQueryable<RawFix> InCells(IReadOnlyCollection<long> cells, DateTimeOffset from, DateTimeOffset to)
    {
        var keys = cells.Select(c => (long?)c).ToList();
        return db.Telemetry.AsNoTracking()
            .Where(t => keys.Contains(t.Cell) && t.MeasuredAt >= from && t.MeasuredAt < to)
            .Select(t => new RawFix(t.DeviceId, t.MeasuredAt, t.Lat!.Value, t.Lon!.Value, t.AccuracyMeters));
    }

    /// <summary>The person's own fixes in [<paramref name="from"/>, <paramref name="to"/>), from every device that was on them then, in time order.</summary>
    public async Task<List<PersonFix>> TrackAsync(Guid personId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var track = new List<PersonFix>();
        foreach (var (deviceId, start, end) in await PeriodsAsync(personId, from, to, ct))
        {
            var fixes = await db.Telemetry.AsNoTracking()
                .Where(t => t.DeviceId == deviceId && t.MeasuredAt >= start && t.MeasuredAt < end && t.Lat != null && t.Lon != null)
                .OrderBy(t => t.MeasuredAt)
                .Select(t => new RawFix(t.DeviceId, t.MeasuredAt, t.Lat!.Value, t.Lon!.Value, t.AccuracyMeters))
                .ToListAsync(ct);
            track.AddRange(fixes.Select(f => new PersonFix(personId, f.DeviceId, f.MeasuredAt, f.Lat, f.Lon, f.AccuracyMeters)));
        }

        return [.. track.OrderBy(f => f.MeasuredAt)];
    }

    /// <summary>The fixes of the periods in time order, read as they are written out (a whole history never sits in memory).</summary>
    public async IAsyncEnumerable<StoredFix> StreamAsync(IEnumerable<(string DeviceId, DateTimeOffset From, DateTimeOffset To)> periods,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var (deviceId, start, end) in periods.OrderBy(p => p.From))
        {
            var rows = db.Telemetry.AsNoTracking()
                .Where(t => t.DeviceId == deviceId && t.MeasuredAt >= start && t.MeasuredAt < end && t.Lat != null && t.Lon != null)
                .OrderBy(t => t.MeasuredAt).ThenBy(t => t.Seq)
                .Select(t => new StoredFix(t.DeviceId, t.Seq, t.MeasuredAt, t.ReceivedAt, t.Lat!.Value, t.Lon!.Value, t.AccuracyMeters))
                .AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(ct))
            {
                yield return row;
            }
        }
    }

    /// <summary>Each device (connection id) that was on the person, clipped to [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<(string DeviceId, DateTimeOffset From, DateTimeOffset To)>> PeriodsAsync(Guid personId, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct)
    {
        var records = await db.Records.AsNoTracking().Where(r => r.PersonId == personId && DeviceRecords.Contains(r.Kind)).ToListAsync(ct);
        var assignments = DeviceAssignment.Of(personId, records);
        var deviceIds = assignments.Select(a => a.DeviceId).Distinct().ToList();
        var connectionIds = await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.DeviceId, ct);
        return
        [
            .. assignments
                .Select(a => (DeviceId: connectionIds.GetValueOrDefault(a.DeviceId), From: Later(a.Window.From, from), To: Earlier(a.Window.Until, to)))
                .Where(p => p.DeviceId is not null && p.To > p.From)
                .Select(p => (p.DeviceId!, p.From, p.To)),
        ];
    }

    /// <summary>Who wore each fix's device when it was measured; fixes of devices on no one are dropped.</summary>
    private async Task<List<PersonFix>> AttributeAsync(List<RawFix> raw, CancellationToken ct)
    {
        if (raw.Count == 0)
        {
            return [];
        }

        var connectionIds = raw.Select(f => f.DeviceId).Distinct().ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => connectionIds.Contains(d.DeviceId)).ToDictionaryAsync(d => d.Id, d => d.DeviceId, ct);
        var deviceIds = devices.Keys.ToList();
        var personIds = await db.Records.AsNoTracking()
            .Where(r => DeviceRecords.Contains(r.Kind) && ((r.DeviceId != null && deviceIds.Contains(r.DeviceId.Value))
                || (r.PreviousDeviceId != null && deviceIds.Contains(r.PreviousDeviceId.Value))))
            .Select(r => r.PersonId).Distinct().ToListAsync(ct);
        var records = await db.Records.AsNoTracking().Where(r => personIds.Contains(r.PersonId) && DeviceRecords.Contains(r.Kind)).ToListAsync(ct);
        var byDevice = records.GroupBy(r => r.PersonId)
            .SelectMany(g => DeviceAssignment.Of(g.Key, g))
            .Where(a => devices.ContainsKey(a.DeviceId))
            .ToLookup(a => devices[a.DeviceId], StringComparer.Ordinal);

        var fixes = new List<PersonFix>(raw.Count);
        foreach (var f in raw)
        {
            foreach (var assignment in byDevice[f.DeviceId])
            {
                if (assignment.Window.Contains(f.MeasuredAt))
                {
                    fixes.Add(new PersonFix(assignment.PersonId, f.DeviceId, f.MeasuredAt, f.Lat, f.Lon, f.AccuracyMeters));
                    break;
                }
            }
        }

        return fixes;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    /// <summary>A fix as stored, with both its measurement time and the time the server committed it.</summary>
    internal sealed record StoredFix(string DeviceId, long Seq, DateTimeOffset MeasuredAt, DateTimeOffset ReceivedAt, double Lat, double Lon,
        double? AccuracyMeters);

    internal sealed record RawFix(string DeviceId, DateTimeOffset MeasuredAt, double Lat, double Lon, double? AccuracyMeters);
}
