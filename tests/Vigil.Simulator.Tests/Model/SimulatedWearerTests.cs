using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using Vigil.Simulator.Model;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Tests.Model;

public sealed class SimulatedWearerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 17, 0, 0, TimeSpan.Zero); // Monday 00:00 in Hà Nội

    private static SimulatedWearer Wearer(int seed = 42, Incidents? incidents = null, int days = 2)
    {
        var profile = PeopleFactory.Profile("SIM-T", Guid.NewGuid(), World.Communes[0], new Random(seed));
        return new SimulatedWearer(profile, Start, Start.AddDays(days), incidents);
    }

    private static List<DeviceMessage> Parse(IEnumerable<Delivery> deliveries, List<Rejection> rejected)
    {
        var messages = new List<DeviceMessage>();
        foreach (var delivery in deliveries)
        {
            var batch = TelemetryParser.Parse(delivery.Body(), delivery.ReceivedAt, TelemetryLimits.Default);
            Assert.False(batch.IsMalformed, batch.MalformedReason);
            rejected.AddRange(batch.Rejected);
            messages.AddRange(batch.Accepted);
        }

        return messages;
    }

    [Fact]
    public void Command_WatchAtNight_TenSecondReportsUntilItsEndThenSixtyAgain()
    {
        var wearer = Wearer();
        var before = Parse(wearer.Advance(Start.AddMinutes(10)), []);
        wearer.Command(Start.AddMinutes(10).AddSeconds(1), 10, Start.AddMinutes(15));
        var after = Parse(wearer.Advance(Start.AddMinutes(22)), []);

        int Count(List<DeviceMessage> messages, double fromMinute, double toMinute) =>
            messages.Count(m => m.MeasuredAt >= Start.AddMinutes(fromMinute) && m.MeasuredAt < Start.AddMinutes(toMinute));
        // Asleep and still: once a minute before the command (±20 s of clock skew aside), every 10 s during the watch, once a minute after.
        Assert.InRange(Count(before, 2, 8), 5, 7);
        Assert.InRange(Count(after, 11, 14), 16, 19);
        Assert.InRange(Count(after, 16, 22), 5, 7);
        Assert.Equal(1, wearer.CommandsHeard);
    }

    [Fact]
    public void Advance_TwoDaysWithOutagesAndIncidents_EveryMessageAcceptedByTheProtocolParser()
    {
        var incidents = new Incidents();
        var t = Start.AddHours(30);
        incidents.NoNetwork.Add(new TimeWindow(t, t.AddHours(5))); // five hours out of coverage: a buffered upload
        incidents.Wear.Add(new WearSpell(t.AddHours(6), t.AddHours(7), StrapState.Open, false, CaseState.Open));
        incidents.Events.Add((t.AddHours(8), "fault:gps_module"));
        var wearer = Wearer(incidents: incidents);
        var deliveries = wearer.Advance(Start.AddDays(2));
        var rejected = new List<Rejection>();
        var messages = Parse(deliveries, rejected);

        Assert.Empty(rejected);
        Assert.InRange(messages.Count, 2 * 1440 / 2, 2 * 2880 + 100);
        Assert.Contains(deliveries, d => d.Buffered && d.Messages.Count > 1);
        Assert.Contains(messages, m => m.Wear?.Strap == StrapState.Open && m.Wear.Case == CaseState.Open);
        Assert.Contains(messages, m => m.Events.Any(e => e.Kind == DeviceEventKind.Fault && e.Detail == "gps_module"));
        Assert.Contains(messages, m => m.Vitals?.HeartRateBpm is not null && m.Vitals.SpO2Percent is not null && m.Vitals.RespirationRatePerMin is not null);
        Assert.All(deliveries.Where(d => d.Buffered), d => Assert.InRange(d.Messages.Count, 1, 500));
    }

    [Fact]
    public void Advance_BufferedUpload_OldestFirstAndBeforeTheNextLiveMessage()
    {
        var incidents = new Incidents();
        var t = Start.AddHours(10);
        incidents.NoNetwork.Add(new TimeWindow(t, t.AddMinutes(40)));
        var deliveries = Wearer(incidents: incidents).Advance(Start.AddDays(1));
        var upload = deliveries.First(d => d.Buffered && d.Messages[0].MeasuredAt >= t.AddMinutes(-1));
        Assert.Equal(upload.Messages.OrderBy(m => m.Seq), upload.Messages);
        var next = deliveries.First(d => d.ReceivedAt > upload.ReceivedAt && !d.Buffered);
        Assert.True(next.Messages[0].Seq > upload.Messages[^1].Seq, "the live message after an outage goes up after the buffer");
    }

    [Fact]
    public void Advance_SameSeed_SameBytes()
    {
        var a = Wearer(7).Advance(Start.AddHours(12)).SelectMany(d => d.Body()).ToArray();
        var b = Wearer(7).Advance(Start.AddHours(12)).SelectMany(d => d.Body()).ToArray();
        var c = Wearer(8).Advance(Start.AddHours(12)).SelectMany(d => d.Body()).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Advance_StepwiseOrAllAtOnce_SameDeliveries()
    {
        var once = Wearer(3).Advance(Start.AddHours(6)).Select(d => (d.ReceivedAt, d.Body().Length)).ToList();
        var stepped = Wearer(3);
        var steps = new List<(DateTimeOffset, int)>();
        for (var t = Start; t <= Start.AddHours(6); t = t.AddSeconds(1))
        {
            steps.AddRange(stepped.Advance(t).Select(d => (d.ReceivedAt, d.Body().Length)));
        }

        Assert.Equal(once, steps);
    }

    [Fact]
    public void Signals_OverTwoDays_RealisticRanges()
    {
        var messages = Parse(Wearer(11).Advance(Start.AddDays(2)), []);
        var wifi = messages.Where(m => m.Fix?.Source == FixSource.Wifi).Select(m => m.Fix!.AccuracyMeters!.Value).ToList();
        var gnss = messages.Where(m => m.Fix?.Source == FixSource.Gnss).Select(m => m.Fix!.AccuracyMeters!.Value).ToList();
        Assert.NotEmpty(wifi);
        Assert.NotEmpty(gnss);
        Assert.All(wifi, a => Assert.InRange(a, 20, 150));
        Assert.Contains(messages, m => m.Fix is null); // gaps indoors and at cold starts

        // Circadian: the heart is slower in the small hours (02–04 in Hà Nội) than in the afternoon (14–16).
        double MeanHr(int fromHour, int toHour) => messages
            .Where(m => m.Vitals?.HeartRateBpm is not null && ((m.MeasuredAt.UtcDateTime.Hour + 7) % 24) is var h && h >= fromHour && h < toHour)
            .Average(m => m.Vitals!.HeartRateBpm!.Value);
        Assert.True(MeanHr(2, 4) + 5 < MeanHr(14, 16), $"night {MeanHr(2, 4):0} vs afternoon {MeanHr(14, 16):0}");
        Assert.All(messages.Where(m => m.Vitals?.SpO2Percent is not null), m => Assert.InRange(m.Vitals!.SpO2Percent!.Value, 85, 100));
    }

    [Fact]
    public void Battery_NotChargedFromLow_ShutsDownThenComesBackOnWhenCharged()
    {
        var incidents = new Incidents();
        var t = Start.AddHours(8);
        incidents.BatteryLevels.Add((t, 5));
        incidents.NoCharging.Add(new TimeWindow(t, t.AddHours(10)));
        incidents.Charging.Add(new TimeWindow(t.AddHours(10), t.AddHours(13)));
        var wearer = Wearer(incidents: incidents);
        var messages = Parse(wearer.Advance(Start.AddDays(1)), []);
        var off = Assert.Single(messages, m => m.Events.Any(e => e.Kind == DeviceEventKind.PowerOffLowBattery));
        Assert.Equal(0, off.Battery!.Percent);
        var on = messages.First(m => m.Events.Any(e => e.Kind == DeviceEventKind.PowerOn));
        Assert.True(on.MeasuredAt > t.AddHours(9.9));
        Assert.DoesNotContain(messages, m => m.MeasuredAt > off.MeasuredAt.AddMinutes(1) && m.MeasuredAt < on.MeasuredAt.AddMinutes(-1));
        Assert.Single(wearer.Depletions);
    }
}
