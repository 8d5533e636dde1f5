using Vigil.Domain.Geo;

namespace Vigil.Domain.Places;

/// <summary>
/// A place where gatherings recur or several monitored people dwell at night, with its evidence. The rank score is
/// 3 per gathering, 2 per person seen there (at night or in a gathering) and 1 per night with a dwell: recurrence and
/// different people weigh more than one person's many nights.
/// </summary>
public sealed record SuspiciousPlace(double Lat, double Lon, double RadiusMeters, int People, int Nights, int Gatherings, int Score,
    IReadOnlyList<NightDwell> Dwells, IReadOnlyList<PastGathering> GatheringsHere)
{
    /// <summary>The suspicious places among the dwells and gatherings, highest score first.</summary>
    public static IReadOnlyList<SuspiciousPlace> Rank(IEnumerable<NightDwell> dwells, IEnumerable<PastGathering> gatherings, PlaceMiningOptions options)
    {
        ArgumentNullException.ThrowIfNull(dwells);
        ArgumentNullException.ThrowIfNull(gatherings);
        ArgumentNullException.ThrowIfNull(options);

        // Grid cells first (linear), then neighbouring cells' groups merged by centre distance, largest group first, so a
        // place on a cell boundary is still one place.
        var items = dwells.Select(d => new Item(d.Lat, d.Lon, d, null)).Concat(gatherings.Select(g => new Item(g.Lat, g.Lon, null, g)));
        var clusters = new List<List<Item>>();
        foreach (var group in items.GroupBy(i => GeoCell.Of(i.Lat, i.Lon)).Select(g => g.ToList()).OrderByDescending(g => g.Count))
        {
            var (lat, lon) = Centre(group);
            var near = clusters.FirstOrDefault(c => Centre(c) is var (cLat, cLon) && GeoMath.HaversineMeters(lat, lon, cLat, cLon) <= options.MergeMeters);
            if (near is null)
            {
                clusters.Add(group);
            }
            else
            {
                near.AddRange(group);
            }
        }

        return [.. clusters.Select(c => Place(c, options)).OfType<SuspiciousPlace>().OrderByDescending(p => p.Score).ThenByDescending(p => p.People)
            .ThenBy(p => p.Lat).ThenBy(p => p.Lon)];
    }

    private static SuspiciousPlace? Place(List<Item> items, PlaceMiningOptions options)
    {
        var dwells = items.Select(i => i.Dwell).OfType<NightDwell>().OrderBy(d => d.From).ToList();
        var gatherings = items.Select(i => i.Gathering).OfType<PastGathering>().OrderBy(g => g.Since).ToList();
        var nightPeople = dwells.Select(d => d.PersonId).Distinct().Count();
        if (nightPeople < options.MinPeople && gatherings.Count < options.MinGatherings)
        {
            return null;
        }

        var (lat, lon) = Centre(items);
        var radius = Math.Max(50, items.Max(i => GeoMath.HaversineMeters(lat, lon, i.Lat, i.Lon)));
        var people = dwells.Select(d => d.PersonId).Concat(gatherings.SelectMany(g => g.Members)).Distinct().Count();
        var nights = dwells.Select(d => d.Night).Distinct().Count();
        return new SuspiciousPlace(lat, lon, Math.Round(radius), people, nights, gatherings.Count, (3 * gatherings.Count) + (2 * people) + nights,
            dwells, gatherings);
    }

    private static (double Lat, double Lon) Centre(List<Item> items) => (items.Average(i => i.Lat), items.Average(i => i.Lon));

    private sealed record Item(double Lat, double Lon, NightDwell? Dwell, PastGathering? Gathering);
}
