namespace Vigil.Simulator.Quality;

/// <summary>A gathering the detector raised: its first evaluation (when the watch raises the alerts) and its members' devices.</summary>
/// <param name="TrueSpreadMeters">How far apart its members truly were when it was raised (the largest distance between two).</param>
/// <param name="Joins">Members who joined it later, while it went on (the watch raises each of them when they join).</param>
public sealed record DetectedGathering(Guid Id, DateTimeOffset Since, DateTimeOffset RaisedAt, IReadOnlyList<string> DeviceIds, double Lat, double Lon,
    double TrueSpreadMeters = 0, IReadOnlyList<MemberJoin>? Joins = null)
{
    /// <summary>
    /// When the gathering first had at least <paramref name="minPeople"/> of <paramref name="devices"/> among its raised
    /// members (none: never).
    /// </summary>
    public DateTimeOffset? RaisedFor(IEnumerable<string> devices, int minPeople)
    {
        var wanted = devices.ToHashSet(StringComparer.Ordinal);
        var times = DeviceIds.Where(wanted.Contains).Select(_ => RaisedAt)
            .Concat((Joins ?? []).Where(j => wanted.Contains(j.DeviceId)).Select(j => j.At)).Order().ToList();
        return times.Count >= minPeople ? times[minPeople - 1] : null;
    }
}
