namespace Vigil.Domain.Geo;

/// <summary>
/// A square-ish grid cell of <see cref="SizeDegrees"/> (about 220 m × 200 m at Vietnam's latitudes) as one
/// integer, so that "who was within R metres of P between t1 and t2" is an index range scan on (cell, time)
/// in any database, followed by an exact distance test on the few rows found.
/// </summary>
public static class GeoCell
{
    public const double SizeDegrees = 0.002;

    private const long Columns = (long)(360 / SizeDegrees) + 1;

    public static long Of(double lat, double lon) => (Row(lat) * Columns) + Column(lon);

    /// <summary>Every cell that may hold a point within <paramref name="radiusMeters"/> of the centre.</summary>
    public static IReadOnlyList<long> Covering(double lat, double lon, double radiusMeters)
    {
        var (mx, my) = GeoMath.MetersPerDegree(lat);
        double dLat = radiusMeters / my, dLon = radiusMeters / Math.Max(mx, 1);
        var cells = new List<long>();
        for (var row = Row(lat - dLat); row <= Row(lat + dLat); row++)
        {
            for (var column = Column(lon - dLon); column <= Column(lon + dLon); column++)
            {
                cells.Add((row * Columns) + column);
            }
        }

        return cells;
    }

    private static long Row(double lat) => (long)Math.Floor((Math.Clamp(lat, -90, 90) + 90) / SizeDegrees);

    private static long Column(double lon) => (long)Math.Floor((Math.Clamp(lon, -180, 180) + 180) / SizeDegrees);
}
