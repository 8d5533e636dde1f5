namespace Vigil.Domain.Rules;

/// <summary>A reading that supports an alert: when, where (if a fix), and what was read.</summary>
public sealed record Evidence(DateTimeOffset At, double? Lat, double? Lon, double? AccuracyMeters, string Reading)
{
    // NaN for none rather than double? fields (16 bytes each): every active device's twin holds its last fix as one (P6).
    // A fix's values are finite (the parser refuses others), and record equality treats NaN as equal to NaN.
    private readonly double _lat = Lat ?? double.NaN;
    private readonly double _lon = Lon ?? double.NaN;
    private readonly double _accuracyMeters = AccuracyMeters ?? double.NaN;

    public double? Lat { get => double.IsNaN(_lat) ? null : _lat; init => _lat = value ?? double.NaN; }

    public double? Lon { get => double.IsNaN(_lon) ? null : _lon; init => _lon = value ?? double.NaN; }

    public double? AccuracyMeters { get => double.IsNaN(_accuracyMeters) ? null : _accuracyMeters; init => _accuracyMeters = value ?? double.NaN; }
}
