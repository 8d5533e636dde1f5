namespace Vigil.Simulator.Model;

/// <summary>How long a trip takes in Hà Nội: on foot under a kilometre, otherwise by motorbike through traffic.</summary>
public static class Travel
{
    public const double WalkingMps = 1.3;
    public const double MotorbikeMps = 6.5;

    public static double SpeedFor(double meters) => meters < 1_000 ? WalkingMps : MotorbikeMps;

    public static TimeSpan Duration(GeoPoint from, GeoPoint to)
    {
        var meters = from.DistanceTo(to);
        return meters < 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((meters / SpeedFor(meters)) + 60);
    }
}
