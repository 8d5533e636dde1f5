using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Vigil.Domain.Scope;

namespace Vigil.Domain.Rules;

/// <summary>
/// Every active hotspot in one STR-tree over their bounding boxes, so that a fix is tested only against the
/// few hotspots near it.
/// </summary>
public sealed class HotspotIndex
{
    private readonly STRtree<(Guid Id, string Name, ZoneShape Shape)> _tree = new();
    private readonly Dictionary<Guid, ZoneShape> _shapes = [];

    public HotspotIndex(IEnumerable<(Guid Id, string Name, ZoneShape Shape)> hotspots)
    {
        foreach (var hotspot in hotspots)
        {
            _tree.Insert(EnvelopeOf(hotspot.Shape), hotspot);
            _shapes[hotspot.Id] = hotspot.Shape;
            Count++;
        }

        _tree.Build();
    }

    public static HotspotIndex Empty { get; } = new([]);

    public int Count { get; }

    /// <summary>The hotspot the point is inside, if any.</summary>
    public (Guid Id, string Name)? Find(double lat, double lon)
    {
        foreach (var candidate in _tree.Query(new Envelope(lon, lon, lat, lat)))
        {
            if (candidate.Shape.Contains(lat, lon))
            {
                return (candidate.Id, candidate.Name);
            }
        }

        return null;
    }

    /// <summary>How far the point is outside one hotspot, in metres (0 inside); null when no such hotspot is indexed.</summary>
    public double? DistanceMeters(Guid id, double lat, double lon) => _shapes.TryGetValue(id, out var shape) ? shape.DistanceMeters(lat, lon) : null;

    private static Envelope EnvelopeOf(ZoneShape shape)
    {
        if (shape.Bounds is { } bounds)
        {
            return bounds;
        }

        var (mx, my) = Geo.GeoMath.MetersPerDegree(shape.CenterLat!.Value);
        double dLon = shape.RadiusMeters!.Value / mx, dLat = shape.RadiusMeters.Value / my;
        return new Envelope(shape.CenterLon!.Value - dLon, shape.CenterLon.Value + dLon, shape.CenterLat.Value - dLat, shape.CenterLat.Value + dLat);
    }
}
