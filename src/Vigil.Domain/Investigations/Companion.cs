using Vigil.Domain.Geo;

namespace Vigil.Domain.Investigations;

/// <summary>
/// Someone who was with the person under investigation: within the radius of one of their fixes, within the time
/// tolerance of it. Minutes together counts the distinct minutes with such an encounter, so a fast-reporting
/// device does not weigh more than a slow one.
/// </summary>
public sealed record Companion(Guid PersonId, int Encounters, int MinutesTogether, DateTimeOffset FirstAt, DateTimeOffset LastAt,
    double ClosestMeters, IReadOnlyList<Encounter> Samples)
{
    /// <summary>
    /// The companions of <paramref name="targetPersonId"/>, most time together first. <paramref name="target"/> is the
    /// person's own track; <paramref name="others"/> are the fixes found near it (the person's own are skipped).
    /// Each other fix is matched to the nearest target fix within the tolerance; it is an encounter when that one is
    /// within the radius.
    /// </summary>
    public static IReadOnlyList<Companion> Find(Guid targetPersonId, IEnumerable<PersonFix> target, IEnumerable<PersonFix> others,
        double radiusMeters, TimeSpan tolerance, int samples)
    {
        var track = target.OrderBy(f => f.MeasuredAt).ToArray();
        var times = track.Select(f => f.MeasuredAt.UtcTicks).ToArray();
        var encounters = new Dictionary<Guid, List<Encounter>>();
        foreach (var other in others)
        {
            if (other.PersonId == targetPersonId || Nearest(track, times, other, tolerance) is not { } match || match.DistanceMeters > radiusMeters)
            {
                continue;
            }

            if (!encounters.TryGetValue(other.PersonId, out var list))
            {
                encounters[other.PersonId] = list = [];
            }

            list.Add(match);
        }

        return
        [
            .. encounters.Select(e =>
                {
                    var list = e.Value.OrderBy(x => x.Other.MeasuredAt).ToList();
                    var minutes = list.Select(x => x.Other.MeasuredAt.UtcTicks / TimeSpan.TicksPerMinute).Distinct().Count();
                    return new Companion(e.Key, list.Count, minutes, list[0].Other.MeasuredAt, list[^1].Other.MeasuredAt,
                        list.Min(x => x.DistanceMeters), PlaceVisit.Spread(list, samples));
                })
                .OrderByDescending(c => c.MinutesTogether).ThenByDescending(c => c.Encounters).ThenBy(c => c.PersonId),
        ];
    }

    private static Encounter? Nearest(PersonFix[] track, long[] times, PersonFix other, TimeSpan tolerance)
    {
        var start = Array.BinarySearch(times, other.MeasuredAt.UtcTicks - tolerance.Ticks);
        start = start < 0 ? ~start : start;
        while (start > 0 && start < times.Length && times[start - 1] == times[start])
        {
            start--;
        }

        Encounter? best = null;
        for (var i = start; i < track.Length && times[i] <= other.MeasuredAt.UtcTicks + tolerance.Ticks; i++)
        {
            var d = GeoMath.HaversineMeters(track[i].Lat, track[i].Lon, other.Lat, other.Lon);
            if (best is null || d < best.DistanceMeters)
            {
                best = new Encounter(track[i], other, d);
            }
        }

        return best;
    }
}

/// <summary>A fix of the companion and the fix of the person under investigation it was matched to.</summary>
public sealed record Encounter(PersonFix Target, PersonFix Other, double DistanceMeters);
