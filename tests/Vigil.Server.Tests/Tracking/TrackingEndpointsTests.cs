using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Audit;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Ingestion;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tracking;

namespace Vigil.Server.Tests.Tracking;

/// <summary>
/// Latest positions, a person's track and vitals, from telemetry uploaded by a demo wristband: attributed to the person
/// only while the device was on them, scoped to the jurisdiction, bounded in period, every read audited.
/// </summary>
public abstract class TrackingEndpointsTests(VigilFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The nth demo device worn by someone of Hoàn Kiếm (00070), with its wearer.</summary>
    private async Task<(DemoDeviceAt Device, Guid PersonId)> WornAsync(int nth)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var hoanKiem = await db.People.Where(p => p.CommuneCode == "00070").Select(p => p.Id).ToListAsync();
        var device = fixture.Credentials.Devices.Where(d => d.PersonId is { } id && hoanKiem.Contains(id)).ElementAt(nth);
        var attachedAt = await db.Records.Where(r => r.PersonId == device.PersonId && r.Kind == Domain.Records.RecordKind.Attachment)
            .Select(r => r.OccurredAt).SingleAsync();
        return (new DemoDeviceAt(device.DeviceId, device.Secret, attachedAt), device.PersonId!.Value);
    }

    private sealed record DemoDeviceAt(string DeviceId, string Secret, DateTimeOffset AttachedAt);

    private async Task UploadAsync(DemoDeviceAt device, params string[] messages)
    {
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", device.Secret);
        var result = await Expect.Json<UploadResult>(await client.PostAsync($"/api/v1/devices/{device.DeviceId}/telemetry",
            new StringContent($"[{string.Join(',', messages)}]", Encoding.UTF8, "application/json")));
        Assert.Equal(messages.Length, result.Accepted);
    }

    private static string Message(long seq, DateTimeOffset at, double lat, double lon, int heartRate) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"seq":{{seq}},"t":"{{at:O}}","fix":{"lat":{{lat}},"lon":{{lon}},"acc":8},"bat":{"pct":70},"vitals":{"hr":{{heartRate}},"spo2":97,"temp":33.5},"motion":{"steps":{{seq * 100}},"act":0.3""") + "}}";

    /// <summary>Whether the device's actor has evaluated message <paramref name="seq"/> (its watermark passed it).</summary>
    private async Task<bool> StoredAsync(string deviceId, long seq)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var ingestId = await db.Telemetry.Where(t => t.DeviceId == deviceId && t.Seq == seq).Select(t => t.IngestId).SingleAsync();
        return await db.DeviceTwins.AnyAsync(t => t.DeviceId == deviceId && t.Watermark >= ingestId);
    }

    private static string Query(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";

    [Fact]
    public async Task Track_OnlyWhileTheDeviceWasOnThePerson_InOrder_Audited()
    {
        var (device, personId) = await WornAsync(0);
        var before = device.AttachedAt.AddMinutes(-10);
        var a = device.AttachedAt.AddMinutes(1);
        var b = device.AttachedAt.AddMinutes(2);
        // Sent out of order, and one fix from before the attachment (the device was not theirs yet).
        await UploadAsync(device, Message(3, b, 21.0300, 105.8530, 80), Message(1, before, 21.1, 105.9, 70), Message(2, a, 21.0290, 105.8520, 75));

        var officer = await fixture.LogInAsync("hk.officer1");
        var track = await Expect.Json<TrackDto>(await officer.GetAsync($"/api/v1/persons/{personId}/track?{Query(before.AddMinutes(-1), b.AddMinutes(1))}"));
        Assert.Equal([(21.0290, 105.8520), (21.0300, 105.8530)], track.Points.Select(p => (p.Lat, p.Lon)));
        Assert.Equal([a, b], track.Points.Select(p => p.MeasuredAt));
        Assert.All(track.Points, p => Assert.Equal(device.DeviceId, p.DeviceId));
        Assert.False(track.Truncated);

        var narrow = await Expect.Json<TrackDto>(await officer.GetAsync($"/api/v1/persons/{personId}/track?{Query(b, b)}"));
        Assert.Equal([b], narrow.Points.Select(p => p.MeasuredAt));

        var vitals = await Expect.Json<VitalsDto>(await officer.GetAsync($"/api/v1/persons/{personId}/vitals?{Query(before, b)}"));
        Assert.Equal([(75.0, 200), (80.0, 300)], vitals.Points.Select(p => (p.HeartRateBpm!.Value, p.Steps!.Value)));
        Assert.All(vitals.Points, p => Assert.Equal((97.0, 33.5), (p.SpO2Percent!.Value, p.SkinTemperatureC!.Value)));

        var supervisor = await fixture.LogInAsync("c04.supervisor");
        foreach (var action in new[] { "person.track", "person.vitals" })
        {
            var entries = await Expect.Json<PageOf<AuditEntry>>(await supervisor.GetAsync($"/api/v1/audit?personId={personId}&action={action}"));
            Assert.Contains(entries.Items, e => e.ActorRole == "ManagingOfficer");
        }
    }

    [Fact]
    public async Task Track_TheWearerThemself_ButNoOtherWearer()
    {
        var wearer = fixture.Credentials.Wearers.First(w => w.Username.StartsWith("hk.", StringComparison.Ordinal));
        var other = fixture.Credentials.Wearers.First(w => w.Username.StartsWith("hk.", StringComparison.Ordinal) && w.PersonId != wearer.PersonId);
        var client = await fixture.LogInAsync(wearer.Username, wearer.Password, null);
        var now = fixture.Clock.GetUtcNow();
        await Expect.Status(await client.GetAsync($"/api/v1/persons/{wearer.PersonId}/vitals?{Query(now.AddDays(-1), now)}"), 200);
        await Expect.Status(await client.GetAsync($"/api/v1/persons/{other.PersonId}/track?{Query(now.AddDays(-1), now)}"), 403);
        await Expect.Status(await client.GetAsync("/api/v1/positions/latest"), 403);
    }

    [Fact]
    public async Task Track_BadPeriod_ProblemNamesTheField()
    {
        var (_, personId) = await WornAsync(0);
        var officer = await fixture.LogInAsync("hk.officer1");
        var now = fixture.Clock.GetUtcNow();
        await Expect.Problem(await officer.GetAsync($"/api/v1/persons/{personId}/track"), 400, "from");
        await Expect.Problem(await officer.GetAsync($"/api/v1/persons/{personId}/track?from={Uri.EscapeDataString(now.ToString("O", CultureInfo.InvariantCulture))}"), 400, "to");
        await Expect.Problem(await officer.GetAsync($"/api/v1/persons/{personId}/vitals?{Query(now, now.AddHours(-1))}"), 400, "to");
        await Expect.Problem(await officer.GetAsync($"/api/v1/persons/{personId}/track?{Query(now.AddDays(-8), now)}"), 400, "to");
        await Expect.Problem(await officer.GetAsync($"/api/v1/persons/{personId}/track?from=yesterday&to=today"), 400, "from");
    }

    [Fact]
    public async Task LatestPositions_OfTheJurisdictionOnly()
    {
        var (device, personId) = await WornAsync(1);
        var officer = await fixture.LogInAsync("hk.officer1");

        // The actor keeps the latest fix in its twin row and writes it at least every one to two minutes (fake clock):
        // the device reports every 10 s until the row holds it.
        LatestPositionDto? mine = null;
        var at = fixture.Clock.GetUtcNow();
        for (var seq = 1; mine is null; seq++)
        {
            Assert.True(seq <= 20, $"The position of {personId} was not stored within {seq * 10} s of device time.");
            at = fixture.Clock.GetUtcNow();
            await UploadAsync(device, Message(seq, at, 21.0311, 105.8511, 72));
            var deadline = DateTime.UtcNow + Patience;
            while (true)
            {
                // Evaluated first, then read: the twin row's columns are written with its watermark.
                var evaluated = await StoredAsync(device.DeviceId, seq);
                var latest = await Expect.Json<List<LatestPositionDto>>(await officer.GetAsync("/api/v1/positions/latest"));
                mine = latest.SingleOrDefault(p => p.PersonId == personId && p.MeasuredAt == at);
                if (mine is not null || evaluated)
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"Waited {Patience.TotalSeconds} s for the actor of {device.DeviceId} to evaluate message {seq}.");
                await Task.Delay(50);
            }

            fixture.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal((21.0311, 105.8511, device.DeviceId, 70), (mine.Lat, mine.Lon, mine.DeviceId, mine.BatteryPercent));
        Assert.Equal(at.ToUnixTimeMilliseconds(), mine.MeasuredAt.ToUnixTimeMilliseconds());

        // The next fix shows at once, long before the twin row is written again (the fake clock stands still).
        var moved = fixture.Clock.GetUtcNow();
        await UploadAsync(device, Message(100, moved, 21.0322, 105.8522, 74));
        var waited = DateTime.UtcNow + Patience;
        while (await Expect.Json<List<LatestPositionDto>>(await officer.GetAsync("/api/v1/positions/latest")) is var now
            && now.Single(p => p.PersonId == personId) is var latest && latest.MeasuredAt != moved)
        {
            Assert.True(DateTime.UtcNow < waited, $"The new fix of {personId} was not shown within {Patience.TotalSeconds} s; showing {latest.MeasuredAt:O}.");
            await Task.Delay(50);
        }

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var stored = await db.DeviceTwins.Where(t => t.DeviceId == device.DeviceId).Select(t => t.LastFixAt).SingleAsync();
            Assert.True(stored < moved, "The twin row holds the new fix already: this test would show nothing.");
        }

        var province = await fixture.LogInAsync("hn.supervisor");
        Assert.Contains(await Expect.Json<List<LatestPositionDto>>(await province.GetAsync("/api/v1/positions/latest?communeCode=00070")), p => p.PersonId == personId);
        var sibling = await fixture.LogInAsync("bd.officer1");
        Assert.DoesNotContain(await Expect.Json<List<LatestPositionDto>>(await sibling.GetAsync("/api/v1/positions/latest")), p => p.PersonId == personId);
        Assert.DoesNotContain(await Expect.Json<List<LatestPositionDto>>(await sibling.GetAsync("/api/v1/positions/latest?communeCode=00070")), p => p.PersonId == personId);
        await Expect.Status(await sibling.GetAsync($"/api/v1/persons/{personId}/track?{Query(at.AddHours(-1), at)}"), 404);
    }
}

public sealed class SqliteTrackingEndpointsTests(SqliteFixture fixture) : TrackingEndpointsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresTrackingEndpointsTests(PostgresFixture fixture) : TrackingEndpointsTests(fixture), IClassFixture<PostgresFixture>;
