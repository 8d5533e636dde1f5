using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Devices;
using Vigil.Server.Api;
using Vigil.Server.Data;

namespace Vigil.Server.Ingestion;

/// <summary>
/// Checks a device's id and secret for both transports. The stored hash is cached for a minute, so a fleet
/// reconnecting after an outage does not hit the database once per connection; re-provisioning or a status
/// change on this node forgets the entry at once (another node's cache follows within the minute). The hash is held
/// as its 32 bytes inside the entry, not the stored 64 hex characters nor an array: every active device has an entry
/// (152 bytes more as a string, 56 as an array; P6, docs/benchmarks.md). Expired entries are swept out each minute: an
/// MQTT device authenticates once, at CONNECT, so its entry would otherwise be dead weight for as long as the server runs.
/// </summary>
public sealed class DeviceCredentials : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ITimer _sweep;

    public DeviceCredentials(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        _sweep = clock.CreateTimer(static self => ((DeviceCredentials)self!).Sweep(), this, CacheFor, CacheFor);
    }

    /// <summary>How many devices have an entry (for tests).</summary>
    internal int Cached => _cache.Count;

    /// <summary>True when the device exists, is not retired, is provisioned, and the secret matches.</summary>
    public async Task<bool> VerifyAsync(string deviceId, string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(deviceId) || deviceId.Length > 40 || string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var now = _clock.GetUtcNow();
        if (!_cache.TryGetValue(deviceId, out var entry) || entry.UntilUtcTicks <= now.UtcTicks)
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var hash = await db.Devices.AsNoTracking().Where(d => d.DeviceId == deviceId && d.Status != DeviceStatus.Retired)
                .Select(d => d.SecretHash).SingleOrDefaultAsync(ct);
            entry = Entry.Of(hash, now + CacheFor);
            _cache[deviceId] = entry;
        }

        var actual = Convert.FromHexString(DeviceEndpoints.HashSecret(secret));
        return entry.Hash is { } expected && CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    public void Forget(string deviceId) => _cache.TryRemove(deviceId, out _);

    public void Dispose() => _sweep.Dispose();

    private void Sweep()
    {
        var now = _clock.GetUtcNow().UtcTicks;
        foreach (var (deviceId, entry) in _cache)
        {
            if (entry.UntilUtcTicks <= now)
            {
                // By key: an entry refreshed meanwhile may go too, and is then read again at its next use.
                _cache.TryRemove(deviceId, out _);
            }
        }
    }

    /// <summary>A device's stored hash (null: no such device, retired, or never provisioned) and when to look again.</summary>
    private readonly record struct Entry(Sha256? Hash, long UntilUtcTicks)
    {
        /// <param name="hexHash">The stored hash: 64 hex digits, or null.</param>
        public static Entry Of(string? hexHash, DateTimeOffset until)
        {
            var hash = default(Sha256);
            var read = hexHash is { Length: 2 * Sha256.Length }
                && Convert.FromHexString(hexHash, hash, out _, out var written) == System.Buffers.OperationStatus.Done && written == Sha256.Length;
            return new Entry(read ? hash : null, until.UtcTicks);
        }
    }

    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct Sha256
    {
        public const int Length = 32;

        private byte _first;
    }
}
