using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Vigil.Domain.Geo;

namespace Vigil.Domain.Scope;

/// <summary>
/// A validated area: a GeoJSON Polygon or MultiPolygon, or a circle. Validation names the exact coordinate at
/// fault: rings must be closed, must not cross themselves, must lie inside Vietnam and have a plausible size.
/// </summary>
public sealed class ZoneShape
{
    public const double MinimumAreaSquareMeters = 25;
    public const double MaximumAreaSquareMeters = 30_000e6;
    public const double MinimumRadiusMeters = 10;
    public const double MaximumRadiusMeters = 100_000;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    // Plain doubles, not nullable ones: every device actor's case holds a few shapes, and a circle is most of them.
    private readonly double _centerLat;
    private readonly double _centerLon;
    private readonly double _radiusMeters;

    /// <summary>A polygon's rings, packed (null for a circle): the NTS geometry is not kept (P6, docs/benchmarks.md).</summary>
    private readonly PackedRings? _rings;

    private ZoneShape(PackedRings? rings, double centerLat, double centerLon, double radiusMeters)
    {
        _rings = rings;
        _centerLat = centerLat;
        _centerLon = centerLon;
        _radiusMeters = radiusMeters;
    }

    /// <summary>
    /// The polygonal geometry (x = longitude, y = latitude); null for a circle. Built anew on each read from the packed
    /// rings (the shapes in device actors' cases are only measured, and a held NTS polygon was ~380 bytes each).
    /// </summary>
    public Geometry? Polygon => _rings?.ToGeometry(Factory);

    public bool IsCircle => _rings is null;

    public double? CenterLat => _rings is null ? _centerLat : null;

    public double? CenterLon => _rings is null ? _centerLon : null;

    public double? RadiusMeters => _rings is null ? _radiusMeters : null;

    /// <summary>The bounding box of a polygon (min/max longitude and latitude); null for a circle.</summary>
    public Envelope? Bounds => _rings?.Bounds;

    public bool Contains(double lat, double lon) => DistanceMeters(lat, lon) <= 0;

    /// <summary>
    /// How far the point is outside the shape, in metres; 0 when inside or on the edge. Polygons are measured on
    /// their rings scaled so that a degree of longitude and of latitude are the same length near the shape (an
    /// equirectangular projection: well under 1 % error at zone sizes).
    /// </summary>
    public double DistanceMeters(double lat, double lon)
    {
        if (_rings is null)
        {
            return Math.Max(0, GeoMath.HaversineMeters(_centerLat, _centerLon, lat, lon) - _radiusMeters);
        }

        return _rings.Distance(lon * _rings.LonScale, lat) * GeoMath.MetersPerDegree(0).Y;
    }

    /// <summary>
    /// A cheap lower bound of <see cref="DistanceMeters"/> (distance to the bounding box, or to the circle): lets a
    /// caller looking for the nearest of several zones skip the exact measure of those that cannot be nearer.
    /// </summary>
    public double MinimumDistanceMeters(double lat, double lon)
    {
        if (_rings is not { } local)
        {
            return DistanceMeters(lat, lon);
        }

        var x = lon * local.LonScale;
        var dx = Math.Max(0, Math.Max((local.MinLon * local.LonScale) - x, x - (local.MaxLon * local.LonScale)));
        var dy = Math.Max(0, Math.Max(local.MinLat - lat, lat - local.MaxLat));
        return Math.Sqrt((dx * dx) + (dy * dy)) * GeoMath.MetersPerDegree(0).Y;
    }

    /// <summary>The distance to the nearest of <paramref name="shapes"/>, measuring exactly only those that could be nearest.</summary>
    public static (double Meters, int Index) Nearest(IReadOnlyList<ZoneShape> shapes, double lat, double lon)
    {
        var best = double.MaxValue;
        var index = -1;
        for (var i = 0; i < shapes.Count && best > 0; i++)
        {
            if (shapes[i].MinimumDistanceMeters(lat, lon) < best)
            {
                var d = shapes[i].DistanceMeters(lat, lon);
                if (d < best)
                {
                    (best, index) = (d, i);
                }
            }
        }

        return (best, index);
    }

    public static ZoneShape Circle(double lat, double lon, double radiusMeters, string field)
    {
        CheckPosition(lat, lon, field);
        if (!double.IsFinite(radiusMeters) || radiusMeters < MinimumRadiusMeters || radiusMeters > MaximumRadiusMeters)
        {
            throw new DomainException($"{field}.radiusMeters", "implausible-size",
                $"The radius must be between {MinimumRadiusMeters} m and {MaximumRadiusMeters / 1000} km; {radiusMeters} was given.");
        }

        return new ZoneShape(null, lat, lon, radiusMeters);
    }

