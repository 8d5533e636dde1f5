namespace Vigil.Domain.Gatherings;

/// <summary>Where a monitored person is: the estimate from the recent fixes of the device on them (or one fix).</summary>
/// <param name="MeasuredAt">The newest fix's time.</param>
/// <param name="HereSince">Since when the fixes put the person at this place (none: since <paramref name="MeasuredAt"/>).</param>
/// <param name="ArrivalSeen">Whether the fixes show the arrival at <paramref name="HereSince"/> (a fix clearly elsewhere just before), rather than only that the person has been here as long as the fixes go back.</param>
public readonly record struct LatestPosition(Guid PersonId, DateTimeOffset MeasuredAt, double Lat, double Lon, double? AccuracyMeters, DateTimeOffset? HereSince = null,
    bool ArrivalSeen = false);
