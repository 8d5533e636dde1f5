using System.Globalization;
using Vigil.Domain.Scope;

namespace Vigil.Domain.Tests.Scope;

public sealed class ZoneShapeNearestTests
{
    private static readonly ZoneShape[] Shapes =
    [
        ZoneShape.Circle(21.03, 105.85, 150, "t"),
        ZoneShape.FromGeoJson(Square(21.04, 105.86, 0.003), "t"),
        ZoneShape.FromGeoJson(Square(21.02, 105.84, 0.001), "t"),
        ZoneShape.Circle(21.05, 105.83, 400, "t"),
    ];

    [Fact]
    public void Nearest_RandomPoints_SameAsMeasuringEveryShape()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var (lat, lon) = (21.0 + (random.NextDouble() * 0.08), 105.80 + (random.NextDouble() * 0.1));
            var expected = Shapes.Min(s => s.DistanceMeters(lat, lon));
            var (meters, index) = ZoneShape.Nearest(Shapes, lat, lon);
            Assert.Equal(expected, meters, 6);
            Assert.Equal(expected, Shapes[index].DistanceMeters(lat, lon), 6);
        }
    }

    [Fact]
    public void MinimumDistanceMeters_NeverAboveTheExactDistance()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var (lat, lon) = (21.0 + (random.NextDouble() * 0.08), 105.80 + (random.NextDouble() * 0.1));
            Assert.All(Shapes, s => Assert.True(s.MinimumDistanceMeters(lat, lon) <= s.DistanceMeters(lat, lon) + 1e-6));
        }
    }

    [Fact]
    public void Nearest_NoShapes_NoIndex() => Assert.Equal(-1, ZoneShape.Nearest([], 21, 105.8).Index);

    private static string Square(double lat, double lon, double half) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"Polygon","coordinates":[[[{{lon - half}},{{lat - half}}],[{{lon + half}},{{lat - half}}],[{{lon + half}},{{lat + half}}],[{{lon - half}},{{lat + half}}],[{{lon - half}},{{lat - half}}]]]}""");
}
