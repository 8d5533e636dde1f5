namespace Vigil.Domain.Scope;

/// <summary>
/// One zone of a registered scope: a polygon (GeoJSON) or a circle, with an optional weekly schedule.
/// Zones never change: a change of scope is a new <see cref="ScopeVersion"/>.
/// </summary>
public sealed class Zone
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ScopeVersionId { get; init; }

    public ZoneKind Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>Polygon or MultiPolygon as GeoJSON; null for a circle.</summary>
    public string? GeometryGeoJson { get; init; }

    public double? CenterLat { get; init; }

    public double? CenterLon { get; init; }

    public double? RadiusMeters { get; init; }

    /// <summary>The schedule as stored JSON; null means the zone always applies.</summary>
    public string? ScheduleJson { get; init; }

    public ZoneShape Shape => GeometryGeoJson is { } json
        ? ZoneShape.FromGeoJson(json, "geometry")
        : ZoneShape.Circle(CenterLat!.Value, CenterLon!.Value, RadiusMeters!.Value, "circle");

    public WeeklySchedule? Schedule => ScheduleJson is null ? null : WeeklySchedule.FromJson(ScheduleJson);
}
