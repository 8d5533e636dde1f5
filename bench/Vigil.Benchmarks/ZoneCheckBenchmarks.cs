using System.Globalization;
using BenchmarkDotNet.Attributes;
using Vigil.Domain.Geo;
using Vigil.Domain.Rules;
using Vigil.Domain.Scope;

namespace Vigil.Benchmarks;

/// <summary>
/// P5: the zone and hotspot check of one fix — 10 zones of the person (polygons and circles) and a national
/// index of 100,000 hotspots. Fixes are spread inside, near and far from the zones, as real tracks are.
/// </summary>
[MemoryDiagnoser]
public class ZoneCheckBenchmarks
{
    private const double Lat = 21.0288;
    private const double Lon = 105.8525;
    private ZoneShape[] _zones = [];
    private HotspotIndex _hotspots = HotspotIndex.Empty;
    private (double Lat, double Lon)[] _fixes = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _zones = Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? ZoneShape.Circle(Lat + (i * 0.01), Lon, 150 + (i * 50), "bench")
            : ZoneShape.FromGeoJson(Polygon(Lat + (i * 0.01), Lon + 0.01, 300, 24), "bench")).ToArray();
        _hotspots = new HotspotIndex(Enumerable.Range(0, 100_000).Select(i =>
            (Guid.NewGuid(), $"h{i}", ZoneShape.Circle(8.5 + (random.NextDouble() * 14.5), 102.5 + (random.NextDouble() * 7), 30 + random.Next(100), "bench"))));
        _fixes = Enumerable.Range(0, 4096).Select(_ => (Lat + ((random.NextDouble() - 0.3) * 0.15), Lon + ((random.NextDouble() - 0.5) * 0.1))).ToArray();
    }

    [Benchmark(Description = "10 zones: distance to the nearest")]
    public double Zones()
    {
        var (lat, lon) = _fixes[_next++ & 4095];
        var min = double.MaxValue;
        foreach (var zone in _zones)
        {
            min = Math.Min(min, zone.DistanceMeters(lat, lon));
        }

        return min;
    }

    [Benchmark(Description = "10 zones: nearest, exact measure only where it could win")]
    public double ZonesNearest()
    {
        var (lat, lon) = _fixes[_next++ & 4095];
        return ZoneShape.Nearest(_zones, lat, lon).Meters;
    }

    [Benchmark(Description = "100,000 hotspots: which one contains the fix")]
    public Guid? Hotspots() => _hotspots.Find(_fixes[_next++ & 4095].Lat, _fixes[_next & 4095].Lon)?.Id;

    [Benchmark(Description = "P5: 10 zones + 100,000 hotspots")]
    public double ZonesAndHotspots() => ZonesNearest() + (Hotspots() is null ? 0 : 1);

    /// <summary>A regular polygon as GeoJSON, of <paramref name="sides"/> sides and radius <paramref name="meters"/>.</summary>
    private static string Polygon(double lat, double lon, double meters, int sides)
    {
        var (mx, my) = GeoMath.MetersPerDegree(lat);
        var points = Enumerable.Range(0, sides + 1).Select(k =>
        {
            var a = 2 * Math.PI * (k % sides) / sides;
            return string.Create(CultureInfo.InvariantCulture, $"[{lon + (meters * Math.Cos(a) / mx)},{lat + (meters * Math.Sin(a) / my)}]");
        });
        return $$"""{"type":"Polygon","coordinates":[[{{string.Join(",", points)}}]]}""";
    }
}