    public static ZoneShape FromGeoJson(string json, string field)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromGeoJson(document.RootElement, field);
        }
        catch (JsonException e)
        {
            throw new DomainException(field, "malformed-json", $"The geometry is not valid JSON: {e.Message}");
        }
    }

    public static ZoneShape FromGeoJson(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DomainException(field, "not-an-object", "A GeoJSON geometry must be an object.");
        }

        if (element.TryGetProperty("type", out var typeProperty) && typeProperty.ValueKind == JsonValueKind.String
            && typeProperty.GetString() == "Feature" && element.TryGetProperty("geometry", out var inner))
        {
            return FromGeoJson(inner, $"{field}.geometry");
        }

        var type = typeProperty.ValueKind == JsonValueKind.String ? typeProperty.GetString() : null;
        if (!element.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new DomainException($"{field}.coordinates", "missing", "A GeoJSON geometry needs a 'coordinates' array.");
        }

        Geometry geometry = type switch
        {
            "Polygon" => ReadPolygon(coordinates, $"{field}.coordinates"),
            "MultiPolygon" => Factory.CreateMultiPolygon(coordinates.EnumerateArray()
                .Select((p, i) => ReadPolygon(p, $"{field}.coordinates[{i}]")).ToArray()),
            _ => throw new DomainException($"{field}.type", "unsupported-type",
                $"A zone must be a GeoJSON Polygon or MultiPolygon; '{type ?? "(none)"}' was given."),
        };

        // An empty MultiPolygon is valid to NTS and its area is NaN, which slips past the size check.
        if (geometry.IsEmpty)
        {
            throw new DomainException($"{field}.coordinates", "missing", "A MultiPolygon needs at least one polygon.");
        }

        var validity = new IsValidOp(geometry).ValidationError;
        if (validity is not null)
        {
            var code = validity.ErrorType == TopologyValidationErrors.SelfIntersection
                || validity.ErrorType == TopologyValidationErrors.RingSelfIntersection
                ? "self-intersection"
                : "invalid-geometry";
            throw new DomainException($"{field}.coordinates", code,
                $"{validity.Message} near longitude {validity.Coordinate?.X}, latitude {validity.Coordinate?.Y}.");
        }

        var area = AreaSquareMeters(geometry);
        if (area < MinimumAreaSquareMeters || area > MaximumAreaSquareMeters)
        {
            throw new DomainException($"{field}.coordinates", "implausible-size",
                $"The area is {area:0} m²; a zone must be between {MinimumAreaSquareMeters} m² and {MaximumAreaSquareMeters / 1e6:0} km².");
        }

        return new ZoneShape(PackedRings.Of(geometry), 0, 0, 0);
    }

    /// <summary>Area on a local equirectangular projection around the shape: accurate to well under 1 % at zone sizes.</summary>
    public static double AreaSquareMeters(Geometry geometry)
    {
        var (mx, my) = GeoMath.MetersPerDegree(geometry.Centroid.Y);
        return geometry.Area * mx * my;
    }

    private static Polygon ReadPolygon(JsonElement rings, string field)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            throw new DomainException(field, "missing", "A polygon needs at least one ring.");
        }

        var linear = rings.EnumerateArray().Select((r, i) => ReadRing(r, $"{field}[{i}]")).ToArray();
        return Factory.CreatePolygon(linear[0], linear[1..]);
    }

    private static LinearRing ReadRing(JsonElement ring, string field)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
        {
            throw new DomainException(field, "too-few-positions", "A ring needs at least four positions, the last equal to the first.");
        }

        var coordinates = ring.EnumerateArray().Select((p, i) => ReadPosition(p, $"{field}[{i}]")).ToArray();
        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            throw new DomainException(field, "ring-not-closed", "The ring is not closed: its last position must equal its first.");
        }

        return Factory.CreateLinearRing(coordinates);
    }

    private static Coordinate ReadPosition(JsonElement position, string field)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw new DomainException(field, "invalid-position", "A position must be [longitude, latitude] as numbers.");
        }

        var lon = position[0].GetDouble();
        var lat = position[1].GetDouble();
        CheckPosition(lat, lon, field);
        return new Coordinate(lon, lat);
    }

    private static void CheckPosition(double lat, double lon, string field)
    {
        if (!double.IsFinite(lat) || lat is < -90 or > 90 || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            throw new DomainException(field, "out-of-range", $"Latitude must be within ±90 and longitude within ±180; got {lat}, {lon}.");
        }

        if (!VietnamBounds.Contains(lat, lon))
        {
            throw new DomainException(field, "outside-vietnam", $"The position {lat}, {lon} (latitude, longitude) is outside Vietnam.");
        }
    }
}
