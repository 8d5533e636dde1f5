using Vigil.Domain.Geo;
using Vigil.Domain.Rules;
using Vigil.Domain.Scope;
using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Tests.Rules;

/// <summary>A person living near Hoàn Kiếm lake, working Mon–Fri 07:00–18:00 a kilometre north, and their device.</summary>
internal sealed class RuleTestKit
{
    public static readonly (double Lat, double Lon) Home = (21.0288, 105.8525);
    public static readonly (double Lat, double Lon) Work = (21.0378, 105.8525);

    /// <summary>Monday 2026-11-23 10:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    private long _seq;

    public RuleTestKit(RuleOptions? options = null, HotspotIndex? hotspots = null)
    {
        Engine = new RuleEngine(options ?? new RuleOptions(), hotspots ?? HotspotIndex.Empty);
        Case = new CaseSnapshot
        {
            PersonId = Guid.NewGuid(),
            Monitored = [new TimeWindow(Monday10.AddDays(-30), null)],
            Scopes = [new ScopeSnapshot(new TimeWindow(Monday10.AddDays(-30), null), [Residence(150), WorkZone()])],
        };
    }

    public RuleEngine Engine { get; }

    public CaseSnapshot Case { get; set; }

    public DeviceTwin Twin { get; } = new();

    public static ZoneSnapshot Residence(double radius) =>
        new(Guid.NewGuid(), ZoneKind.Residence, "Nhà", ZoneShape.Circle(Home.Lat, Home.Lon, radius, "test"), null);

    public static ZoneSnapshot WorkZone() =>
        new(Guid.NewGuid(), ZoneKind.Work, "Xưởng", ZoneShape.Circle(Work.Lat, Work.Lon, 200, "test"),
            WeeklySchedule.Parse([(["monday", "tuesday", "wednesday", "thursday", "friday"], "07:00", "18:00")]));

    /// <summary>A point <paramref name="meters"/> north of <paramref name="from"/>.</summary>
    public static (double Lat, double Lon) North((double Lat, double Lon) from, double meters) =>
        (from.Lat + (meters / GeoMath.MetersPerDegree(from.Lat).Y), from.Lon);

    public DeviceMessage Message(DateTimeOffset t, (double Lat, double Lon)? at = null, double acc = 10, BatteryReading? battery = null,
        WearReading? wear = null, MotionReading? motion = null, params DeviceEvent[] events) =>
        new(_seq++, t, at is { } p ? new Fix(p.Lat, p.Lon, acc, FixSource.Gnss, null, null, null) : null, battery, wear, null, motion, events);

    public RuleResult Send(DeviceMessage message, DateTimeOffset? receivedAt = null) =>
        Engine.OnMessage(Twin, message, Case, receivedAt ?? message.MeasuredAt.AddSeconds(2));

    /// <summary>Sends a fix every <paramref name="every"/> from <paramref name="from"/> for <paramref name="span"/>; returns all signals.</summary>
    public List<RuleSignal> Track(DateTimeOffset from, TimeSpan span, TimeSpan every, Func<int, (double Lat, double Lon)> where, double acc = 10,
        DateTimeOffset? receivedAt = null)
    {
        var signals = new List<RuleSignal>();
        var i = 0;
        for (var t = from; t <= from + span; t += every, i++)
        {
            signals.AddRange(Send(Message(t, where(i), acc), receivedAt).Signals);
        }

        return signals;
    }

    public List<RuleSignal> Tick(DateTimeOffset now) => Engine.OnTick(Twin, Case, now).Signals;
}
