using BenchmarkDotNet.Attributes;
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
    private ZoneShape[] _zones = [];
    private HotspotIndex _hotspots = HotspotIndex.Empty;
    private (double Lat, double Lon)[] _fixes = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var data = P5Data.Create();
        _zones = [.. data.Zones.Select(z => z.GeoJson is { } json ? ZoneShape.FromGeoJson(json, "bench") : ZoneShape.Circle(z.Lat, z.Lon, z.RadiusMeters, "bench"))];
        _hotspots = new HotspotIndex(data.Hotspots.Select((h, i) => (Guid.NewGuid(), $"h{i}", ZoneShape.Circle(h.Lat, h.Lon, h.RadiusMeters, "bench"))));
        _fixes = data.Fixes;
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

}
