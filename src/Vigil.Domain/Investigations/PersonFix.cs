namespace Vigil.Domain.Investigations;

/// <summary>A stored position fix, attributed to the person whose device it came from at that time.</summary>
public readonly record struct PersonFix(Guid PersonId, string DeviceId, DateTimeOffset MeasuredAt, double Lat, double Lon, double? AccuracyMeters);
