using Vigil.Domain.Scope;
using Vigil.Domain.Time;

namespace Vigil.Domain.Rules;

/// <summary>
/// What the case registry says about one person, as the rules need it: when monitoring was in force, the
/// registered scope versions, and the approvals and reports that excuse or start a deadline. Built from the
/// registry and refreshed when it changes; the rules never read the database.
/// </summary>
public sealed record CaseSnapshot
{
    // The two optional instants as UTC ticks (see UtcTicks): every active device actor holds its case (P6).
    private readonly long _departureAwaitingArrival;
    private readonly long _reattachmentDueBy;

    public Guid PersonId { get; init; }

    /// <summary>When monitoring was in force: active and not suspended; kept in order of start.</summary>
    public IReadOnlyList<TimeWindow> Monitored { get; init => field = InOrder(value); } = [];

    public IReadOnlyList<ScopeSnapshot> Scopes { get; init; } = [];

    public IReadOnlyList<TimeWindow> ApprovedRemovals { get; init; } = [];

    public IReadOnlyList<TimeWindow> ApprovedTravel { get; init; } = [];

    /// <summary>From a residence-change request until the arrival is recorded (or the request is refused).</summary>
    public IReadOnlyList<TimeWindow> ResidenceChangeReported { get; init; } = [];

    /// <summary>The departure recorded at the old commune that still awaits its arrival report.</summary>
    public DateTimeOffset? DepartureAwaitingArrival { get => UtcTicks.ToInstant(_departureAwaitingArrival); init => _departureAwaitingArrival = UtcTicks.Of(value); }

    /// <summary>The expected end of a temporary removal that has not been followed by a reattachment.</summary>
    public DateTimeOffset? ReattachmentDueBy { get => UtcTicks.ToInstant(_reattachmentDueBy); init => _reattachmentDueBy = UtcTicks.Of(value); }

    /// <summary>When the wearer reported malfunctions.</summary>
    public IReadOnlyList<DateTimeOffset> MalfunctionReports { get; init; } = [];

    // These run for every message: plain loops, no closures or enumerators to allocate.
    public bool MonitoredAt(DateTimeOffset instant) => AnyContains(Monitored, instant);

    public bool RemovalApprovedAt(DateTimeOffset instant) => AnyContains(ApprovedRemovals, instant);

    public bool TravelApprovedAt(DateTimeOffset instant) => AnyContains(ApprovedTravel, instant);

    public bool ResidenceChangeReportedAt(DateTimeOffset instant) => AnyContains(ResidenceChangeReported, instant);

    /// <summary>The zones that apply at an instant: of the scope version in force, whose schedule covers it.</summary>
    public List<ZoneSnapshot> ZonesAt(DateTimeOffset instant)
    {
        var zones = new List<ZoneSnapshot>();
        for (var i = 0; i < Scopes.Count; i++)
        {
            if (!Scopes[i].InForce.Contains(instant))
            {
                continue;
            }

            var scope = Scopes[i].Zones;
            for (var j = 0; j < scope.Count; j++)
            {
                if (scope[j].Schedule?.AppliesAt(instant) ?? true)
                {
                    zones.Add(scope[j]);
                }
            }
        }

        return zones;
    }

    /// <summary>
    /// The instant at which <paramref name="duration"/> of monitored time has passed since <paramref name="start"/>:
    /// a deadline does not run while monitoring is suspended. Null when monitoring ends first.
    /// </summary>
    public DateTimeOffset? DeadlineAfter(DateTimeOffset start, TimeSpan duration)
    {
        var remaining = duration;
        for (var i = 0; i < Monitored.Count; i++)
        {
            var window = Monitored[i];
            if (window.Until is { } until && until <= start)
            {
                continue;
            }

            var from = window.From > start ? window.From : start;
            if (window.Until is not { } end || end - from >= remaining)
            {
                return from + remaining;
            }

            remaining -= end - from;
        }

        return null;
    }

    /// <summary>The windows as given when already in order (the builder's exact-size array, kept: every actor holds one), else sorted.</summary>
    private static IReadOnlyList<TimeWindow> InOrder(IReadOnlyList<TimeWindow> windows)
    {
        for (var i = 1; i < windows.Count; i++)
        {
            if (windows[i].From < windows[i - 1].From)
            {
                return windows.OrderBy(w => w.From).ToArray();
            }
        }

        return windows;
    }

    private static bool AnyContains(IReadOnlyList<TimeWindow> windows, DateTimeOffset instant)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].Contains(instant))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One version of the registered scope and the window it was in force.</summary>
public sealed record ScopeSnapshot(TimeWindow InForce, IReadOnlyList<ZoneSnapshot> Zones);

/// <summary>A zone ready for point tests.</summary>
public sealed record ZoneSnapshot(Guid Id, ZoneKind Kind, string Name, ZoneShape Shape, WeeklySchedule? Schedule);
