namespace Vigil.Domain.Geo;

/// <summary>
/// A generous box around Vietnam's mainland, coastal islands and offshore archipelagos. Good enough to catch
/// swapped coordinates and zones drawn in the wrong country; commune boundaries give the finer check.
/// </summary>
public static class VietnamBounds
{
    public const double MinLat = 8.0;
    public const double MaxLat = 23.5;
    public const double MinLon = 102.0;
    public const double MaxLon = 117.5;

    public static bool Contains(double lat, double lon) => lat is >= MinLat and <= MaxLat && lon is >= MinLon and <= MaxLon;
}
