namespace Vigil.Domain.Hotspots;

/// <summary>A known drug-related venue or a discovered private place; entering one raises an alert.</summary>
public sealed class Hotspot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public HotspotCategory Category { get; set; }

    public HotspotSource Source { get; init; }

    public HotspotStatus Status { get; set; }

    /// <summary>Polygon as GeoJSON, or null for a circle.</summary>
    public string? GeometryGeoJson { get; set; }

    public double? CenterLat { get; set; }

    public double? CenterLon { get; set; }

    public double? RadiusMeters { get; set; }

    /// <summary>Null for a national-registry entry; otherwise the province that owns it.</summary>
    public string? ProvinceCode { get; init; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public long Version { get; set; }
}
