using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Intelligence;

/// <summary>Stored location history for the intelligence suites, uploaded as the demo wristbands would (HTTPS batch, device secret).</summary>
public static class TrackSteps
{
    private static long _seq = 1_000;

    /// <summary>Moves the fake clock on in one-minute steps (the periodic timers fire once per step, as in real time).</summary>
    public static void AdvanceMinutes(this VigilFixture fixture, int minutes)
    {
        for (var i = 0; i < minutes; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>Uploads one fix a minute from demo device <paramref name="device"/> at (lat, lon), measured at each of <paramref name="times"/>.</summary>
    public static Task UploadAsync(this VigilFixture fixture, int device, double lat, double lon, IEnumerable<DateTimeOffset> times) =>
        fixture.UploadAsync(fixture.Factory, device, lat, lon, times);

    /// <summary>As <see cref="UploadAsync(VigilFixture, int, double, double, IEnumerable{DateTimeOffset})"/>, to the server <paramref name="host"/> (another node, or the one after a restart).</summary>
    public static async Task UploadAsync(this VigilFixture fixture, WebApplicationFactory<Program> host, int device, double lat, double lon, IEnumerable<DateTimeOffset> times)
    {
        var credentials = fixture.Credentials.Devices[device];
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Secret);
        var messages = times.Select(t => string.Create(CultureInfo.InvariantCulture,
            $$$"""{"seq":{{{Interlocked.Increment(ref _seq)}}},"t":"{{{t.UtcDateTime:O}}}","fix":{"lat":{{{lat}}},"lon":{{{lon}}},"acc":8},"bat":{"pct":80,"chg":false}}"""));
        var body = new StringContent($"[{string.Join(',', messages)}]", Encoding.UTF8, "application/json");
        await Expect.Status(await client.PostAsync($"/api/v1/devices/{credentials.DeviceId}/telemetry", body), 200);
    }

    public static IEnumerable<DateTimeOffset> EveryMinute(DateTimeOffset from, int count) =>
        Enumerable.Range(0, count).Select(i => from.AddMinutes(i));
}
