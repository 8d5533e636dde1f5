using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Hotspots;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>
/// The hotspot registry: national entries (C04) seen by everyone, provincial entries seen by that province and
/// the nation. Analysts and supervisors maintain it; GeoJSON import takes good features and reports bad ones.
/// </summary>
internal static class HotspotEndpoints
{
    /// <summary>Who maintains the registry (and promotes suspicious places into it): supervisors and analysts above the communes.</summary>
    internal static readonly Role[] Editors = [Role.NationalSupervisor, Role.ProvincialSupervisor, Role.ProvincialAnalyst];

    public static void MapHotspotEndpoints(this RouteGroupBuilder api)
    {
        var hotspots = api.MapGroup("/hotspots").WithTags("Hotspots");
        hotspots.MapGet("", ListAsync);
        hotspots.MapPost("", CreateAsync);
        hotspots.MapGet("/{id:guid}", GetAsync);
        hotspots.MapPut("/{id:guid}", UpdateAsync);
        hotspots.MapPost("/import", ImportAsync).AllowLargeBody(32 * 1024 * 1024);
    }

    private static Task<PageOf<HotspotDto>> ListAsync(VigilDbContext db, Access access, string? status, int? page, int? pageSize,
        CancellationToken ct)
    {
        access.Require(Access.CaseReaders);
        var query = Visible(db, access);
        if (Check.QueryEnum<HotspotStatus>(status, "status") is { } s)
        {
            query = query.Where(h => h.Status == s);
        }

        return query.OrderBy(h => h.Name).ToPageAsync(page, pageSize, HotspotDto.From, ct);
    }

    private static async Task<HotspotDto> GetAsync(Guid id, HttpContext http, VigilDbContext db, Access access, CancellationToken ct)
    {
        access.Require(Access.CaseReaders);
        var hotspot = await Visible(db, access).SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("id", "There is no such hotspot.");
        http.SetETag(hotspot.Version);
        return HotspotDto.From(hotspot);
    }

    private static async Task<IResult> CreateAsync(HotspotRequest request, VigilDbContext db, Access access, AuditLog audit, TimeProvider clock,
        CancellationToken ct)
    {
        access.Require(Editors);
        var hotspot = Build(request, access, HotspotSource.Registry, clock.GetUtcNow());
        db.Hotspots.Add(hotspot);
        audit.Record("hotspot.create", "hotspot", hotspot.Id, details: new { hotspot.Name, hotspot.Category });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/hotspots/{hotspot.Id}", HotspotDto.From(hotspot));
    }

    private static async Task<HotspotDto> UpdateAsync(Guid id, HotspotRequest request, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        access.Require(Editors);
        var hotspot = await Visible(db, access).SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("id", "There is no such hotspot.");
        if (hotspot.ProvinceCode is null && access.Jurisdiction.Level != UnitLevel.National)
        {
            throw new ForbiddenException("National registry entries are maintained by C04.");
        }

        http.RequireVersion(hotspot.Version);
        var updated = Build(request, access, hotspot.Source, clock.GetUtcNow());
        hotspot.Name = updated.Name;
        hotspot.Category = updated.Category;
        hotspot.Status = updated.Status;
        hotspot.GeometryGeoJson = updated.GeometryGeoJson;
        hotspot.CenterLat = updated.CenterLat;
        hotspot.CenterLon = updated.CenterLon;
        hotspot.RadiusMeters = updated.RadiusMeters;
        hotspot.Notes = updated.Notes;
        audit.Record("hotspot.update", "hotspot", hotspot.Id);
        await audit.SaveAsync(ct);
        http.SetETag(hotspot.Version);
        return HotspotDto.From(hotspot);
    }

    /// <summary>
    /// A GeoJSON FeatureCollection; each feature's properties give <c>name</c>, <c>category</c>, optional <c>notes</c>
    /// and (for a Point geometry) <c>radiusMeters</c>.
    /// </summary>
    private static async Task<ImportResult> ImportAsync(JsonElement body, VigilDbContext db, Access access, AuditLog audit, TimeProvider clock,
        CancellationToken ct)
    {
        access.Require(Editors);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new DomainException("features", "missing", "A GeoJSON FeatureCollection with a 'features' array is expected.");
        }

