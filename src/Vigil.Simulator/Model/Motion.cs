namespace Vigil.Simulator.Model;

/// <summary>Where the wearer truly is at an instant and what they are doing.</summary>
public readonly record struct Motion(GeoPoint Position, bool Indoor, double SpeedMps, double HeadingDegrees, bool Asleep)
{
    public bool Moving => SpeedMps > 0.3;

    /// <summary>Walking (steps) rather than riding a motorbike (vibration, no steps).</summary>
    public bool Walking => Moving && SpeedMps < 2.5;
}
