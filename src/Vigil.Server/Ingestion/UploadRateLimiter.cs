using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Ingestion;

/// <summary>
/// A per-device limit on uploads per minute (fixed window), over both transports, so one device cannot crowd
/// out the others. Only authenticated devices are counted, and a count is forgotten once its minute has passed (swept
/// each minute), so the table holds the devices heard from in the last minute or two, not every device ever seen.
/// </summary>
public sealed class UploadRateLimiter : IDisposable
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (long Minute, int Count)> _uploads = new(StringComparer.Ordinal);
    private readonly IOptions<IngestionOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ITimer _sweep;

    public UploadRateLimiter(IOptions<IngestionOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _sweep = clock.CreateTimer(static self => ((UploadRateLimiter)self!).Sweep(), this, SweepEvery, SweepEvery);
    }

    public int UploadsPerMinute => _options.Value.UploadsPerMinute;

    /// <summary>How many devices have a count (for tests).</summary>
    internal int Tracked => _uploads.Count;

    public bool TryTake(string deviceId)
    {
        var minute = CurrentMinute();
        var entry = _uploads.AddOrUpdate(deviceId, (minute, 1), (_, e) => e.Minute == minute ? (minute, e.Count + 1) : (minute, 1));
        return entry.Count <= UploadsPerMinute;
    }

    public void Dispose() => _sweep.Dispose();

    private long CurrentMinute() => _clock.GetUtcNow().ToUnixTimeSeconds() / 60;

    private void Sweep()
    {
        var minute = CurrentMinute();
        foreach (var entry in _uploads)
        {
            if (entry.Value.Minute < minute)
            {
                // Only if unchanged: a count taken meanwhile in the new minute stays.
                _uploads.TryRemove(entry);
            }
        }
    }
}
