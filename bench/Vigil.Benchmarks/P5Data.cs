using System.Globalization;
using Vigil.Domain.Geo;

namespace Vigil.Benchmarks;

/// <summary>
/// P5's data, the same for the in-process check and PostGIS: 10 zones of one person in Hà Nội (5 circles, 5 polygons
/// of 24 sides), 100,000 hotspot circles over Vietnam, and 4,096 fixes spread inside, near and far from the zones.
/// </summary>
internal sealed record P5Data(
    IReadOnlyList<(double Lat, double Lon, double RadiusMeters, string? GeoJson)> Zones,
    IReadOnlyList<(double Lat, double Lon, double RadiusMeters)> Hotspots,
    (double Lat, double Lon)[] Fixes)
{
    private const double Lat = 21.0288;
    private const double Lon = 105.8525;

    public static P5Data Create()
    {
        var random = new Random(42);
        var zones = Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? (Lat + (i * 0.01), Lon, 150.0 + (i * 50), (string?)null)
            : (0, 0, 0, Polygon(Lat + (i * 0.01), Lon + 0.01, 300, 24))).ToList();
        var hotspots = Enumerable.Range(0, 100_000)
            .Select(_ => (8.5 + (random.NextDouble() * 14.5), 102.5 + (random.NextDouble() * 7), 30.0 + random.Next(100))).ToList();
        var fixes = Enumerable.Range(0, 4096).Select(_ => (Lat + ((random.NextDouble() - 0.3) * 0.15), Lon + ((random.NextDouble() - 0.5) * 0.1))).ToArray();
        return new P5Data(zones, hotspots, fixes);
    }

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
