namespace Vigil.Domain.Gatherings;

/// <summary>
/// An unusual gathering as it stands: who has been in it for at least the minimum duration (and since when),
/// where its centre is, how far its members spread, and a position of each member as evidence.
/// </summary>
/// <param name="Id">Stable for as long as the gathering goes on: one alert per member per gathering.</param>
/// <param name="Since">When the qualifying members were first together (the condition's start).</param>
/// <param name="Started">True in the first evaluation that found it (the moment it is raised).</param>
public sealed record Gathering(
    Guid Id,
    DateTimeOffset Since,
    DateTimeOffset At,
    double CenterLat,
    double CenterLon,
    double SpreadMeters,
    IReadOnlyList<GatheringMember> Members,
    bool Started)
{
    public TimeSpan Duration => At - Since;
}

/// <summary>A member: since when they have been with the group, and their latest position in it.</summary>
public sealed record GatheringMember(Guid PersonId, DateTimeOffset Since, LatestPosition Position);
