using Vigil.Domain.Geo;

namespace Vigil.Simulator.Model;

/// <summary>A WGS84 position, with the few local-plane operations the simulator needs (offsets of metres to a few km).</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    /// <summary>The point <paramref name="meters"/> away on the bearing (degrees clockwise from north).</summary>
    public GeoPoint Offset(double meters, double bearingDegrees)
    {
        var (mx, my) = GeoMath.MetersPerDegree(Lat);
        var bearing = GeoMath.ToRadians(bearingDegrees);
        return new GeoPoint(Lat + (meters * Math.Cos(bearing) / my), Lon + (meters * Math.Sin(bearing) / mx));
    }

    /// <summary>The point displaced by east and north metres.</summary>
    public GeoPoint Shift(double eastMeters, double northMeters)
    {
        var (mx, my) = GeoMath.MetersPerDegree(Lat);
        return new GeoPoint(Lat + (northMeters / my), Lon + (eastMeters / mx));
    }

    public double DistanceTo(GeoPoint other) => GeoMath.HaversineMeters(Lat, Lon, other.Lat, other.Lon);

    /// <summary>Bearing to <paramref name="other"/> in degrees (0–360), on the local plane.</summary>
    public double BearingTo(GeoPoint other)
    {
        var (mx, my) = GeoMath.MetersPerDegree(Lat);
        var degrees = Math.Atan2((other.Lon - Lon) * mx, (other.Lat - Lat) * my) * 180 / Math.PI;
        return (degrees + 360) % 360;
    }

    /// <summary>The point a fraction of the way to <paramref name="other"/> (straight line: streets are not modelled).</summary>
    public GeoPoint Toward(GeoPoint other, double fraction) =>
        new(Lat + ((other.Lat - Lat) * fraction), Lon + ((other.Lon - Lon) * fraction));
}
