using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Ingestion;

namespace Vigil.Server.Tests.Ingestion;

/// <summary>The per-device upload limit: a fixed window of one minute on the injected clock, and counts that do not outlive it.</summary>
public sealed class UploadRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 3, 0, 10, TimeSpan.Zero));

    private UploadRateLimiter Limiter(int perMinute) => new(Options.Create(new IngestionOptions { UploadsPerMinute = perMinute }), _clock);

    [Fact]
    public void TryTake_OverTheLimit_RefusedUntilTheNextMinute_OtherDevicesUnaffected()
    {
        using var limiter = Limiter(2);
        Assert.Equal([true, true, false], [limiter.TryTake("VG-1"), limiter.TryTake("VG-1"), limiter.TryTake("VG-1")]);
        Assert.True(limiter.TryTake("VG-2"));

        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(limiter.TryTake("VG-1"));
    }

    [Fact]
    public void Sweep_CountsOfPastMinutesForgotten_TheCurrentMinutesKept()
    {
        using var limiter = Limiter(2);
        limiter.TryTake("VG-1");
        limiter.TryTake("VG-2");
        Assert.Equal(2, limiter.Tracked);
        _clock.Advance(TimeSpan.FromMinutes(1)); // 03:01:10, the sweep's first pass: both counts are of the past minute
        Assert.Equal(0, limiter.Tracked);

        limiter.TryTake("VG-1");
        limiter.TryTake("VG-1");
        _clock.Advance(TimeSpan.FromSeconds(49)); // 03:01:59, no sweep yet
        Assert.Equal(1, limiter.Tracked);
        Assert.False(limiter.TryTake("VG-1"));
        _clock.Advance(TimeSpan.FromSeconds(11)); // the sweep at 03:02:10
        Assert.Equal(0, limiter.Tracked);
    }
}
