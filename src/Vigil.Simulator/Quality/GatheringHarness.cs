using Vigil.Domain.Gatherings;
using Vigil.Domain.Scope;
using Vigil.Domain.Telemetry;
using Vigil.Simulator.Model;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Quality;

/// <summary>
/// The gathering harness (D6): builds the same labelled population as the <c>quality</c> harness, simulates every band,
/// and runs the domain's <see cref="GatheringDetector"/> over everyone's latest position once a minute exactly as the
/// server's GatheringWatch does — each delivery parsed by the real parser when it arrives, each person's usable fixes
/// kept in a <see cref="FixTrail"/> (a late, buffered fix slots in by its time), their position the
/// <see cref="PositionEstimate"/> of the last few minutes, the person's own residence and work zones in force
/// excluded — then scores the gatherings raised against the "gathering" labels and against the gatherings found in
/// the people's true positions by the definition itself (<see cref="TrueGatherings"/>), see <see cref="GatheringRun"/>.
/// </summary>
public static class GatheringHarness
{
    private static readonly ZoneKind[] OwnPlaceKinds = [ZoneKind.Residence, ZoneKind.Work];

    public static GatheringRun Run(int people, int days, int seed, DateTimeOffset start, GatheringOptions? options = null)
    {
        options ??= new GatheringOptions();
        var builder = new ScenarioBuilder(start, days, seed);
        var population = builder.Build(people);
        var fixes = new ArrivedFix[population.Count][];
        var wearers = new SimulatedWearer[population.Count];
        Parallel.For(0, population.Count, i =>
        {
            var person = population[i];
            wearers[i] = new SimulatedWearer(person.Profile, builder.Start, builder.End, person.Incidents);
            fixes[i] = Arrivals(wearers[i].Advance(builder.End));
        });

        var detector = new GatheringDetector(options);
        var ids = population.Select((p, i) => (Id: PersonId(i), p)).ToDictionary(x => x.Id, x => x.p);
        var index = population.Select((p, i) => PersonId(i)).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var cursor = new int[population.Count];
        var trails = new FixTrail?[population.Count];
        var raised = new List<DetectedGathering>();
        var joins = new Dictionary<Guid, List<MemberJoin>>();
        for (var now = builder.Start.AddMinutes(1); now <= builder.End; now = now.AddMinutes(1))
        {
            var positions = new List<LatestPosition>(population.Count);
            for (var i = 0; i < population.Count; i++)
            {
                var list = fixes[i];
                while (cursor[i] < list.Length && list[cursor[i]].ReceivedAt <= now)
                {
                    var fix = list[cursor[i]++];
                    if ((fix.AccuracyMeters ?? 0) <= options.MaxAccuracyMeters)
                    {
                        var kept = TrailFix.Of(fix.MeasuredAt, fix.Lat, fix.Lon, fix.AccuracyMeters);
                        trails[i] = trails[i] is { } trail ? trail.With(kept, options.StaleAfter) : FixTrail.Of(kept);
                    }
                }

                if (trails[i] is { } recent && PositionEstimate.Of(PersonId(i), now, recent.Fixes, options) is { } estimate)
                {
                    positions.Add(estimate);
                }
            }

            var at = now;
            var update = detector.Evaluate(now, positions, (person, lat, lon) => AtOwnPlace(ids[person], at, lat, lon));
            foreach (var g in update.Ongoing)
            {
                if (g.Started)
                {
                    raised.Add(new DetectedGathering(g.Id, g.Since, now, [.. g.Members.Select(m => ids[m.PersonId].Profile.DeviceId)], g.CenterLat, g.CenterLon,
                        TrueSpread([.. g.Members.Select(m => wearers[index[m.PersonId]].TrueMotion(at).Position)])));
                    joins[g.Id] = [];
                }

                // A member who joins a gathering going on is raised then, as the server's watch does.
                var known = joins[g.Id];
                known.AddRange(g.Members.Select(m => ids[m.PersonId].Profile.DeviceId).Except(known.Select(j => j.DeviceId))
                    .Except(raised.Last(r => r.Id == g.Id).DeviceIds).Select(d => new MemberJoin(d, now)));
            }
        }

        raised = [.. raised.Select(r => r with { Joins = joins[r.Id] })];

        var labels = population.SelectMany(p => p.Labels).Where(l => l.Scenario == ScenarioKinds.Gathering).ToList();
        var truth = TrueGatherings.Find(wearers, (i, t, p) => AtOwnPlace(population[i], t, p.Lat, p.Lon), builder.Start, builder.End, options);
        var devices = population.Select((p, i) => (p.Profile.DeviceId, Fixes: fixes[i])).ToDictionary(d => d.DeviceId, d => d.Fixes, StringComparer.Ordinal);
        HashSet<string> Unobservable(IEnumerable<GroundTruth> among) => among
            .Where(l => l.DeviceIds.Count(d => devices.TryGetValue(d, out var f) && f.Any(x => x.MeasuredAt >= l.Start && x.MeasuredAt <= l.End)) < options.MinPeople)
            .Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        return new GatheringRun(
            GatheringReport.Score(people, days, seed, options, labels, raised, Unobservable(labels), truth),
            GatheringReport.Score(people, days, seed, options, truth, raised, Unobservable(truth)));
    }

    private static bool AtOwnPlace(SimulatedPerson person, DateTimeOffset at, double lat, double lon) => person.Case.At(at).Scopes
        .Where(s => s.InForce.Contains(at)).SelectMany(s => s.Zones).Any(z => OwnPlaceKinds.Contains(z.Kind) && z.Shape.Contains(lat, lon));

    /// <summary>How far apart the members truly were (the largest distance between two of them).</summary>
    private static double TrueSpread(IReadOnlyList<GeoPoint> at) => at.SelectMany(a => at.Select(a.DistanceTo)).Max();

    /// <summary>The fixes of the band's deliveries as the store keeps them: parsed at arrival, duplicates dropped by seq, in arrival order.</summary>
    private static ArrivedFix[] Arrivals(IReadOnlyList<Delivery> deliveries)
    {
        var seen = new HashSet<long>();
        var arrived = new List<ArrivedFix>();
        foreach (var delivery in deliveries.OrderBy(d => d.ReceivedAt))
        {
            var batch = TelemetryParser.Parse(delivery.Body(), delivery.ReceivedAt, TelemetryLimits.Default);
            foreach (var message in batch.Accepted.Where(m => seen.Add(m.Seq) && m.Fix is not null))
            {
                arrived.Add(new ArrivedFix(delivery.ReceivedAt, message.MeasuredAt, message.Fix!.Lat, message.Fix.Lon, message.Fix.AccuracyMeters));
            }
        }

        return [.. arrived];
    }

    private static Guid PersonId(int index) => new(index, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);

    private readonly record struct ArrivedFix(DateTimeOffset ReceivedAt, DateTimeOffset MeasuredAt, double Lat, double Lon, double? AccuracyMeters);
}
