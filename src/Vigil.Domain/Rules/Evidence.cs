namespace Vigil.Domain.Rules;

/// <summary>A reading that supports an alert: when, where (if a fix), and what was read.</summary>
public sealed record Evidence(DateTimeOffset At, double? Lat, double? Lon, double? AccuracyMeters, string Reading);
