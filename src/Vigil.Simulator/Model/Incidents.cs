using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;

namespace Vigil.Simulator.Model;

/// <summary>
/// What a scenario does to one wearer beyond the ordinary routine: trips, wear changes, lost network or GPS,
/// charging left off, device events and physiological episodes. Times are true (not the device's clock).
/// </summary>
public sealed class Incidents
{
    public List<Excursion> Excursions { get; } = [];

    public List<WearSpell> Wear { get; } = [];

    /// <summary>No mobile network (a coverage hole, or shielding): messages are buffered and uploaded afterwards.</summary>
    public List<TimeWindow> NoNetwork { get; } = [];

    /// <summary>No position at all (shielding, a failed GPS module).</summary>
    public List<TimeWindow> NoFix { get; } = [];

    /// <summary>The wearer does not charge the band (an open end: never again).</summary>
    public List<TimeWindow> NoCharging { get; } = [];

    /// <summary>The wearer charges at once, whatever the habit (e.g. right after a flat battery).</summary>
    public List<TimeWindow> Charging { get; } = [];

    public List<(DateTimeOffset At, string Event)> Events { get; } = [];

    /// <summary>The battery is at this level at this instant (a scenario starting from a nearly flat band).</summary>
    public List<(DateTimeOffset At, double Percent)> BatteryLevels { get; } = [];

    public List<VitalsEpisode> Episodes { get; } = [];

    /// <summary>The instants at which the band reports at once (a wear change or an event), not on its cadence.</summary>
    public IEnumerable<DateTimeOffset> Instants() =>
        Wear.SelectMany(w => new[] { w.From, w.Until }).Concat(Events.Select(e => e.At));
}

/// <summary>The strap, skin and case switches over a span (outside every spell: closed, worn, closed).</summary>
public sealed record WearSpell(DateTimeOffset From, DateTimeOffset Until, StrapState Strap, bool Skin, CaseState Case)
{
    public bool Contains(DateTimeOffset t) => t >= From && t < Until;
}

public enum EpisodeKind
{
    /// <summary>Respiratory depression: SpO2 and respiration fall, no motion (criteria D4).</summary>
    Overdose,

    /// <summary>Sympathetic arousal at rest: heart rate and skin conductance up, HRV down.</summary>
    Stress,
}

public sealed record VitalsEpisode(DateTimeOffset From, DateTimeOffset Until, EpisodeKind Kind)
{
    public bool Contains(DateTimeOffset t) => t >= From && t < Until;
}
