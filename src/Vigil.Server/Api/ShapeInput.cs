using System.Text.Json;
using Vigil.Domain;
using Vigil.Domain.Scope;

namespace Vigil.Server.Api;

/// <summary>An area given as a GeoJSON polygon (<c>geometry</c>) or a <c>circle</c>, for zones and hotspots alike.</summary>
internal static class ShapeInput
{
    /// <summary>Validates exactly one shape and returns the GeoJSON to store (null for a circle).</summary>
    /// <param name="prefix">Path before "geometry" / "circle" in error fields, e.g. "zones[1].".</param>
    /// <param name="shapeField">The field named when there is no shape or two.</param>
    /// <param name="what">"A zone", "A hotspot": the subject of the messages.</param>
    public static string? Read(JsonElement? geometry, CircleDto? circle, string prefix, string shapeField, string what)
    {
        if (geometry is { } g && g.ValueKind != JsonValueKind.Null)
        {
            if (circle is not null)
            {
                throw new DomainException(shapeField, "two-shapes", "Give either a geometry or a circle, not both.");
            }

            ZoneShape.FromGeoJson(g, prefix + "geometry");
            return g.GetRawText();
        }

        if (circle is not { } c)
        {
            throw new DomainException(shapeField, "no-shape", $"{what} needs a GeoJSON polygon ('geometry') or a 'circle'.");
        }

        ZoneShape.Circle(c.Lat, c.Lon, c.RadiusMeters, prefix + "circle");
        return null;
    }
}