        var rejected = new List<ImportRejection>();
        var added = 0;
        var now = clock.GetUtcNow();
        foreach (var (feature, i) in features.EnumerateArray().Select((f, i) => (f, i)))
        {
            try
            {
                db.Hotspots.Add(Build(FromFeature(feature), access, HotspotSource.Import, now));
                added++;
            }
            catch (DomainException e)
            {
                rejected.Add(new ImportRejection(i, e.Field, e.Message));
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or FormatException)
            {
                // A feature whose JSON is not shaped as GeoJSON: refuse it, keep the others.
                rejected.Add(new ImportRejection(i, "geometry", $"The feature is not valid GeoJSON: {e.Message}"));
            }
        }

        audit.Record("hotspot.import", "hotspot", null, details: new { added, rejected = rejected.Count });
        await audit.SaveAsync(ct);
        return new ImportResult(added, 0, rejected);
    }

    private static HotspotRequest FromFeature(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            throw new DomainException("geometry", "missing", "Each feature needs a geometry.");
        }

        var props = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        string? Prop(string key) => props.ValueKind == JsonValueKind.Object && props.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var category = Enum.TryParse<HotspotCategory>(Prop("category"), ignoreCase: true, out var c) ? c
            : throw new DomainException("properties.category", "unknown-value", $"'{Prop("category")}' is not a hotspot category.");
        if (!geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new DomainException("geometry.type", "missing", "A GeoJSON geometry needs a 'type' string.");
        }

        if (type.GetString() == "Point")
        {
            if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array
                || coordinates.GetArrayLength() < 2 || coordinates[0].ValueKind != JsonValueKind.Number || coordinates[1].ValueKind != JsonValueKind.Number)
            {
                throw new DomainException("geometry.coordinates", "invalid-position", "A Point needs coordinates [longitude, latitude] as numbers.");
            }

            var radius = props.ValueKind == JsonValueKind.Object && props.TryGetProperty("radiusMeters", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : 50;
            return new HotspotRequest(Prop("name") ?? "", category, null, new CircleDto(coordinates[1].GetDouble(), coordinates[0].GetDouble(), radius), null, Prop("notes"));
        }

        return new HotspotRequest(Prop("name") ?? "", category, geometry, null, null, Prop("notes"));
    }

    internal static Hotspot Build(HotspotRequest request, Access access, HotspotSource source, DateTimeOffset now)
    {
        var name = Check.Text(request.Name, "name", 200);
        var category = Check.Defined(request.Category ?? throw Check.Missing("category"), "category");
        var geometry = ShapeInput.Read(request.Geometry, request.Circle, "", "geometry", "A hotspot");

        var j = access.Jurisdiction;
        return new Hotspot
        {
            Name = name,
            Category = category,
            Source = source,
            Status = request.Status is { } s ? Check.Defined(s, "status") : HotspotStatus.Active,
            GeometryGeoJson = geometry,
            CenterLat = request.Circle?.Lat,
            CenterLon = request.Circle?.Lon,
            RadiusMeters = request.Circle?.RadiusMeters,
            ProvinceCode = j.Level == UnitLevel.National ? null : j.ProvinceCode,
            Notes = Check.Optional(request.Notes, "notes", 2000),
            CreatedAt = now,
            CreatedBy = access.User.Id,
        };
    }

    private static IQueryable<Hotspot> Visible(VigilDbContext db, Access access)
    {
        var j = access.Jurisdiction;
        return db.Hotspots.Where(h => j.Level == UnitLevel.National || h.ProvinceCode == null || h.ProvinceCode == j.ProvinceCode);
    }
}

public sealed record HotspotRequest(string Name, HotspotCategory? Category, JsonElement? Geometry, CircleDto? Circle, HotspotStatus? Status, string? Notes);

public sealed record HotspotDto(Guid Id, string Name, HotspotCategory Category, HotspotSource Source, HotspotStatus Status, JsonElement? Geometry,
    CircleDto? Circle, string? ProvinceCode, string? Notes, DateTimeOffset CreatedAt, long Version)
{
    public static HotspotDto From(Hotspot h) => new(h.Id, h.Name, h.Category, h.Source, h.Status,
        h.GeometryGeoJson is null ? null : JsonDocument.Parse(h.GeometryGeoJson).RootElement.Clone(),
        h.CenterLat is { } lat ? new CircleDto(lat, h.CenterLon!.Value, h.RadiusMeters!.Value) : null, h.ProvinceCode, h.Notes, h.CreatedAt, h.Version);
}
