using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Vigil.Domain.Gatherings;
using Vigil.Server.Ingestion;

namespace Vigil.Server.Intelligence;

/// <summary>
/// The last few usable fixes of every device (a <see cref="FixTrail"/>: at most <see cref="FixTrail.Capacity"/>, of
/// the gathering window, coarse cell fixes left out), kept in memory as rows are committed (a telemetry sink), so that
/// the gathering watch estimates 100,000 positions a minute without touching the database. A late (buffered) fix
/// slots in by its time. On a cluster each node sees the devices whose messages it ingested.
/// </summary>
public sealed class LatestFixes(IOptions<GatheringOptions> options) : IStoredTelemetrySink
{
    private readonly ConcurrentDictionary<string, FixTrail> _trails = new(StringComparer.Ordinal);

    public ValueTask OnStoredAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct)
    {
        var o = options.Value;
        foreach (var row in rows)
        {
            if (row is { Lat: { } lat, Lon: { } lon } && (row.AccuracyMeters ?? 0) <= o.MaxAccuracyMeters)
            {
                var fix = TrailFix.Of(row.MeasuredAt, lat, lon, row.AccuracyMeters);
                _trails.AddOrUpdate(row.DeviceId, static (_, a) => FixTrail.Of(a.Fix), static (_, trail, a) => trail.With(a.Fix, a.Keep), (Fix: fix, Keep: o.StaleAfter));
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The devices' trails whose newest fix was measured at or after <paramref name="since"/>; older ones are forgotten.</summary>
    public IReadOnlyList<(string DeviceId, FixTrail Trail)> Since(DateTimeOffset since)
    {
        var fresh = new List<(string, FixTrail)>(_trails.Count);
        foreach (var (deviceId, trail) in _trails)
        {
            if (trail.Newest.MeasuredAt >= since)
            {
                fresh.Add((deviceId, trail));
            }
            else
            {
                _trails.TryRemove(new KeyValuePair<string, FixTrail>(deviceId, trail));
            }
        }

        return fresh;
    }

    /// <summary>The newest usable fix of one device, if it is still held.</summary>
    public TrailFix? Of(string deviceId) => _trails.TryGetValue(deviceId, out var trail) ? trail.Newest : null;
}
