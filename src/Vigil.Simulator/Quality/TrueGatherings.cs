using System.Globalization;
using Vigil.Domain.Gatherings;
using Vigil.Domain.Geo;
using Vigil.Simulator.Model;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Quality;

/// <summary>
/// D6's definition applied to the simulated people's TRUE positions, minute by minute: every set of at least
/// <see cref="GatheringOptions.MinPeople"/> people whose true positions are all within
/// <see cref="GatheringOptions.RadiusMeters"/> of one another for at least <see cref="GatheringOptions.MinDuration"/>,
/// none of them inside their own residence or work zone. Planted gatherings are among them, and so is any
/// incidental co-presence the scenario builder did not plan (three people's hotspot visits overlapping, errands at
/// neighbouring shops). Each is returned as a <see cref="GroundTruth"/> of scenario "gathering", its onset the third
/// true arrival and its due time ten minutes later.
/// </summary>
public static class TrueGatherings
{
    public static IReadOnlyList<GroundTruth> Find(IReadOnlyList<SimulatedWearer> wearers, Func<int, DateTimeOffset, GeoPoint, bool> atOwnPlace,
        DateTimeOffset start, DateTimeOffset end, GatheringOptions options)
    {
        ArgumentNullException.ThrowIfNull(wearers);
        ArgumentNullException.ThrowIfNull(atOwnPlace);
        ArgumentNullException.ThrowIfNull(options);
        var open = new Dictionary<(int, int, int), (DateTimeOffset From, DateTimeOffset Last, GeoPoint At)>();
        var episodes = new List<(int[] Members, DateTimeOffset From, DateTimeOffset To, GeoPoint At)>();
        var n = wearers.Count;
        var at = new GeoPoint[n];
        for (var now = start; now <= end; now = now.AddMinutes(1))
        {
            for (var i = 0; i < n; i++)
            {
                at[i] = wearers[i].TrueMotion(now).Position;
            }

            var present = new HashSet<(int, int, int)>();
            foreach (var triple in Triples(at, now, options.RadiusMeters, atOwnPlace))
            {
                present.Add(triple);
                open[triple] = open.TryGetValue(triple, out var run) ? run with { Last = now } : (now, now, at[triple.Item1]);
            }

            foreach (var (triple, run) in open.Where(o => !present.Contains(o.Key) || now == end).ToList())
            {
                open.Remove(triple);
                if (run.Last - run.From >= options.MinDuration)
                {
                    episodes.Add(([triple.Item1, triple.Item2, triple.Item3], run.From, run.Last, run.At));
                }
            }
        }

        return Merge(episodes, wearers, options);
    }

    /// <summary>Every three people, each away from their own places, whose true positions are pairwise within the radius.</summary>
    private static IEnumerable<(int, int, int)> Triples(GeoPoint[] at, DateTimeOffset now, double radius, Func<int, DateTimeOffset, GeoPoint, bool> atOwnPlace)
    {
        var n = at.Length;
        var near = new List<int>[n];
        var degreesLat = radius / GeoMath.MetersPerDegree(0).Y;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (Math.Abs(at[i].Lat - at[j].Lat) <= degreesLat && at[i].DistanceTo(at[j]) <= radius)
                {
                    (near[i] ??= []).Add(j);
                    (near[j] ??= []).Add(i);
                }
            }
        }

        var away = new Dictionary<int, bool>();
        bool Away(int i) => away.TryGetValue(i, out var a) ? a : away[i] = !atOwnPlace(i, now, at[i]);
        for (var i = 0; i < n; i++)
        {
            if (near[i] is not { Count: >= 2 } mine || !Away(i))
            {
                continue;
            }

            foreach (var j in mine.Where(j => j > i && Away(j)))
            {
                foreach (var k in mine.Where(k => k > j && near[j]!.Contains(k) && Away(k)))
                {
                    yield return (i, j, k);
                }
            }
        }
    }

    /// <summary>Episodes that overlap in time and share a person are one gathering (four people at a bar are four triples).</summary>
    private static List<GroundTruth> Merge(List<(int[] Members, DateTimeOffset From, DateTimeOffset To, GeoPoint At)> episodes, IReadOnlyList<SimulatedWearer> wearers,
        GatheringOptions options)
    {
        var parent = Enumerable.Range(0, episodes.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var a = 0; a < episodes.Count; a++)
        {
            for (var b = a + 1; b < episodes.Count; b++)
            {
                if (episodes[a].From <= episodes[b].To && episodes[b].From <= episodes[a].To && episodes[a].Members.Intersect(episodes[b].Members).Any())
                {
                    parent[Find(b)] = Find(a);
                }
            }
        }

        return [.. episodes.Select((e, i) => (e, Root: Find(i))).GroupBy(x => x.Root).Select(g => g.Select(x => x.e).ToList())
            .Select(g => (Members: g.SelectMany(e => e.Members).Distinct().Order().ToList(), From: g.Min(e => e.From), To: g.Max(e => e.To), g[0].At))
            .OrderBy(g => g.From)
            .Select((g, i) => new GroundTruth(string.Create(CultureInfo.InvariantCulture, $"T{i + 1}"), ScenarioKinds.Gathering, null, true,
                [.. g.Members.Select(m => wearers[m].Profile.DeviceId)], g.From, g.From + options.MinDuration, g.To,
                string.Create(CultureInfo.InvariantCulture, $"{g.Members.Count} people truly within {options.RadiusMeters:0} m at {g.At.Lat:F5},{g.At.Lon:F5}")))];
    }
}
