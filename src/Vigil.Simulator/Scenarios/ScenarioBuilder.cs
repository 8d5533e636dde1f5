using System.Globalization;
using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using Vigil.Domain.Time;
using Vigil.Simulator.Model;

namespace Vigil.Simulator.Scenarios;

/// <summary>
/// Deals the scenarios of <see cref="ScenarioKinds.Deck"/> round a population: each person gets one, a short one
/// (a tamper, a trip out of the area, a hotspot visit…) happens on every day after the first, a long one (three
/// nights away, a flat battery, a move) once. Each writes its incidents, its case changes and its ground truth.
/// </summary>
public sealed partial class ScenarioBuilder
{
    private readonly DateTimeOffset _start;
    private readonly int _days;
    private readonly Random _random;
    private int _labels;

    /// <param name="start">The first simulated instant (UTC); the scenarios begin on the next Vietnam day.</param>
    public ScenarioBuilder(DateTimeOffset start, int days, int seed)
    {
        if (days < 5)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A scenario run needs at least 5 days: three nights away are judged on the morning of the fourth.");
        }

        _start = start;
        _days = days;
        _random = new Random(seed);
    }

    public DateTimeOffset Start => _start;

    public DateTimeOffset End => _start.AddDays(_days);

    public IReadOnlyList<SimulatedPerson> Build(int people)
    {
        var population = new List<SimulatedPerson>();
        for (var i = 0; i < people; i++)
        {
            var commune = World.Communes[i % World.Communes.Count];
            var deviceId = string.Create(CultureInfo.InvariantCulture, $"SIM-{i + 1:D5}");
            var personId = new Guid(i + 1, 0x5151, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 1]);
            var profile = PeopleFactory.Profile(deviceId, personId, commune, _random);
            population.Add(new SimulatedPerson(profile, commune, new CaseTimeline(PeopleFactory.Case(profile, commune, _start.AddDays(-30)))));
        }

        var deal = 0;
        for (var i = 0; i < population.Count; i++)
        {
            var person = population[i];
            if (person.Scenario != ScenarioKinds.Ordinary)
            {
                continue;
            }

            var kind = ScenarioKinds.Deck[deal++ % ScenarioKinds.Deck.Count];
            if (kind == ScenarioKinds.Gathering)
            {
                var group = population.Skip(i).Where(p => p.Scenario == ScenarioKinds.Ordinary && p.Commune == person.Commune).Take(_random.Next(3, 6)).ToList();
                if (group.Count >= 3)
                {
                    Gathering(group);
                    continue;
                }

                kind = ScenarioKinds.Ordinary;
            }

            person.Scenario = kind;
            Apply(person, kind);
        }

        return population;
    }

    /// <summary>Noon (Vietnam time) of day <paramref name="day"/> of the run, plus hours.</summary>
    private DateTimeOffset Local(int day, double hour) =>
        new DateTimeOffset(VietnamTime.LocalDate(_start).AddDays(day).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).AddHours(hour).ToUniversalTime();

    private IEnumerable<int> EveryDay => Enumerable.Range(1, _days - 2);

    private void Label(SimulatedPerson person, string scenario, RuleKind? rule, bool expect, DateTimeOffset start, DateTimeOffset due, DateTimeOffset end, string description, IReadOnlyList<string>? devices = null) =>
        person.Labels.Add(new GroundTruth(
            string.Create(CultureInfo.InvariantCulture, $"L{++_labels:D5}"), scenario, rule?.ToString(), expect,
            devices ?? [person.Profile.DeviceId], start, due, end, description));

    private void Apply(SimulatedPerson p, string kind)
    {
        var incidents = p.Incidents;
        switch (kind)
        {
            case ScenarioKinds.CaseOpened:
                foreach (var t in Daytime())
                {
                    incidents.Wear.Add(new WearSpell(t, t.AddMinutes(3), StrapState.Closed, true, CaseState.Open));
                    Label(p, kind, RuleKind.Tamper, true, t, t, t.AddMinutes(3), "case opened for 3 minutes");
                }

                break;
            case ScenarioKinds.StrapCut:
                foreach (var t in Daytime())
                {
                    incidents.Wear.Add(new WearSpell(t, t.AddHours(2), StrapState.Cut, false, CaseState.Closed));
                    Label(p, kind, RuleKind.Tamper, true, t, t, t.AddHours(2), "strap cut; a new strap fitted two hours later");
                }

                break;
            case ScenarioKinds.IntegrityFault:
                foreach (var t in Daytime())
                {
                    incidents.Events.Add((t, "fault:integrity_check_failed"));
                    Label(p, kind, RuleKind.Tamper, true, t, t, t.AddMinutes(1), "firmware integrity check failed");
                }

                break;
            case ScenarioKinds.Shielding:
                Shielding(p);
                break;
            case ScenarioKinds.NotWorn:
                foreach (var t in Daytime())
                {
                    incidents.Wear.Add(new WearSpell(t, t.AddMinutes(40), StrapState.Closed, false, CaseState.Closed));
                    Label(p, kind, RuleKind.NotWorn, true, t, t.AddMinutes(10), t.AddMinutes(40), "band off the wrist, strap closed, 40 minutes");
                }

                break;
            case ScenarioKinds.SelfRemoval:
                foreach (var t in Daytime())
                {
                    incidents.Wear.Add(new WearSpell(t, t.AddMinutes(30), StrapState.Open, false, CaseState.Closed));
                    Label(p, kind, RuleKind.SelfRemoval, true, t, t.AddMinutes(1), t.AddMinutes(30), "strap opened and band taken off for 30 minutes, no approval");
                }

                break;
            case ScenarioKinds.ApprovedRemoval:
                foreach (var t in Daytime())
                {
                    p.Case.ChangeAt(t.AddMinutes(-30), c => c with { ApprovedRemovals = [.. c.ApprovedRemovals, new TimeWindow(t.AddMinutes(-10), t.AddHours(3))] });
                    incidents.Wear.Add(new WearSpell(t, t.AddMinutes(160), StrapState.Open, false, CaseState.Closed));
                    Label(p, kind, RuleKind.SelfRemoval, false, t, t, t.AddMinutes(160), "approved temporary removal (medical examination)");
                }

                break;
            case ScenarioKinds.BatteryDepleted or ScenarioKinds.BatteryRecharged:
                Battery(p, kind == ScenarioKinds.BatteryDepleted);
                break;
            case ScenarioKinds.LeftArea or ScenarioKinds.ShortExit or ScenarioKinds.ApprovedTravel:
                Trips(p, kind);
                break;
            case ScenarioKinds.NightsAway or ScenarioKinds.TwoNightsAway or ScenarioKinds.NightsAwayReported:
                NightsAway(p, kind);
                break;
            case ScenarioKinds.ArrivalNotReported or ScenarioKinds.ArrivalReported:
                Move(p, kind == ScenarioKinds.ArrivalReported);
                break;
            case ScenarioKinds.HotspotVisit:
                Hotspots(p);
                break;
            case ScenarioKinds.Suspension:
                Suspension(p);
                break;
            case ScenarioKinds.Overdose:
                foreach (var t in Daytime(19.5, 21.5))
                {
                    incidents.Episodes.Add(new VitalsEpisode(t, t.AddMinutes(8), EpisodeKind.Overdose));
                    Label(p, kind, RuleKind.PossibleOverdose, true, t, t.AddMinutes(1), t.AddMinutes(8), "respiratory depression: breathing ≤ 5/min from the first minute, SpO2 falling 5 points a minute, no motion; revived after 8 minutes");
                }

                break;
            case ScenarioKinds.Stress:
                foreach (var t in Daytime())
                {
                    var minutes = _random.Uniform(20, 60);
                    incidents.Episodes.Add(new VitalsEpisode(t, t.AddMinutes(minutes), EpisodeKind.Stress));
                    Label(p, kind, null, true, t, t.AddMinutes(5), t.AddMinutes(minutes), "stress episode: heart rate +25, HRV −45 %, skin conductance ×3");
                }

                break;
            case ScenarioKinds.FaultUnreported or ScenarioKinds.FaultReported:
                Fault(p, kind == ScenarioKinds.FaultReported);
                break;
        }
    }

    /// <summary>One instant a day (after the first day) between the given Vietnam hours.</summary>
    private List<DateTimeOffset> Daytime(double fromHour = 9.5, double toHour = 15.5) =>
        EveryDay.Select(day => Local(day, _random.Uniform(fromHour, toHour))).ToList();
}
