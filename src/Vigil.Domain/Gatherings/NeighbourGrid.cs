using Vigil.Domain.Geo;

namespace Vigil.Domain.Gatherings;

/// <summary>
/// Groups of positions within a radius of each other, allowing for their uncertainty, by grid hashing: each position
/// goes in a square cell as wide as the widest link, so its neighbours can only be in the 3 × 3 cells around it.
/// Linear in the number of positions.
/// Coordinates are projected to local metres (equirectangular, with the cosine of each position's own latitude):
/// at 50 m the error is centimetres.
/// </summary>
internal static class NeighbourGrid
{
    /// <summary>
    /// The connected groups of at least <paramref name="minSize"/> positions, as index lists into <paramref name="positions"/>,
    /// by single linkage: two positions are linked when they are within <paramref name="radiusMeters"/> plus the
    /// combined uncertainty of the two (√(a² + b²) of their <see cref="LatestPosition.AccuracyMeters"/>), that allowance
    /// capped at <paramref name="maxSlackMeters"/>.
    /// </summary>
    public static List<List<int>> Groups(IReadOnlyList<LatestPosition> positions, double radiusMeters, double maxSlackMeters, int minSize)
    {
        var cell = radiusMeters + maxSlackMeters;
        var metersPerDegree = GeoMath.MetersPerDegree(0).Y;
        var n = positions.Count;
        var x = new double[n];
        var y = new double[n];
        var u2 = new double[n];

        // Cells as a hash of heads and a "next in the same cell" chain: no list per cell, two arrays for everyone.
        var head = new Dictionary<long, int>(n);
        var next = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = positions[i].Lat * metersPerDegree;
            x[i] = positions[i].Lon * metersPerDegree * Math.Cos(GeoMath.ToRadians(positions[i].Lat));
            var u = positions[i].AccuracyMeters ?? 0;
            u2[i] = u * u;
            var key = Key((long)Math.Floor(x[i] / cell), (long)Math.Floor(y[i] / cell));
            next[i] = head.TryGetValue(key, out var first) ? first : -1;
            head[key] = i;
        }

        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        var linked = new bool[n];
        var widest = cell * cell;
        foreach (var (key, first) in head)
        {
            var (cx, cy) = Unkey(key);
            for (var dx = 0; dx <= 1; dx++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    // Each pair of cells once: the cell itself, and the neighbours "after" it.
                    if ((dx == 0 && dy < 0) || !head.TryGetValue(dx == 0 && dy == 0 ? key : Key(cx + dx, cy + dy), out var other))
                    {
                        continue;
                    }

                    var same = dx == 0 && dy == 0;
                    for (var i = first; i >= 0; i = next[i])
                    {
                        for (var j = same ? next[i] : other; j >= 0; j = next[j])
                        {
                            double ddx = x[i] - x[j], ddy = y[i] - y[j];
                            var d2 = (ddx * ddx) + (ddy * ddy);
                            if (d2 <= widest && d2 <= Square(radiusMeters + Math.Min(maxSlackMeters, Math.Sqrt(u2[i] + u2[j]))))
                            {
                                Union(parent, i, j);
                                linked[i] = linked[j] = true;
                            }
                        }
                    }
                }
            }
        }

        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            if (!linked[i])
            {
                continue; // alone: most people, most of the time
            }

            var root = Find(parent, i);
            if (!groups.TryGetValue(root, out var group))
            {
                groups[root] = group = [];
            }

            group.Add(i);
        }

        return [.. groups.Values.Where(g => g.Count >= minSize)];
    }

    /// <summary>Whether two positions are within the radius of each other plus their combined uncertainty (capped): the link of <see cref="Groups"/>.</summary>
    public static bool Near(LatestPosition a, LatestPosition b, double radiusMeters, double maxSlackMeters)
    {
        var slack = Math.Min(maxSlackMeters, Math.Sqrt(Square(a.AccuracyMeters ?? 0) + Square(b.AccuracyMeters ?? 0)));
        return GeoMath.HaversineMeters(a.Lat, a.Lon, b.Lat, b.Lon) <= radiusMeters + slack;
    }

    private static double Square(double v) => v * v;

    /// <summary>Cell coordinates (metres ÷ radius, within ±2^31 for any radius of a metre or more) as one key.</summary>
    private static long Key(long cx, long cy) => (cx << 32) | (uint)(int)cy;

    private static (long X, long Y) Unkey(long key) => (key >> 32, (int)(uint)key);

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
