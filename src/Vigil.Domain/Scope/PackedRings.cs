using NetTopologySuite.Geometries;

namespace Vigil.Domain.Scope;

/// <summary>
/// A polygonal shape's rings (shell and holes of every part) packed as longitude, latitude pairs in one array, the
/// whole of what a zone keeps of its polygon. Measuring a point walks the edges once with longitude scaled by
/// <see cref="LonScale"/> (so both axes have the same length near the shape): even-odd crossings tell inside from
/// outside (the shape is valid, so its parts and holes do not overlap and the rings of all parts count together), and
/// the nearest edge gives the distance. Against a held NTS polygon with a scaled, prepared copy: a fraction of the
/// memory in every device actor's case (P6), and no allocation per measure (P5).
/// </summary>
internal sealed class PackedRings
{
    private static readonly int[] OnePart = [0];

    private readonly double[] _xy;

    /// <summary>
    /// Where each ring ends in <see cref="_xy"/> (exclusive, in doubles); each ring's last point repeats its first. Null for
    /// a single ring, the common zone (a polygon with no hole), which ends where the array does: one array less per zone.
    /// </summary>
    private readonly int[]? _ringEnds;

    /// <summary>The first ring (its shell) of each part; null for a plain Polygon rather than a MultiPolygon.</summary>
    private readonly int[]? _partStarts;

    private PackedRings(double[] xy, int[]? ringEnds, int[]? partStarts, double lonScale)
    {
        _xy = xy;
        _ringEnds = ringEnds;
        _partStarts = partStarts;
        LonScale = lonScale;
        (MinLon, MinLat, MaxLon, MaxLat) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        for (var i = 0; i < xy.Length; i += 2)
        {
            (MinLon, MaxLon) = (Math.Min(MinLon, xy[i]), Math.Max(MaxLon, xy[i]));
            (MinLat, MaxLat) = (Math.Min(MinLat, xy[i + 1]), Math.Max(MaxLat, xy[i + 1]));
        }
    }

    public double LonScale { get; }

    public double MinLon { get; }

    public double MinLat { get; }

    public double MaxLon { get; }

    public double MaxLat { get; }

    public Envelope Bounds => new(MinLon, MaxLon, MinLat, MaxLat);

    /// <param name="polygonal">A valid Polygon or MultiPolygon.</param>
    public static PackedRings Of(Geometry polygonal)
    {
        var parts = Enumerable.Range(0, polygonal.NumGeometries).Select(i => (Polygon)polygonal.GetGeometryN(i)).ToList();
        var rings = parts.SelectMany(p => p.InteriorRings.Prepend(p.ExteriorRing)).ToList();
        var xy = new double[rings.Sum(r => r.NumPoints) * 2];
        var ends = new int[rings.Count];
        var n = 0;
        for (var r = 0; r < rings.Count; r++)
        {
            var sequence = rings[r].CoordinateSequence;
            for (var i = 0; i < sequence.Count; i++)
            {
                xy[n++] = sequence.GetX(i);
                xy[n++] = sequence.GetY(i);
            }

            ends[r] = n;
        }

        int[]? starts = null;
        if (polygonal is MultiPolygon)
        {
            starts = parts.Count == 1 ? OnePart : new int[parts.Count];
            for (int p = 1, ring = 0; p < parts.Count; p++)
            {
                ring += 1 + parts[p - 1].NumInteriorRings;
                starts[p] = ring;
            }
        }

        return new PackedRings(xy, ends.Length == 1 ? null : ends, starts, Math.Cos(Geo.GeoMath.ToRadians(polygonal.EnvelopeInternal.Centre.Y)));
    }

    /// <summary>The distance from (x, y) (x = longitude × <see cref="LonScale"/>) to the shape in scaled degrees; 0 inside or on an edge.</summary>
    public double Distance(double x, double y)
    {
        var (inside, nearest) = (false, double.MaxValue);
        if (_ringEnds is null)
        {
            Walk(0, _xy.Length, x, y, ref inside, ref nearest);
        }
        else
        {
            var start = 0;
            foreach (var end in _ringEnds)
            {
                Walk(start, end, x, y, ref inside, ref nearest);
                start = end;
            }
        }

        return inside ? 0 : Math.Sqrt(nearest);
    }

    /// <summary>One ring's edges: flips <paramref name="inside"/> at each crossing, lowers <paramref name="nearest"/> (squared).</summary>
    private void Walk(int start, int end, double x, double y, ref bool inside, ref double nearest)
    {
        var scale = LonScale;
        for (var i = start; i + 3 < end; i += 2)
        {
            double ax = _xy[i] * scale, ay = _xy[i + 1], bx = _xy[i + 2] * scale, by = _xy[i + 3];
            // Even-odd: the edge crosses the horizontal through y to the right of x (half-open in y, so a vertex counts once).
            if ((ay > y) != (by > y) && x < ax + ((y - ay) * (bx - ax) / (by - ay)))
            {
                inside = !inside;
            }

            nearest = Math.Min(nearest, SegmentDistanceSquared(x, y, ax, ay, bx, by));
        }
    }

    /// <summary>The NTS geometry again: a Polygon, or a MultiPolygon if it was one.</summary>
    public Geometry ToGeometry(GeometryFactory factory)
    {
        var ends = _ringEnds ?? [_xy.Length];
        var rings = new LinearRing[ends.Length];
        for (int r = 0, start = 0; r < rings.Length; start = ends[r++])
        {
            var coordinates = new Coordinate[(ends[r] - start) / 2];
            for (var i = 0; i < coordinates.Length; i++)
            {
                coordinates[i] = new Coordinate(_xy[start + (2 * i)], _xy[start + (2 * i) + 1]);
            }

            rings[r] = factory.CreateLinearRing(coordinates);
        }

        if (_partStarts is null)
        {
            return factory.CreatePolygon(rings[0], rings[1..]);
        }

        return factory.CreateMultiPolygon([.. _partStarts.Select((first, p) =>
        {
            var last = p + 1 < _partStarts.Length ? _partStarts[p + 1] : rings.Length;
            return factory.CreatePolygon(rings[first], rings[(first + 1)..last]);
        })]);
    }

    private static double SegmentDistanceSquared(double x, double y, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        var length = (dx * dx) + (dy * dy);
        var t = length == 0 ? 0 : Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / length, 0, 1);
        double ex = ax + (t * dx) - x, ey = ay + (t * dy) - y;
        return (ex * ex) + (ey * ey);
    }
}
