using BenchmarkDotNet.Attributes;
using Vigil.Domain.Rules;
using Vigil.Domain.Scope;
using Vigil.Domain.Telemetry;

namespace Vigil.Benchmarks;

/// <summary>
/// The rules for one message, as a device actor runs them: a person with 10 zones in force, a national index of
/// 100,000 hotspots, a wristband worn and moving in and out of its zones, a message every 30 s of measurement time.
/// </summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    private const double Lat = 21.0288;
    private const double Lon = 105.8525;
    private RuleEngine _engine = null!;
    private CaseSnapshot _case = null!;
    private readonly DeviceTwin _twin = new();
    private DeviceMessage[] _messages = [];
    private DateTimeOffset _t = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private long _seq;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var hotspots = new HotspotIndex(Enumerable.Range(0, 100_000).Select(i =>
            (Guid.NewGuid(), $"h{i}", ZoneShape.Circle(8.5 + (random.NextDouble() * 14.5), 102.5 + (random.NextDouble() * 7), 30 + random.Next(100), "bench"))));
        _engine = new RuleEngine(new RuleOptions(), hotspots);
        var zones = Enumerable.Range(0, 10).Select(i => new ZoneSnapshot(Guid.NewGuid(), i == 0 ? ZoneKind.Residence : ZoneKind.Work, $"z{i}",
            i % 2 == 0 ? ZoneShape.Circle(Lat + (i * 0.01), Lon, 150 + (i * 50), "bench") : ZoneShape.FromGeoJson(Polygon(Lat + (i * 0.01), Lon + 0.01, 300, 24), "bench"),
            null)).ToList();
        var since = _t.AddDays(-30);
        _case = new CaseSnapshot
        {
            PersonId = Guid.NewGuid(),
            Monitored = [new TimeWindow(since, null)],
            Scopes = [new ScopeSnapshot(new TimeWindow(since, null), zones)],
        };
        _messages = Enumerable.Range(0, 4096).Select(i => new DeviceMessage(0, default,
            new Fix(Lat + ((random.NextDouble() - 0.3) * 0.15), Lon + ((random.NextDouble() - 0.5) * 0.1), 5 + (random.NextDouble() * 40), FixSource.Gnss, 1.2, null, null),
            new BatteryReading(80 - (i % 60), false), new WearReading(StrapState.Closed, true, CaseState.Closed),
            new Vitals(72, 45, 98, 33, 2.3, 14), new MotionReading(12, 0.3), [])).ToArray();
    }

    [Benchmark(Description = "rules: one message (10 zones, 100,000 hotspots)")]
    public int OnMessage()
    {
        _t = _t.AddSeconds(30);
        var template = _messages[_seq++ & 4095];
        var result = _engine.OnMessage(_twin, template with { Seq = _seq, MeasuredAt = _t }, _case, _t);
        return result.Signals.Count;
    }

    [Benchmark(Description = "rules: the passing of time (deadlines)")]
    public int OnTick() => _engine.OnTick(_twin, _case, _t.AddMinutes(1)).Signals.Count;

    private static string Polygon(double lat, double lon, double radiusMeters, int points)
    {
        var (mx, my) = Vigil.Domain.Geo.GeoMath.MetersPerDegree(lat);
        var ring = Enumerable.Range(0, points + 1).Select(i => 2 * Math.PI * (i % points) / points)
            .Select(a => FormattableString.Invariant($"[{lon + (radiusMeters * Math.Cos(a) / mx)},{lat + (radiusMeters * Math.Sin(a) / my)}]"));
        return $$"""{"type":"Polygon","coordinates":[[{{string.Join(",", ring)}}]]}""";
    }
}
