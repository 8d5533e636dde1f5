namespace Vigil.Domain.Jurisdictions;

/// <summary>A commune or ward: the level whose police station manages people under monitoring.</summary>
public sealed class Commune
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required string ProvinceCode { get; init; }

    /// <summary>Boundary as GeoJSON (Polygon or MultiPolygon), when known.</summary>
    public string? BoundaryGeoJson { get; set; }
}
