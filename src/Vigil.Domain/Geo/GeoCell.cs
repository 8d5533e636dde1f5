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
        return InBox(lat - dLat, lon - dLon, lat + dLat, lon + dLon);
    }

    /// <summary>Every cell that overlaps the box from (<paramref name="minLat"/>, <paramref name="minLon"/>) to (<paramref name="maxLat"/>, <paramref name="maxLon"/>).</summary>
    public static IReadOnlyList<long> InBox(double minLat, double minLon, double maxLat, double maxLon)
    {
        var cells = new List<long>();
        for (var row = Row(minLat); row <= Row(maxLat); row++)
        {
            for (var column = Column(minLon); column <= Column(maxLon); column++)
            {
                cells.Add((row * Columns) + column);
            }
        }

        return cells;
    }

    /// <summary>How many cells <see cref="InBox"/> would return, without making them (to refuse an area too large to search).</summary>
    public static long CountInBox(double minLat, double minLon, double maxLat, double maxLon) =>
        (Row(maxLat) - Row(minLat) + 1) * (Column(maxLon) - Column(minLon) + 1);

    private static long Row(double lat) => (long)Math.Floor((Math.Clamp(lat, -90, 90) + 90) / SizeDegrees);

    private static long Column(double lon) => (long)Math.Floor((Math.Clamp(lon, -180, 180) + 180) / SizeDegrees);
}
