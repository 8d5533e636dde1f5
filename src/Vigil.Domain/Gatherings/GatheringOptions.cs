namespace Vigil.Domain.Gatherings;

/// <summary>What counts as an unusual gathering (configuration section "Gatherings"); defaults from DOMAIN.md.</summary>
public sealed class GatheringOptions
{
    public const string Section = "Gatherings";

    /// <summary>At least this many monitored people (default 3) …</summary>
    public int MinPeople { get; set; } = 3;

    /// <summary>… within this many metres of each other (default 50; every member within it of the group's centre) …</summary>
    public double RadiusMeters { get; set; } = 50;

    /// <summary>… for at least this long (default 10 minutes), away from their own residence and work zones.</summary>
    public TimeSpan MinDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A person's position is estimated from their fixes of this long before now (default 8 minutes; none: no
    /// position), see <see cref="PositionEstimate"/>. Shorter windows leave indoor estimates too noisy (tuned with
    /// the D6 harness, docs/quality.md).
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(8);

    /// <summary>A fix less precise than this is left out (default 150 m: indoor wifi fixes count, cell fixes of 300 m and more do not).</summary>
    public double MaxAccuracyMeters { get; set; } = 150;

    /// <summary>
    /// "Within the radius" allows for the two positions' uncertainty (√(a² + b²)), at most this much (default 25 m):
    /// estimates from wifi fixes are tens of metres off, so a strict 50 m misses people in one apartment.
    /// </summary>
    public double MaxSlackMeters { get; set; } = 25;

    /// <summary>
    /// A member of a gathering going on stays in it while their position is within this of its centre (default 100 m),
    /// even when the strict test fails for a while: hysteresis, so a gathering does not end and start again.
    /// </summary>
    public double StayMeters { get; set; } = 100;

    /// <summary>
    /// The ten minutes run from the members' arrival (<see cref="LatestPosition.HereSince"/>), but the estimates must
    /// also have put them together for at least this long (default 4 minutes) before it is raised, so that a brief
    /// brush of two noisy estimates, back-dated, is not a gathering.
    /// </summary>
    public TimeSpan SeenTogetherFor { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>A member missing from the group for longer than this has left it (default 3 minutes: a few noisy minutes are not leaving).</summary>
    public TimeSpan LeaveAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// While a group is not yet a gathering (no stay distance holds it), a member missing from it for up to this long
    /// is still counted with it (default 4 minutes): the wifi estimates of people in one apartment drift apart for a few
    /// minutes at a time, and dropping a member restarts their ten minutes (tuned with the D6 harness, docs/quality.md).
    /// </summary>
    public TimeSpan FormingLeaveAfter { get; set; } = TimeSpan.FromMinutes(4);
}
