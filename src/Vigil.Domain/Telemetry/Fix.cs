namespace Vigil.Domain.Telemetry;

/// <summary>A position reported by the device (WGS84). Only <see cref="Lat"/> and <see cref="Lon"/> are always present.</summary>
/// <param name="Lat">Latitude in degrees, within ±90.</param>
/// <param name="Lon">Longitude in degrees, within ±180.</param>
/// <param name="AccuracyMeters">Horizontal accuracy radius (68 %), 0–100 km.</param>
/// <param name="Source">How the position was found.</param>
/// <param name="SpeedMps">Ground speed in metres per second, ≥ 0.</param>
/// <param name="HeadingDegrees">Course over ground in degrees, 0–360.</param>
/// <param name="AltitudeMeters">Altitude in metres.</param>
public sealed record Fix(
    double Lat,
    double Lon,
    double? AccuracyMeters,
    FixSource? Source,
    double? SpeedMps,
    double? HeadingDegrees,
    double? AltitudeMeters);
