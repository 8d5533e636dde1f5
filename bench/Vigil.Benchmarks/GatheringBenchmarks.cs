using BenchmarkDotNet.Attributes;
using Vigil.Domain.Gatherings;
using Vigil.Domain.Scope;

namespace Vigil.Benchmarks;

/// <summary>
/// D6's budget: one evaluation of the gathering detector over 100,000 latest positions (the whole fleet, every
/// minute). People live in 60 city areas of 10 km × 10 km (about 1,700 each, as the monitored are spread over the
/// country's towns), 300 groups of 3–6 meet, and everyone has a home circle. The detector is the long-lived one
/// the server keeps: each call is the next minute, so the planted groups become gatherings and are followed.
/// </summary>
[MemoryDiagnoser]
public class GatheringBenchmarks
{
    private const int People = 100_000;
    private LatestPosition[] _positions = [];
    private Dictionary<Guid, ZoneShape> _homes = [];
    private GatheringDetector _detector = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(6);
        var start = new DateTimeOffset(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);
        var cities = Enumerable.Range(0, 60).Select(_ => (Lat: 9 + (random.NextDouble() * 13), Lon: 104 + (random.NextDouble() * 5))).ToArray();
        _positions = new LatestPosition[People];
        _homes = new Dictionary<Guid, ZoneShape>(People);
        var planted = 0;
        for (var i = 0; i < People;)
        {
            var city = cities[random.Next(cities.Length)];
            var lat = city.Lat + ((random.NextDouble() - 0.5) * 0.09);
            var lon = city.Lon + ((random.NextDouble() - 0.5) * 0.095);
            var size = planted < 300 ? 3 + random.Next(4) : 1;
            planted++;
            for (var k = 0; k < size && i < People; k++, i++)
            {
                var person = Guid.NewGuid();
                var (pLat, pLon) = size == 1 ? (lat, lon) : (lat + (k * 0.00005), lon);
                _positions[i] = new LatestPosition(person, start, pLat, pLon, 10);
                // Home is elsewhere for those who meet, here for the others (most people are at home).
                _homes[person] = size == 1 && random.NextDouble() < 0.6
                    ? ZoneShape.Circle(pLat, pLon, 60, "home")
                    : ZoneShape.Circle(pLat + 0.01, pLon, 60, "home");
            }
        }

        // Positions stay "fresh" while the benchmark advances the clock a minute per call.
        _detector = new GatheringDetector(new GatheringOptions { StaleAfter = TimeSpan.FromDays(3650) });
        _now = start;
    }

    [Benchmark(Description = "D6: gatherings over 100,000 latest positions (one minute's evaluation)")]
    public int Evaluate()
    {
        _now = _now.AddMinutes(1);
        var update = _detector.Evaluate(_now, _positions, (person, lat, lon) => _homes[person].Contains(lat, lon));
        return update.Ongoing.Count;
    }
}
