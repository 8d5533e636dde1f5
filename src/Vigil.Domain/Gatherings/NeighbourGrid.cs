using Vigil.Domain.Geo;

namespace Vigil.Domain.Gatherings;

/// <summary>
/// Groups of positions within a radius of each other, by grid hashing: each position goes in a square cell as wide
/// as the radius, so its neighbours can only be in the 3 × 3 cells around it. Linear in the number of positions.
/// Coordinates are projected to local metres (equirectangular, with the cosine of each position's own latitude):
/// at 50 m the error is centimetres.
/// </summary>
internal static class NeighbourGrid
{
    /// <summary>
    /// The connected groups (single linkage at <paramref name="radiusMeters"/>) of at least <paramref name="minSize"/>
    /// positions, as index lists into <paramref name="positions"/>.
    /// </summary>
    public static List<List<int>> Groups(IReadOnlyList<LatestPosition> positions, double radiusMeters, int minSize)
    {
        var metersPerDegree = GeoMath.MetersPerDegree(0).Y;
        var x = new double[positions.Count];
        var y = new double[positions.Count];
        var cells = new Dictionary<(long, long), List<int>>(positions.Count);
        for (var i = 0; i < positions.Count; i++)
        {
            y[i] = positions[i].Lat * metersPerDegree;
            x[i] = positions[i].Lon * metersPerDegree * Math.Cos(GeoMath.ToRadians(positions[i].Lat));
            var key = ((long)Math.Floor(x[i] / radiusMeters), (long)Math.Floor(y[i] / radiusMeters));
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = new List<int>(1);
            }

            list.Add(i);
        }

        var parent = new int[positions.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        var linked = new bool[positions.Count];
        var r2 = radiusMeters * radiusMeters;
        foreach (var ((cx, cy), members) in cells)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    // Each pair of cells once: the cell itself, and the neighbours "after" it.
                    if (dx < 0 || (dx == 0 && dy < 0) || !cells.TryGetValue((cx + dx, cy + dy), out var others))
                    {
                        continue;
                    }

                    var same = dx == 0 && dy == 0;
                    for (var a = 0; a < members.Count; a++)
                    {
                        for (var b = same ? a + 1 : 0; b < others.Count; b++)
                        {
                            int i = members[a], j = others[b];
                            double ddx = x[i] - x[j], ddy = y[i] - y[j];
                            if ((ddx * ddx) + (ddy * ddy) <= r2)
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
        for (var i = 0; i < parent.Length; i++)
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
