namespace Vigil.Simulator.Model;

/// <summary>
/// One piece of a wearer's day: staying at a place (<see cref="From"/> = <see cref="To"/>) or travelling between
/// two points in a straight line at a constant speed.
/// </summary>
public sealed record Segment(DateTimeOffset Start, DateTimeOffset End, GeoPoint From, GeoPoint To, bool Indoor, double SpeedMps)
{
    public bool Moving => SpeedMps > 0;

    public GeoPoint At(DateTimeOffset t)
    {
        if (!Moving || End <= Start)
        {
            return To;
        }

        var fraction = Math.Clamp((t - Start) / (End - Start), 0, 1);
        return From.Toward(To, fraction);
    }
}
