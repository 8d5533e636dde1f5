using System.Globalization;
using Vigil.Domain.Rules;
using Vigil.Simulator.Model;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Quality;

/// <summary>
/// The detection-quality harness (D1, D2, D4, D5): builds a labelled scenario population, simulates every band, runs the
/// deliveries through the rules engine in-process on simulated time (the bands honouring its vitals-watch commands), fixes the labels only the run can time (when a
/// battery died; when a band was silent for 15 minutes), and scores the alerts against the ground truth.
/// </summary>
public static class QualityHarness
{
    public static (QualityReport Report, IReadOnlyList<GroundTruth> Labels, IReadOnlyList<RaisedAlert> Alerts) Run(
        int people, int days, int seed, DateTimeOffset start, RuleOptions? options = null)
    {
        options ??= new RuleOptions();
        var builder = new ScenarioBuilder(start, days, seed);
        var population = builder.Build(people);
        var engine = Engine(options);

        var results = new (List<RaisedAlert> Alerts, List<GroundTruth> Labels, long Messages, long Duplicates, long Rejected, List<string> Reasons,
            List<(DateTimeOffset At, double Score)> Arousal, List<string> BandOff, int WatchCommands)[population.Count];
        Parallel.For(0, population.Count, i =>
        {
            var person = population[i];
            var wearer = new SimulatedWearer(person.Profile, builder.Start, builder.End, person.Incidents);
            var run = new EngineRun(engine);
            var alerts = run.Run(wearer, person.Case, builder.Start, builder.End);
            var deliveries = run.Deliveries;
            var labels = FixBatteryLabels(person, wearer).Concat(OfflineLabels(person, deliveries, options, builder.End)).ToList();
            var measured = deliveries.SelectMany(d => d.Messages).Select(m => m.MeasuredAt).Order().ToList();
            var bandOff = labels.Where(l => l.Scenario == ScenarioKinds.Overdose && !measured.Any(m => m >= l.Start && m <= l.End)).Select(l => l.Id).ToList();
            results[i] = (alerts, labels, run.Messages, run.Duplicates, run.Rejected, run.RejectionReasons, run.ArousalScores, bandOff, run.WatchCommands);
        });

        var allAlerts = results.SelectMany(r => r.Alerts).ToList();
        var allLabels = results.SelectMany(r => r.Labels).ToList();

        // The first hour of a run is the bands coming online, not behaviour: nothing is judged there.
        var judged = allAlerts.Where(a => a.At >= builder.Start.AddHours(1)).ToList();
        // "Possible drug use" is a flag for review, not an alert of a rule with a label: D5 scores it, D1/D2 do not count it.
        var scores = Matcher.Score(allLabels, [.. judged.Where(a => a.Rule != nameof(RuleKind.PossibleDrugUse))]);
        var personDays = (double)people * days;
        var health = HealthEvaluation.Score(
            [.. population.Select((p, i) => new HealthEvaluation.Person(i, p.Profile.DeviceId, results[i].Labels, results[i].Arousal, results[i].BandOff))],
            judged, builder.Start.AddHours(1), builder.End, personDays, results.Sum(r => r.WatchCommands));
        var falseAlerts = scores.Sum(s => s.FalseAlerts + s.DuplicateAlerts);
        var unevaluated = allLabels.Where(l => l.ExpectedRule is null && l.ExpectAlert).GroupBy(l => l.Scenario)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var report = new QualityReport(
            "Simulated scenarios (Hà Nội, in-process rules engine)", people, days, seed,
            results.Sum(r => r.Messages), results.Sum(r => r.Duplicates), results.Sum(r => r.Rejected),
            results.SelectMany(r => r.Reasons).Distinct().Take(10).ToList(),
            scores, judged.Count, falseAlerts, falseAlerts / personDays, judged.Count / personDays, unevaluated, health);
        return (report, allLabels, judged);
    }

    /// <summary>The rules engine with the scenarios' hotspots registered, as the server builds it.</summary>
    public static RuleEngine Engine(RuleOptions options) =>
        new(options, new HotspotIndex(World.Hotspots.Select(h =>
            (h.Id, h.Name, Vigil.Domain.Scope.ZoneShape.Circle(h.Centre.Lat, h.Centre.Lon, h.RadiusMeters, "hotspot")))));

    /// <summary>The battery labels take their onset from when the simulated band actually died.</summary>
    private static IEnumerable<GroundTruth> FixBatteryLabels(SimulatedPerson person, SimulatedWearer wearer)
    {
        foreach (var label in person.Labels)
        {
            if (label.ExpectedRule == nameof(RuleKind.BatteryDepleted)
                && wearer.Depletions.FirstOrDefault(d => d >= label.Start) is var died && died != default)
            {
                yield return label with { Start = died, DueAt = died.AddHours(24) };
            }
            else
            {
                yield return label;
            }
        }
    }

    /// <summary>Every silence (no delivery) that lasted 15 minutes of monitored time (and one sweep: a silence only just over 15 minutes can end before the sweep sees it) is a true "offline".</summary>
    private static IEnumerable<GroundTruth> OfflineLabels(SimulatedPerson person, IReadOnlyList<Delivery> deliveries, RuleOptions options, DateTimeOffset end)
    {
        var times = deliveries.Select(d => d.ReceivedAt).Append(end).ToList();
        for (var i = 0; i + 1 < times.Count; i++)
        {
            if (person.Case.At(times[i]).DeadlineAfter(times[i], options.OfflineAfter) is { } due && due + EngineRun.SweepLag < times[i + 1] && due < end)
            {
                yield return new GroundTruth(
                    string.Create(CultureInfo.InvariantCulture, $"{person.Profile.DeviceId}-off-{i}"), ScenarioKinds.Offline, nameof(RuleKind.Offline), true,
                    [person.Profile.DeviceId], times[i], due, times[i + 1], "no data reached the server for 15 minutes of monitored time");
            }
        }
    }
}
