using Vigil.Domain.Geo;

namespace Vigil.Domain.Gatherings;

/// <summary>
/// Where a person is for the gathering test, from their device's recent fixes rather than its single newest one:
/// indoors a band reports wifi fixes of 20–150 m that scatter around the true place, so one fix rarely puts three
/// people within 50 m of one another, while the accuracy-weighted mean of a few minutes of them does.
/// </summary>
public static class PositionEstimate
{
    /// <summary>
    /// The estimate at <paramref name="now"/> from the fixes measured within <see cref="GatheringOptions.StaleAfter"/>
    /// before it (none: no position). Fixes worse than <see cref="GatheringOptions.MaxAccuracyMeters"/> are left out,
    /// and so is a fix that lies further from the others' mean than twice its accuracy (a multipath jump, or the place
    /// before a move); when that leaves none, or leaves out the two newest while they agree with each other (a move
    /// within the window), the fixes that agree with the newest one count. Weights are 1 / accuracy²; the estimate's
    /// <see cref="LatestPosition.AccuracyMeters"/> is its uncertainty, 1 / √(Σ weights) — a single fix keeps its own
    /// accuracy — and its time is its newest fix's. Its <see cref="LatestPosition.HereSince"/> is the oldest fix of the
    /// run, back from the newest, of fixes that lie within twice their accuracy of the estimate: since when the person
    /// has been at this place, so a gathering's ten minutes can be counted from the arrival rather than from when the
    /// estimate settled; <see cref="LatestPosition.ArrivalSeen"/> says whether the run ended at a fix clearly elsewhere
    /// (beyond <see cref="GatheringOptions.StayMeters"/>) rather than at the window's start.
    /// </summary>
    public static LatestPosition? Of(Guid personId, DateTimeOffset now, IReadOnlyList<TrailFix> fixes, GatheringOptions options)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        ArgumentNullException.ThrowIfNull(options);
        var from = (now - options.StaleAfter).UtcTicks;
        var to = now.UtcTicks;
        Span<bool> use = stackalloc bool[fixes.Count];
        var count = 0;
        for (var i = 0; i < fixes.Count; i++)
        {
            var f = fixes[i];
            use[i] = f.MeasuredAtUtcTicks >= from && f.MeasuredAtUtcTicks <= to && f.AccuracyMeters <= options.MaxAccuracyMeters;
            count += use[i] ? 1 : 0;
        }

        if (count == 0)
        {
            return null;
        }

        var (lat, lon, weight, newest) = Mean(fixes, use);
        if (count > 2)
        {
            var dropped = false;
            for (var i = 0; i < fixes.Count; i++)
            {
                if (use[i] && !Here(fixes[i], lat, lon))
                {
                    use[i] = false;
                    dropped = true;
                }
            }

            if (dropped && (!use.Contains(true) || NewestTwoLeftOut(fixes, use, from, to, options)))
            {
                // No fix agrees with the mean of all, or the two newest do not: the person moved within the window (the
                // precise fixes of the way there outweigh the wifi fixes of the place). The newest fix says where they
                // are now; keep the fixes that agree with it.
                var last = fixes[Newest(fixes, from, to, options)];
                for (var i = 0; i < fixes.Count; i++)
                {
                    use[i] = fixes[i].MeasuredAtUtcTicks >= from && fixes[i].MeasuredAtUtcTicks <= to && fixes[i].AccuracyMeters <= options.MaxAccuracyMeters
                        && Here(fixes[i], last.Lat, last.Lon);
                }
            }

            if (dropped)
            {
                (lat, lon, weight, newest) = Mean(fixes, use);
            }
        }

        var (since, arrived) = HereSince(fixes, from, to, lat, lon, options);
        return new LatestPosition(personId, new DateTimeOffset(newest, TimeSpan.Zero), lat, lon, 1 / Math.Sqrt(weight), since, arrived);
    }

    /// <summary>Whether the two newest usable fixes are both left out and agree with each other: where the person is now.</summary>
    private static bool NewestTwoLeftOut(IReadOnlyList<TrailFix> fixes, ReadOnlySpan<bool> use, long from, long to, GatheringOptions options)
    {
        int newest = -1, second = -1;
        for (var i = fixes.Count - 1; i >= 0 && second < 0; i--)
        {
            var f = fixes[i];
            if (f.MeasuredAtUtcTicks < from || f.MeasuredAtUtcTicks > to || f.AccuracyMeters > options.MaxAccuracyMeters)
            {
                continue;
            }

            if (use[i])
            {
                return false;
            }

            (newest, second) = newest < 0 ? (i, -1) : (newest, i);
        }

        return second >= 0 && Here(fixes[second], fixes[newest].Lat, fixes[newest].Lon);
    }

    private static int Newest(IReadOnlyList<TrailFix> fixes, long from, long to, GatheringOptions options)
    {
        var newest = -1;
        for (var i = 0; i < fixes.Count; i++)
        {
            var f = fixes[i];
            if (f.MeasuredAtUtcTicks >= from && f.MeasuredAtUtcTicks <= to && f.AccuracyMeters <= options.MaxAccuracyMeters
                && (newest < 0 || f.MeasuredAtUtcTicks > fixes[newest].MeasuredAtUtcTicks))
            {
                newest = i;
            }
        }

        return newest;
    }

    /// <summary>
    /// The oldest fix of the run back from the newest of fixes at this place (a fix beyond twice its accuracy but within
    /// <see cref="GatheringOptions.StayMeters"/> is noise, or the last steps to the door, and the run goes on past it),
    /// and whether the run ended at a fix clearly elsewhere — an arrival the fixes show — rather than at the window's start.
    /// </summary>
    private static (DateTimeOffset Since, bool Arrived) HereSince(IReadOnlyList<TrailFix> fixes, long from, long to, double lat, double lon, GatheringOptions options)
    {
        var since = to;
        for (var i = fixes.Count - 1; i >= 0; i--)
        {
            var f = fixes[i];
            if (f.MeasuredAtUtcTicks > to || f.AccuracyMeters > options.MaxAccuracyMeters)
            {
                continue;
            }

            if (f.MeasuredAtUtcTicks < from)
            {
                break;
            }

            if (!Here(f, lat, lon))
            {
                if (GeoMath.HaversineMeters(lat, lon, f.Lat, f.Lon) > options.StayMeters)
                {
                    return (new DateTimeOffset(since, TimeSpan.Zero), true);
                }

                continue;
            }

            since = f.MeasuredAtUtcTicks;
        }

        return (new DateTimeOffset(since, TimeSpan.Zero), false);
    }

    private static bool Here(TrailFix f, double lat, double lon) =>
        GeoMath.HaversineMeters(lat, lon, f.Lat, f.Lon) <= 2 * Math.Max(f.AccuracyMeters, 10);

    private static (double Lat, double Lon, double Weight, long Newest) Mean(IReadOnlyList<TrailFix> fixes, ReadOnlySpan<bool> use)
    {
        double lat = 0, lon = 0, weight = 0;
        long newest = 0;
        for (var i = 0; i < fixes.Count; i++)
        {
            if (!use[i])
            {
                continue;
            }

            var f = fixes[i];
            var a = Math.Max(f.AccuracyMeters, 1.0);
            var w = 1 / (a * a);
            lat += f.Lat * w;
            lon += f.Lon * w;
            weight += w;
            newest = Math.Max(newest, f.MeasuredAtUtcTicks);
        }

        return (lat / weight, lon / weight, weight, newest);
    }
}
