using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using Vigil.Simulator.Model;

namespace Vigil.Simulator.Scenarios;

/// <summary>
/// What happens in the live demo, so that a new user sees alerts in the first minutes: out of every 20 wearers one
/// opens the case, one is at a hotspot, one takes the band off, one leaves the area, one lets it hang loose, one
/// goes out of coverage and one runs the battery down; and the 8th, 9th and 10th of the first twenty of each commune
/// are at a street tea stall of their commune together from the start for twenty minutes (an unusual gathering: one per commune when communes have a
/// multiple of 20 wearers, as the default 100); the rest just live their day. One wearer in the whole fleet
/// (<see cref="OverdoseIndex"/>) has a possible overdose within the first minutes.
/// Wear and network times are true times; excursions are in the wearer's routine time (see <see cref="SimulatedWearer.Routine"/>).
/// </summary>
public static class DemoScenario
{
    public const int Cycle = 20;

    /// <summary>The fleet index of the one wearer with an overdose: the first commune's eleventh wearer in the demo seed.</summary>
    public const int OverdoseIndex = 10;

    /// <summary>
    /// When that wearer's breathing starts to slow after the fleet starts; it is ≤ 5/min a minute later (the D4 criterion,
    /// <see cref="OverdoseCriterion"/>), SpO2 falling, no motion — the quality harness's overdose episode.
    /// </summary>
    public static readonly TimeSpan OverdoseOnset = TimeSpan.FromSeconds(90);

    public static readonly TimeSpan OverdoseCriterion = OverdoseOnset + TimeSpan.FromMinutes(1);

    /// <summary>How long (real time) the demo's gathering lasts: longer than the ten minutes it takes to raise.</summary>
    public static readonly TimeSpan GatheringFor = TimeSpan.FromMinutes(20);

    /// <summary>The routine speed the demo fleet runs at by default (DemoOptions.FleetSpeed): excursions are in routine time.</summary>
    private const double DefaultFleetSpeed = 6;

    /// <summary>
    /// The pavement tea stall where the commune's gathering takes place — outdoors, so the bands have GNSS fixes (indoors,
    /// wifi fixes of 20–150 m keep three people's estimates more than 75 m apart too often: docs/quality.md, D6) —
    /// 950 m from the commune's centre, beyond the residences (100–700 m), on the first of a few bearings that keeps it 400 m from every hotspot.
    /// </summary>
    public static Place TeaStall(Commune commune)
    {
        ArgumentNullException.ThrowIfNull(commune);
        var at = new[] { 200.0, 20, 110, 290 }.Select(b => commune.Centre.Offset(950, b))
            .FirstOrDefault(p => World.Hotspots.All(h => h.Centre.DistanceTo(p) > 400), commune.Centre.Offset(950, 200));
        return new Place("quán trà đá vỉa hè", at, Indoor: false);
    }

    /// <summary>The incidents of the wearer at <paramref name="index"/> in the fleet, starting at <paramref name="start"/>.</summary>
    /// <param name="indexInCommune">The wearer's place among the fleet's wearers of their commune (the gathering is one per commune).</param>
    public static Incidents For(int index, int indexInCommune, WearerProfile profile, Commune commune, DateTimeOffset start, DateTimeOffset routineStart, Random random)
    {
        var incidents = new Incidents();
        var soon = start.AddSeconds(10 + random.Next(0, 30));
        switch (index % Cycle)
        {
            case 0:
                incidents.Wear.Add(new WearSpell(soon, soon.AddMinutes(3), StrapState.Closed, true, CaseState.Open));
                break;
            case 1:
                var hotspot = World.Hotspots.OrderBy(h => h.Centre.DistanceTo(profile.Home.At)).First();
                incidents.Excursions.Add(new Excursion(routineStart.AddMinutes(-30), routineStart.AddHours(3), new Place(hotspot.Name, hotspot.Centre, Indoor: true)));
                break;
            case 2:
                incidents.Wear.Add(new WearSpell(soon, soon.AddMinutes(10), StrapState.Open, false, CaseState.Closed));
                break;
            case 3:
                var away = commune.Centre.Offset(commune.TravelRadiusMeters + random.Uniform(1500, 3000), random.Uniform(0, 360));
                incidents.Excursions.Add(new Excursion(routineStart.AddMinutes(-20), routineStart.AddHours(8), new Place("ngoài địa bàn", away, Indoor: false)));
                break;
            case 4:
                incidents.Wear.Add(new WearSpell(soon.AddSeconds(30), soon.AddMinutes(25), StrapState.Closed, false, CaseState.Closed));
                break;
            case 5:
                incidents.NoNetwork.Add(new TimeWindow(soon.AddSeconds(30), soon.AddMinutes(20)));
                break;
            case 6:
                incidents.BatteryLevels.Add((start, 21));
                incidents.NoCharging.Add(new TimeWindow(start, null));
                break;
            case 7 or 8 or 9 when indexInCommune < Cycle:
                // Already sitting there when the fleet starts (they set off an hour of routine time before), together for
                // 20 real minutes: the gathering's ten minutes run from the demo's first minute.
                incidents.Excursions.Add(new Excursion(routineStart.AddHours(-1), routineStart + (GatheringFor * DefaultFleetSpeed), TeaStall(commune)));
                break;
        }

        if (index == OverdoseIndex)
        {
            incidents.Episodes.Add(new VitalsEpisode(start + OverdoseOnset, start + OverdoseOnset + TimeSpan.FromMinutes(8), EpisodeKind.Overdose));
        }

        return incidents;
    }
}
