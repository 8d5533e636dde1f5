using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Alerts;
using Vigil.Domain.Rules;
using Vigil.Server.Actors;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Live;

namespace Vigil.Server.Tests.Actors;

/// <summary>
/// The whole path on a real Kestrel: a demo wristband publishes over MQTT, its actor runs the rules, and the alert
/// appears through the API and on the officer's live feed; deadlines fire from the sweep on the fake clock, once.
/// </summary>
public abstract class RealTimeEngineTests(VigilFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>A demo device worn by a demo wearer of Hoàn Kiếm, with the wearer's residence.</summary>
    private async Task<(string DeviceId, string Secret, int Index, Guid PersonId, double Lat, double Lon)> WornDeviceAsync(int nth,
        string commune = "00070", bool withWearerAccount = false)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var hoanKiem = await db.People.Where(p => p.CommuneCode == commune).Select(p => p.Id).ToListAsync();
        var worn = fixture.Credentials.Devices.Select((d, i) => (Device: d, Index: i))
            .Where(d => d.Device.PersonId is { } id && hoanKiem.Contains(id))
            .Where(d => !withWearerAccount || fixture.Credentials.Wearers.Any(w => w.PersonId == d.Device.PersonId)).ToList();
        var (device, index) = worn[nth];
        var person = await db.People.SingleAsync(p => p.Id == device.PersonId);
        return (device.DeviceId, device.Secret, index, person.Id, person.ResidenceLat!.Value, person.ResidenceLon!.Value);
    }

    private async Task<AlertSummaryDto> WaitForAlertAsync(HttpClient officer, Guid personId, RuleKind rule)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var page = await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync($"/api/v1/alerts?personId={personId}&pageSize=100"));
            if (page.Items.FirstOrDefault(a => a.Rule == rule) is { } alert)
            {
                return alert;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited {Patience.TotalSeconds} s for a {rule} alert of {personId}; have [{string.Join(", ", page.Items.Select(a => a.Rule))}].");
            await Task.Delay(50);
        }
    }

    private async Task<int> CountAlertsAsync(Guid personId, RuleKind rule)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        return await db.Alerts.CountAsync(a => a.PersonId == personId && a.Rule == rule);
    }

    private string Wear(long seq, double lat, double lon, string strap, int secondsAgo = 0) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"seq":{{seq}},"t":"{{fixture.Clock.GetUtcNow().AddSeconds(-secondsAgo):O}}","fix":{"lat":{{lat}},"lon":{{lon}},"acc":8},"bat":{"pct":70},"wear":{"strap":"{{strap}}","skin":true,"case":"closed"}""") + "}";

    [Fact]
    public async Task StrapCutOverMqtt_TamperAlertThroughApiAndLiveFeed()
    {
        var worn = await WornDeviceAsync(1);
        var officer = await fixture.LogInAsync("hk.officer1");
        var token = officer.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var live = await LiveClient.ConnectAsync(fixture, token, "hk.officer1");

        using var device = await DeviceClient.ConnectAsync(fixture, worn.Index);
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(1, worn.Lat, worn.Lon, "closed"));
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(2, worn.Lat, worn.Lon, "cut"));

        var alert = await WaitForAlertAsync(officer, worn.PersonId, RuleKind.Tamper);
        Assert.Equal((AlertSeverity.Critical, AlertState.Open, 1), (alert.Severity, alert.State, alert.ViolationNumber));
        LiveAlertOf(await NextAlertAsync(live, alert.Id), alert);
        var detail = await Expect.Json<AlertDto>(await officer.GetAsync($"/api/v1/alerts/{alert.Id}"));
        Assert.NotEmpty(detail.Evidence);

        // The same condition sent again does not open a second alert.
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(3, worn.Lat, worn.Lon, "cut"));
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(3, worn.Lat, worn.Lon, "cut"));
        await WaitForWatermarkAsync(worn.DeviceId, 3);
        Assert.Equal(1, await CountAlertsAsync(worn.PersonId, RuleKind.Tamper));
    }

    [Fact]
    public async Task MosquittoPubBufferedTrackOutside_OneZoneAlertToThatCommuneOnly()
    {
        var worn = await WornDeviceAsync(0, withWearerAccount: true);
        var elsewhere = await WornDeviceAsync(0, commune: "00004");
        var officer = await fixture.LogInAsync("hk.chief");
        await using var hkLive = await LiveClient.ConnectAsync(fixture, officer.DefaultRequestHeaders.Authorization!.Parameter, "hk.chief");
        var bdOfficer = await fixture.LogInAsync("bd.officer1");
        await using var bdLive = await LiveClient.ConnectAsync(fixture, bdOfficer.DefaultRequestHeaders.Authorization!.Parameter, "bd.officer1");

        // Twenty minutes of fixes 5 km away (all after the attachment), uploaded at once by Debian's mosquitto_pub.
        fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        var far = (Lat: worn.Lat + 0.045, Lon: worn.Lon);
        var batch = "[" + string.Join(",", Enumerable.Range(0, 21).Select(i => Wear(10 + i, far.Lat, far.Lon, "closed", secondsAgo: (20 - i) * 60))) + "]";
        Assert.Equal(0, await DeviceClient.MosquittoPubAsync(fixture.MqttPort, worn.DeviceId, worn.Secret, batch));

        var alert = await WaitForAlertAsync(officer, worn.PersonId, RuleKind.OutsideArea);
        Assert.Equal(5, alert.ViolationNumber);
        Assert.True(alert.ConditionSince <= fixture.Clock.GetUtcNow().AddMinutes(-15), $"outside since {alert.ConditionSince:O}");
        Assert.Equal(alert.Id, (await NextAlertAsync(hkLive, alert.Id)).AlertId);
        await WaitForWatermarkAsync(worn.DeviceId, 30);
        Assert.Equal(1, await CountAlertsAsync(worn.PersonId, RuleKind.OutsideArea));

        // The wearer was warned in their inbox before the violation, in Vietnamese first.
        var account = fixture.Credentials.Wearers.Single(w => w.PersonId == worn.PersonId);
        var wearer = await fixture.LogInAsync(account.Username, account.Password, null);
        var inbox = await Expect.Json<PageOf<NotificationDto>>(await wearer.GetAsync("/api/v1/notifications?pageSize=100"));
        var warned = Assert.Single(inbox.Items, n => n.Kind == "left-area");
        Assert.Contains("phạm vi", warned.TitleVi, StringComparison.Ordinal);

        // Ba Đình's officer was not sent it: the first alert pushed to them is Ba Đình's own.
        using var bdDevice = await DeviceClient.ConnectAsync(fixture, elsewhere.Index);
        await DeviceClient.PublishAsync(bdDevice, elsewhere.DeviceId, Wear(1, elsewhere.Lat, elsewhere.Lon, "cut"));
        Assert.Equal(elsewhere.PersonId, (await bdLive.NextAlertAsync()).PersonId);
    }

    [Fact]
    public async Task BufferedOlderFix_KeptOffTheLiveMap()
    {
        var worn = await WornDeviceAsync(1, commune: "00004");
        var officer = await fixture.LogInAsync("bd.officer1");
        await using var live = await LiveClient.ConnectAsync(fixture, officer.DefaultRequestHeaders.Authorization!.Parameter, "bd.officer1");
        using var device = await DeviceClient.ConnectAsync(fixture, worn.Index);
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(200, worn.Lat, worn.Lon, "closed"));
        Assert.Equal(worn.Lat, (await NextPositionAsync(live, worn.PersonId)).Lat, 7);

        // Past the throttle's window its slot is released, so the feed no longer knows what it pushed: a buffered fix
        // measured before that one must be held back by the actor (its newest fix did not change), and the next is sent.
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(201, worn.Lat + 0.001, worn.Lon, "closed", secondsAgo: 60));
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(202, worn.Lat + 0.002, worn.Lon, "closed"));
        Assert.Equal(worn.Lat + 0.002, (await NextPositionAsync(live, worn.PersonId)).Lat, 7);
    }

    [Fact]
    public async Task Silence_OfflineFiresFromTheSweepOnce()
    {
        var worn = await WornDeviceAsync(2);
        var officer = await fixture.LogInAsync("hk.officer1");
        using var device = await DeviceClient.ConnectAsync(fixture, worn.Index);
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(100, worn.Lat, worn.Lon, "closed"));
        await WaitForWatermarkAsync(worn.DeviceId, 100);

        fixture.Clock.Advance(TimeSpan.FromMinutes(16));
        var sweeper = fixture.Factory.Services.GetRequiredService<DeadlineSweeper>();
        await sweeper.SweepOnceAsync(CancellationToken.None);
        await WaitForAlertAsync(officer, worn.PersonId, RuleKind.Offline);

        fixture.Clock.Advance(TimeSpan.FromMinutes(16));
        await sweeper.SweepOnceAsync(CancellationToken.None);
        await sweeper.SweepOnceAsync(CancellationToken.None);
        Assert.Equal(1, await CountAlertsAsync(worn.PersonId, RuleKind.Offline));
    }

    private async Task WaitForWatermarkAsync(string deviceId, long seq)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var stored = await db.Telemetry.Where(t => t.DeviceId == deviceId && t.Seq == seq).Select(t => (long?)t.IngestId).SingleOrDefaultAsync();
            var twin = await db.DeviceTwins.AsNoTracking().SingleOrDefaultAsync(t => t.DeviceId == deviceId);
            if (stored is { } id && twin is not null && (twin.Watermark >= id || await IsEvaluatedAsync(deviceId, id)))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited {Patience.TotalSeconds} s for {deviceId}'s actor to evaluate seq {seq}.");
            await Task.Delay(50);
        }
    }

    /// <summary>The dispatcher's references (types resolved once) address the same actor as Orleans' own lookup.</summary>
    [Fact]
    public void DeviceGrains_SameActorAsOrleansLookup()
    {
        var deviceId = fixture.Credentials.Devices[0].DeviceId;
        var orleans = fixture.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeviceGrain>(deviceId);
        var ours = fixture.Factory.Services.GetRequiredService<DeviceGrains>();
        Assert.Equal(orleans.GetGrainId(), ours[deviceId].GetGrainId());
        Assert.Equal(orleans.GetGrainId(), ours[deviceId].GetGrainId()); // from the resolved types
        Assert.NotEqual(orleans.GetGrainId(), ours[fixture.Credentials.Devices[1].DeviceId].GetGrainId());
    }

    /// <summary>Asks the actor itself (its stored twin may lag by design).</summary>
    private async Task<bool> IsEvaluatedAsync(string deviceId, long ingestId) =>
        await fixture.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeviceGrain>(deviceId).EvaluatedThroughAsync() >= ingestId;

    private static Task<Vigil.Server.Live.LiveAlert> NextAlertAsync(LiveClient live, Guid alertId) =>
        NextOfAsync(live.NextAlertAsync, a => a.AlertId == alertId);

    private static Task<Vigil.Server.Live.LivePosition> NextPositionAsync(LiveClient live, Guid personId) =>
        NextOfAsync(live.NextPositionAsync, p => p.PersonId == personId);

    /// <summary>The next push that is wanted; the others (of other tests' people) are passed over.</summary>
    private static async Task<T> NextOfAsync<T>(Func<Task<T>> next, Func<T, bool> wanted)
    {
        while (true)
        {
            var pushed = await next();
            if (wanted(pushed))
            {
                return pushed;
            }
        }
    }

    /// <summary>The live feed names rule, severity and state as the REST API does ("tamper", not "Tamper").</summary>
    private static void LiveAlertOf(Vigil.Server.Live.LiveAlert pushed, AlertSummaryDto alert) =>
        Assert.Equal((alert.PersonId, alert.UnitId, "tamper", "critical", "open"), (pushed.PersonId, pushed.UnitId, pushed.Rule, pushed.Severity, pushed.State));
}

public sealed class SqliteRealTimeEngineTests(SqliteBrokerFixture fixture) : RealTimeEngineTests(fixture), IClassFixture<SqliteBrokerFixture>;

public sealed class PostgresRealTimeEngineTests(PostgresBrokerFixture fixture) : RealTimeEngineTests(fixture), IClassFixture<PostgresBrokerFixture>;
