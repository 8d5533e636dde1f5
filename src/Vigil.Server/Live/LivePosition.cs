namespace Vigil.Server.Live;

/// <summary>
/// A person's latest position, pushed to the officers who watch the managing commune (<paramref name="UnitId"/>,
/// the commune station's unit), its province and the nation. Client method <c>position</c>.
/// </summary>
public sealed record LivePosition(
    Guid PersonId,
    string DeviceId,
    Guid UnitId,
    string ProvinceCode,
    double Lat,
    double Lon,
    double? AccuracyMeters,
    DateTimeOffset MeasuredAt);
