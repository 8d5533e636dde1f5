using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Ingestion;

/// <summary>
/// A per-device limit on uploads per minute (fixed window), over both transports, so one device cannot crowd
/// out the others. Only authenticated devices are counted, so the table is bounded by the fleet.
/// </summary>
public sealed class UploadRateLimiter(IOptions<IngestionOptions> options)
{
    private readonly ConcurrentDictionary<string, (long Minute, int Count)> _uploads = new();

    public int UploadsPerMinute => options.Value.UploadsPerMinute;

    public bool TryTake(string deviceId, DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        var entry = _uploads.AddOrUpdate(deviceId, (minute, 1), (_, e) => e.Minute == minute ? (minute, e.Count + 1) : (minute, 1));
        return entry.Count <= UploadsPerMinute;
    }
}
