using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using Vigil.Simulator.Model;

namespace Vigil.Simulator.Scenarios;

/// <summary>
/// What happens in the live demo, so that a new user sees alerts in the first minutes: out of every 20 wearers one
/// opens the case, one is at a hotspot, one takes the band off, one leaves the area, one lets it hang loose, one
/// goes out of coverage and one runs the battery down; the rest just live their day. One wearer in the whole fleet
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

    /// <summary>The incidents of the wearer at <paramref name="index"/> in the fleet, starting at <paramref name="start"/>.</summary>
    public static Incidents For(int index, WearerProfile profile, Commune commune, DateTimeOffset start, DateTimeOffset routineStart, Random random)
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
        }

        if (index == OverdoseIndex)
        {
            incidents.Episodes.Add(new VitalsEpisode(start + OverdoseOnset, start + OverdoseOnset + TimeSpan.FromMinutes(8), EpisodeKind.Overdose));
        }

        return incidents;
    }
}
