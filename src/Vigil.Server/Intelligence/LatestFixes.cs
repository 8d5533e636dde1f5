using System.Collections.Concurrent;
using Vigil.Server.Ingestion;

namespace Vigil.Server.Intelligence;

/// <summary>
/// The newest stored fix of every device, kept in memory as rows are committed (a telemetry sink), so that the
/// gathering watch reads 100,000 latest positions a minute without touching the database. A late (buffered) fix
/// never replaces a newer one. On a cluster each node sees the devices whose messages it ingested.
/// </summary>
public sealed class LatestFixes : IStoredTelemetrySink
{
    private readonly ConcurrentDictionary<string, Fix> _newest = new(StringComparer.Ordinal);

    public ValueTask OnStoredAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            if (row is { Lat: { } lat, Lon: { } lon })
            {
                var fix = new Fix(row.MeasuredAt, lat, lon, row.AccuracyMeters);
                _newest.AddOrUpdate(row.DeviceId, fix, (_, known) => known.MeasuredAt >= fix.MeasuredAt ? known : fix);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The devices' newest fixes measured at or after <paramref name="since"/>; older ones are forgotten.</summary>
    public IReadOnlyList<(string DeviceId, Fix Fix)> Since(DateTimeOffset since)
    {
        var fresh = new List<(string, Fix)>(_newest.Count);
        foreach (var (deviceId, fix) in _newest)
        {
            if (fix.MeasuredAt >= since)
            {
                fresh.Add((deviceId, fix));
            }
            else
            {
                _newest.TryRemove(new KeyValuePair<string, Fix>(deviceId, fix));
            }
        }

        return fresh;
    }

    /// <summary>The newest fix of one device, if it is still held.</summary>
    public Fix? Of(string deviceId) => _newest.TryGetValue(deviceId, out var fix) ? fix : null;

    public readonly record struct Fix(DateTimeOffset MeasuredAt, double Lat, double Lon, double? AccuracyMeters);
}
