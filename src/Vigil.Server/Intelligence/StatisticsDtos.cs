namespace Vigil.Server.Intelligence;

/// <summary>The state of an area now: people, devices and alerts.</summary>
public sealed record StatisticsOverview(StatisticsArea Area, DateTimeOffset At, PeopleStatistics People, DeviceStatistics Devices,
    AlertStatistics Alerts);

/// <summary>People on the area's lists.</summary>
/// <param name="ByGroup">By monitoring group (<c>communityRehabilitation</c>, …), every group named.</param>
/// <param name="ByStatus">By the status of each person's latest decision; people without one are not counted here.</param>
/// <param name="Monitored">People whose latest decision is active (monitoring runs).</param>
public sealed record PeopleStatistics(int Total, IReadOnlyDictionary<string, int> ByGroup, IReadOnlyDictionary<string, int> ByStatus,
    int WithoutDecision, int Monitored);

/// <summary>Devices held by the area's units.</summary>
/// <param name="InUsePercent">Assigned devices as a share of those not retired.</param>
/// <param name="ReportedLastDay">Devices whose data reached the server in the last 24 hours.</param>
public sealed record DeviceStatistics(int Total, IReadOnlyDictionary<string, int> ByStatus, double InUsePercent, int ReportedLastDay);

/// <summary>Unresolved alerts routed to the area's stations.</summary>
public sealed record AlertStatistics(int Open, int Acknowledged, int Escalated);

/// <summary>What happened per Vietnam calendar day.</summary>
public sealed record StatisticsTrends(StatisticsArea Area, DateOnly From, DateOnly To, IReadOnlyList<DayStatistics> Days,
    IReadOnlyDictionary<string, int> AlertsByRule, int AlertsRaised, int ViolationsConfirmed, int PeopleRegistered);

/// <summary>One Vietnam day: alerts raised (all and by severity), violations confirmed (by when they occurred), people registered.</summary>
public sealed record DayStatistics(DateOnly Date, int AlertsRaised, int Critical, int High, int Medium, int ViolationsConfirmed, int PeopleRegistered);
