namespace Vigil.Domain.Geo;

/// <summary>Distances and areas in metres on the WGS84 sphere approximation.</summary>
public static class GeoMath
{
    public const double EarthRadiusMeters = 6_371_008.8;

    public static double HaversineMeters(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLon = ToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Metres per degree of longitude and latitude near <paramref name="lat"/> (local equirectangular projection).</summary>
    public static (double X, double Y) MetersPerDegree(double lat) =>
        (Math.PI / 180 * EarthRadiusMeters * Math.Cos(ToRadians(lat)), Math.PI / 180 * EarthRadiusMeters);

    public static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
