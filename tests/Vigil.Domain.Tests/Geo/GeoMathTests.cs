using Vigil.Domain.Geo;

namespace Vigil.Domain.Tests.Geo;

public class GeoMathTests
{
    [Fact]
    public void HaversineMeters_SamePoint_Zero()
    {
        Assert.Equal(0, GeoMath.HaversineMeters(21.0288, 105.8525, 21.0288, 105.8525));
    }

    [Fact]
    public void HaversineMeters_OneDegreeOfLatitude_About111Kilometres()
    {
        Assert.Equal(111_195.08, GeoMath.HaversineMeters(21, 105.85, 22, 105.85), 0.01);
    }

    [Fact]
    public void HaversineMeters_HanoiToHoChiMinhCity_About1140Kilometres()
    {
        // Hoàn Kiếm lake to Bến Thành market; the great-circle distance is about 1,138 km.
        var meters = GeoMath.HaversineMeters(21.0288, 105.8525, 10.7725, 106.6980);

        Assert.InRange(meters, 1_130_000, 1_145_000);
        Assert.Equal(meters, GeoMath.HaversineMeters(10.7725, 106.6980, 21.0288, 105.8525), 1e-6);
    }

    [Fact]
    public void MetersPerDegree_Hanoi_LongitudeShrinksWithCosineOfLatitude()
    {
        var (x, y) = GeoMath.MetersPerDegree(21);

        Assert.Equal(111_195.08, y, 0.01);
        Assert.Equal(y * Math.Cos(21 * Math.PI / 180), x, 1e-6);
    }
}
