using System.Collections.Concurrent;

namespace Vigil.Server.Ingestion;

/// <summary>A per-device limit on HTTPS uploads per minute (fixed window), so one device cannot crowd out the others.</summary>
public sealed class UploadRateLimiter
{
    /// <summary>Uploads a device may make per minute before it gets 429.</summary>
    public const int UploadsPerMinute = 120;

    private readonly ConcurrentDictionary<string, (long Minute, int Count)> _uploads = new();

    public bool TryTake(string deviceId, DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        var entry = _uploads.AddOrUpdate(deviceId, (minute, 1), (_, e) => e.Minute == minute ? (minute, e.Count + 1) : (minute, 1));
        return entry.Count <= UploadsPerMinute;
    }
}
