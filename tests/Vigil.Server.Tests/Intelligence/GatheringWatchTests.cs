using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Intelligence;
using Vigil.Server.Tests.Alerts;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Live;

namespace Vigil.Server.Tests.Intelligence;

/// <summary>
/// A gathering of demo wearers through the real pipeline: fixes uploaded as wristbands send them, stored and handed
/// to the latest-fix sink, the watch evaluates every minute on the fake clock and raises one Gathering alert per member,
/// routed to each member's commune, and ends them when the group disperses.
/// </summary>
public abstract class GatheringWatchTests(VigilFixture fixture)
{
    /// <summary>West Lake: kilometres from the demo people's homes and work places.</summary>
    private const double Lat = 21.0560, Lon = 105.8230;

    [Fact]
    public async Task ThreeWearersTogetherTenMinutes_OneAlertEachInTheirCommune_EndedWhenTheyPart()
    {
        var watch = fixture.Factory.Services.GetRequiredService<GatheringWatch>();
        // Connected first: a log-in moves the fake clock, and the pass it may cross must not be missed.
        var baDinh = await fixture.LogInAsync("bd.chief");
        await using var live = await LiveClient.ConnectAsync(fixture.Factory, baDinh.DefaultRequestHeaders.Authorization!.Parameter, "bd.chief");
        int[] devices = [0, 1, 3]; // two of Hoàn Kiếm, one of Ba Đình
        var people = devices.Select(d => fixture.Credentials.Devices[d].PersonId!.Value).ToList();
        async Task<List<AlertSummaryDto>> GatheringAlertsAsync(string username) => [.. (await AllGatheringAlertsAsync(username)).Where(a => people.Contains(a.PersonId))];
        await ArriveAsync(fixture.Factory, watch, devices.Select((d, i) => (d, Lat + (i * 0.0001), Lon)));
        for (var minute = 0; minute < 10; minute++) // fixes over nine minutes: not yet
        {
            await MinuteAsync(fixture.Factory, watch, devices.Select((d, i) => (d, Lat + (i * 0.0001), Lon)));
        }

        Assert.Empty(await GatheringAlertsAsync("hn.supervisor"));
        await MinuteAsync(fixture.Factory, watch, devices.Select((d, i) => (d, Lat + (i * 0.0001), Lon)));


        var province = await GatheringAlertsAsync("hn.supervisor");
        Assert.Equal(3, province.Count);
        Assert.Equal(devices.Select(d => fixture.Credentials.Devices[d].PersonId!.Value).Order(), province.Select(a => a.PersonId).Order());
        Assert.Single(province.Select(a => a.Key).Distinct());
        Assert.Equal(["00004", "00070", "00070"], province.Select(a => a.CommuneCode).Order());
        Assert.Equal(2, (await GatheringAlertsAsync("hk.chief")).Count);
        Assert.Single(await GatheringAlertsAsync("bd.chief"));

        // Ba Đình's station is pushed its member's alert at once.
        var pushed = await live.NextAlertAsync();
        while (pushed.Rule != "gathering")
        {
            pushed = await live.NextAlertAsync(); // the member's other alerts, if a rule of theirs fired meanwhile
        }

        Assert.Equal(fixture.Credentials.Devices[3].PersonId, pushed.PersonId);

        var alert = await (await fixture.LogInAsync("hk.officer1")).GetAlertAsync((await GatheringAlertsAsync("hk.chief"))[0].Id);
        // Together since their first fixes; raised once their newest fixes span ten minutes, at the pass after it (a log-in
        // moved the clock 30 s): 11.5 minutes since the first fix, shown rounded.
        Assert.Equal(("3", "00004,00070", "12"), (alert.Parameters["members"], alert.Parameters["communes"], alert.Parameters["durationMinutes"]));
        Assert.Equal(3, alert.Evidence.Count);
        Assert.Contains(alert.Evidence, e => e.Reading == "member of another commune");
        Assert.StartsWith("Tụ tập bất thường: 3 người", alert.Detail, StringComparison.Ordinal);
        Assert.Equal(Domain.Alerts.AlertSeverity.High, alert.Severity);

        // Still together: no second alert. Then the Ba Đình wearer leaves; after the leave tolerance the gathering ends.
        for (var minute = 0; minute < 3; minute++)
        {
            await MinuteAsync(fixture.Factory, watch, devices.Select((d, i) => (d, Lat + (i * 0.0001), Lon)));
        }

        Assert.Equal(3, (await GatheringAlertsAsync("hn.supervisor")).Count);
        for (var minute = 0; minute < 4; minute++)
        {
            await MinuteAsync(fixture.Factory, watch, devices.Select((d, i) => (d, i == 2 ? Lat + 0.02 : Lat + (i * 0.0001), Lon)));
        }

        var ended = await GatheringAlertsAsync("hn.supervisor");
        Assert.Equal(3, ended.Count);
        Assert.All(ended, a => Assert.NotNull(a.ConditionEndedAt));
    }

