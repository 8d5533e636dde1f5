using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Data;
using Vigil.Server.Ingestion;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Ingestion;

/// <summary>The HTTPS batch upload of the device protocol: device-secret auth, duplicates by seq, per-message rejections.</summary>
public abstract class TelemetryUploadTests(VigilFixture fixture)
{
    private HttpClient Device(int index, string? secret = null)
    {
        var device = fixture.Credentials.Devices[index];
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret ?? device.Secret);
        return client;
    }

    private string Message(long seq, int minutesAgo = 1, string extra = "") => string.Create(CultureInfo.InvariantCulture,
        $$"""{"seq":{{seq}},"t":"{{fixture.Clock.GetUtcNow().AddMinutes(-minutesAgo):O}}","fix":{"lat":21.0288,"lon":105.8525,"acc":9},"bat":{"pct":80,"chg":false}{{extra}}}""");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private string Url(int index) => $"/api/v1/devices/{fixture.Credentials.Devices[index].DeviceId}/telemetry";

    [Fact]
    public async Task Upload_ThenResend_StoredOnceDuplicateCounted()
    {
        var client = Device(0);
        var body = $"[{Message(1, 3)},{Message(2, 2)},{Message(3, 1)}]";
        var first = await Expect.Json<UploadResult>(await client.PostAsync(Url(0), Json(body)));
        Assert.Equal((3, 0, 0), (first.Accepted, first.Duplicates, first.Rejected));
        var again = await Expect.Json<UploadResult>(await client.PostAsync(Url(0), Json($"[{Message(3, 1)},{Message(4, 0)}]")));
        Assert.Equal((1, 1, 0), (again.Accepted, again.Duplicates, again.Rejected));

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var rows = await db.Telemetry.Where(t => t.DeviceId == fixture.Credentials.Devices[0].DeviceId).OrderBy(t => t.Seq).ToListAsync();
        Assert.Equal([1L, 2, 3, 4], rows.Select(r => r.Seq));
        Assert.Equal(fixture.Clock.GetUtcNow().AddMinutes(-3).ToUnixTimeSeconds(), rows[0].MeasuredAt.ToUnixTimeSeconds());
        Assert.Equal(21.0288, rows[0].Lat);
    }

    [Fact]
    public async Task Upload_ManyDevicesAtOnceWithResends_EachRowOnceInUploadOrder()
    {
        // Every device the other tests leave alone, at once (several writer lanes on PostgreSQL); each upload
        // resends the previous one's last message.
        var devices = Enumerable.Range(7, fixture.Credentials.Devices.Count - 7).ToList();
        Assert.True(devices.Count >= 2, $"The seed has {fixture.Credentials.Devices.Count} devices; this test needs 9.");
        const long Base = 5_000;
        var results = await Task.WhenAll(devices.Select(async index =>
        {
            var client = Device(index);
            var accepted = 0;
            for (var first = 1; first <= 9; first += 2)
            {
                var body = $"[{Message(Base + first, 31 - first)},{Message(Base + first + 1, 30 - first)},{Message(Base + first + 2, 29 - first)}]";
                accepted += (await Expect.Json<UploadResult>(await client.PostAsync(Url(index), Json(body)))).Accepted;
            }

            return accepted;
        }));

        Assert.All(results, accepted => Assert.Equal(11, accepted));
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        foreach (var index in devices)
        {
            var id = fixture.Credentials.Devices[index].DeviceId;
            var rows = await db.Telemetry.Where(t => t.DeviceId == id && t.Seq > Base).OrderBy(t => t.IngestId).Select(t => t.Seq).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 11).Select(seq => Base + seq), rows);
        }
    }

    [Fact]
    public async Task Upload_BatchWithBadMessages_GoodOnesStoredBadOnesNamed()
    {
        var now = fixture.Clock.GetUtcNow();
        var badLat = $$"""{"seq":11,"t":"{{now:O}}","fix":{"lat":91,"lon":105.8}""" + "}";
        var future = $$"""{"seq":13,"t":"{{now.AddHours(1):O}}"}""";
        var body = $"[{Message(10)},{badLat},{Message(12)},{future}]";
        var result = await Expect.Json<UploadResult>(await Device(1).PostAsync(Url(1), Json(body)));
        Assert.Equal((2, 0, 2), (result.Accepted, result.Duplicates, result.Rejected));
        Assert.Equal(["fix.lat", "t"], result.Rejections.Select(r => r.Field));
        Assert.Equal([11L, 13L], result.Rejections.Select(r => r.Seq!.Value));
    }

    [Fact]
    public async Task Upload_WrongSecretOrUnknownDevice_Unauthorized()
    {
        await Expect.Problem(await Device(2, "not-the-secret").PostAsync(Url(2), Json(Message(1))), 401);
        await Expect.Problem(await Device(2).PostAsync("/api/v1/devices/VG-999999/telemetry", Json(Message(1))), 401);
        await Expect.Problem(await fixture.Anonymous().PostAsync(Url(2), Json(Message(1))), 401);

        // Another device's secret does not open this device's topic either.
        await Expect.Problem(await Device(3).PostAsync(Url(2), Json(Message(1))), 401);
    }

    [Fact]
    public async Task Upload_MalformedOrOversized_ProblemNamesTheBody()
    {
        await Expect.Problem(await Device(4).PostAsync(Url(4), Json("{\"seq\":")), 400, "body");
        await Expect.Problem(await Device(4).PostAsync(Url(4), Json("[]")), 400);
        var pad = $",\"pad\":\"{new string('x', 2500)}\"";
        var huge = "[" + string.Join(",", Enumerable.Range(0, 500).Select(i => Message(i, extra: pad))) + "]";
        await Expect.Problem(await Device(4).PostAsync(Url(4), Json(huge)), 413, "body");
    }

    [Fact]
    public async Task Upload_BadMessage_CountedInMetricsByField()
    {
        var now = fixture.Clock.GetUtcNow();
        var badBattery = $$"""{"seq":900,"t":"{{now:O}}","bat":{"pct":130}""" + "}";
        await Expect.Json<UploadResult>(await Device(6).PostAsync(Url(6), Json($"[{Message(901)},{badBattery}]")));

        var metrics = await (await fixture.Anonymous().GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("vigil_telemetry_rejected", StringComparison.Ordinal)
            && line.Contains("field=\"bat.pct\"", StringComparison.Ordinal) && line.Contains("transport=\"https\"", StringComparison.Ordinal));
        Assert.Contains("vigil_telemetry_stored", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_TooOften_429()
    {
        var client = Device(5);
        var statuses = new List<int>();
        for (var i = 0; i <= new IngestionOptions().UploadsPerMinute; i++)
        {
            statuses.Add((int)(await client.PostAsync(Url(5), Json(Message(100 + i)))).StatusCode);
        }

        Assert.All(statuses.Take(new IngestionOptions().UploadsPerMinute), s => Assert.Equal(200, s));
        Assert.Equal(429, statuses[^1]);
    }

    [Fact]
    public async Task Credentials_CachedForAMinute_ThenSweptOut_AndReadAgainWhenNeeded()
    {
        var clock = new FakeTimeProvider(fixture.Clock.GetUtcNow());
        using var credentials = new DeviceCredentials(fixture.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        var (known, other) = (fixture.Credentials.Devices[0], fixture.Credentials.Devices[1]);
        Assert.True(await credentials.VerifyAsync(known.DeviceId, known.Secret, CancellationToken.None));
        Assert.False(await credentials.VerifyAsync(other.DeviceId, known.Secret, CancellationToken.None));
        Assert.Equal(2, credentials.Cached);

        // An MQTT device authenticates once, at CONNECT: its entry does not stay after it has expired.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, credentials.Cached);
        Assert.True(await credentials.VerifyAsync(known.DeviceId, known.Secret, CancellationToken.None));
        Assert.False(await credentials.VerifyAsync(known.DeviceId, other.Secret, CancellationToken.None));
        Assert.Equal(1, credentials.Cached);
    }
}

public sealed class SqliteTelemetryUploadTests(SqliteFixture fixture) : TelemetryUploadTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresTelemetryUploadTests(PostgresFixture fixture) : TelemetryUploadTests(fixture), IClassFixture<PostgresFixture>;
