namespace Vigil.Domain.Gatherings;

/// <summary>Where a monitored person was last seen: the newest fix of the device on them.</summary>
public readonly record struct LatestPosition(Guid PersonId, DateTimeOffset MeasuredAt, double Lat, double Lon, double? AccuracyMeters);