    [Fact]
    public async Task Restart_OpenGathering_TakenUpNeitherRaisedAgainNorForgotten()
    {
        int[] devices = [2, 4, 5]; // one of Hoàn Kiếm, two of Ba Đình
        var people = devices.Select(d => fixture.Credentials.Devices[d].PersonId!.Value).Order().ToList();
        IEnumerable<(int, double, double)> Together() => devices.Select((d, i) => (d, Lat + 0.003 + (i * 0.0001), Lon));
        string key;
        await using (var before = fixture.CreateFactory(new Dictionary<string, string?>()))
        {
            var watch = before.Services.GetRequiredService<GatheringWatch>();
            await ArriveAsync(before, watch, Together());
            for (var minute = 0; minute < 11; minute++)
            {
                await MinuteAsync(before, watch, Together());
            }

            var raised = await MembersAlertsAsync(people);
            Assert.Equal(3, raised.Count);
            Assert.All(raised, a => Assert.Null(a.ConditionEndedAt));
            key = Assert.Single(raised.Select(a => a.Key).Distinct());
        }

        // The server stops and starts again while the three are still together: the same alerts go on, none is added.
        await using var after = fixture.CreateFactory(new Dictionary<string, string?>());
        var restarted = after.Services.GetRequiredService<GatheringWatch>();
        for (var minute = 0; minute < 5; minute++)
        {
            await MinuteAsync(after, restarted, Together());
        }

        var ongoing = await MembersAlertsAsync(people);
        Assert.Equal(3, ongoing.Count);
        Assert.All(ongoing, a => Assert.Equal((key, (DateTimeOffset?)null), (a.Key, a.ConditionEndedAt)));

        // It is still followed after the restart: when they part, it ends.
        for (var minute = 0; minute < 5; minute++)
        {
            await MinuteAsync(after, restarted, devices.Select((d, i) => (d, Lat + 0.003 + (i * 0.02), Lon)));
        }

        var ended = await MembersAlertsAsync(people);
        Assert.Equal(3, ended.Count);
        Assert.All(ended, a => Assert.NotNull(a.ConditionEndedAt));
    }

    private async Task<List<AlertSummaryDto>> MembersAlertsAsync(IReadOnlyList<Guid> people) =>
        [.. (await AllGatheringAlertsAsync("hn.supervisor")).Where(a => people.Contains(a.PersonId))];

    /// <summary>
    /// The wearers come each from their own side, 330 m away, two minutes on the way: their fixes show the arrival, so the
    /// ten minutes run from their first fix at the place (people already sitting at neighbouring places are counted from
    /// when their estimates met).
    /// </summary>
    private async Task ArriveAsync(WebApplicationFactory<Program> host, GatheringWatch watch, IEnumerable<(int Device, double Lat, double Lon)> at)
    {
        var place = at.ToList();
        for (var minute = 0; minute < 2; minute++)
        {
            await MinuteAsync(host, watch, place.Select((p, i) => (p.Device, p.Lat + (0.003 * Math.Cos(i * 2.1)), p.Lon + (0.003 * Math.Sin(i * 2.1)))));
        }
    }

    /// <summary>Each device reports its position now to <paramref name="host"/>; once its sink has it, the clock moves a minute and the watch's pass is awaited.</summary>
    private async Task MinuteAsync(WebApplicationFactory<Program> host, GatheringWatch watch, IEnumerable<(int Device, double Lat, double Lon)> fixes)
    {
        var now = fixture.Clock.GetUtcNow();
        var list = fixes.ToList();
        foreach (var (device, lat, lon) in list)
        {
            await fixture.UploadAsync(host, device, lat, lon, [now]);
        }

        await WaitForFixesAsync(host, list.Select(f => fixture.Credentials.Devices[f.Device].DeviceId).ToList(), now);
        var pass = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var due = now.AddMinutes(1);
        void OnPass(DateTimeOffset at)
        {
            if (at >= due)
            {
                pass.TrySetResult();
            }
        }

        watch.PassCompleted += OnPass;
        try
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            await pass.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The gathering watch did not complete a pass at {due:O} within 30 s.");
        }
        finally
        {
            watch.PassCompleted -= OnPass;
        }
    }

    private static async Task WaitForFixesAsync(WebApplicationFactory<Program> host, IReadOnlyList<string> deviceIds, DateTimeOffset fixAt)
    {
        // The upload is answered once stored; the sinks hear of the rows just after. Poll memory, briefly.
        var latest = host.Services.GetRequiredService<LatestFixes>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!deviceIds.All(d => latest.Of(d) is { } fix && fix.MeasuredAt >= fixAt))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The latest fixes of {string.Join(", ", deviceIds)} did not reach {fixAt:O} within 30 s.");
            await Task.Delay(5);
        }
    }

    private async Task<List<AlertSummaryDto>> AllGatheringAlertsAsync(string username)
    {
        var page = await Expect.Json<PageOf<AlertSummaryDto>>(await (await fixture.LogInAsync(username)).GetAsync("/api/v1/alerts?rule=gathering&pageSize=200"));
        return [.. page.Items];
    }
}

public sealed class SqliteGatheringWatchTests(SqliteFixture fixture) : GatheringWatchTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresGatheringWatchTests(PostgresFixture fixture) : GatheringWatchTests(fixture), IClassFixture<PostgresFixture>;
