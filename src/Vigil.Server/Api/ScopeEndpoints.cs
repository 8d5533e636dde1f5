using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.People;
using Vigil.Domain.Scope;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>
/// The registered scope (residence, travel, activity and work zones). Registering a scope makes a new version
/// that takes effect when recorded; old versions are kept so that any instant can be judged by its own scope.
/// </summary>
internal static class ScopeEndpoints
{
    public const int MaxZones = 20;

    public static void MapScopeEndpoints(this RouteGroupBuilder api)
    {
        var scope = api.MapGroup("/persons/{id:guid}/scope").WithTags("Scope");
        scope.MapGet("", GetAsync);
        scope.MapGet("/versions", VersionsAsync);
        scope.MapPost("", RegisterAsync);
    }

    /// <summary>The scope in force at <paramref name="at"/> (default: now).</summary>
    private static async Task<ScopeDto> GetAsync(Guid id, DateTimeOffset? at, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCanRead(person);
        var instant = at ?? clock.GetUtcNow();
        var versions = await db.ScopeVersions.AsNoTracking().Include(s => s.Zones).Where(s => s.PersonId == id).ToListAsync(ct);
        var version = versions.SingleOrDefault(v => v.InForceAt(instant))
            ?? throw new NotFoundException("at", $"No scope was registered for this person at {instant:u}.");
        audit.Record("scope.read", "scope", version.Id, person.Id);
        await audit.SaveAsync(ct);
        return ScopeDto.From(version);
    }

    private static async Task<IReadOnlyList<ScopeDto>> VersionsAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct)
    {
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCanRead(person);
        var versions = await db.ScopeVersions.AsNoTracking().Include(s => s.Zones).Where(s => s.PersonId == id).OrderBy(s => s.Number).ToListAsync(ct);
        audit.Record("scope.history-read", "person", person.Id, person.Id);
        await audit.SaveAsync(ct);
        return versions.Select(ScopeDto.From).ToList();
    }

    private static async Task<IResult> RegisterAsync(Guid id, ScopeRequest request, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        var version = await RecordVersionAsync(db, person, request, access.User.Id, clock.GetUtcNow(), null, ct);
        audit.Record("scope.register", "scope", version.Id, person.Id, new { version.Number, zones = version.Zones.Count });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/persons/{person.Id}/scope", ScopeDto.From(version));
    }

    /// <summary>Validates the zones and records them as the person's new scope version (not yet saved).</summary>
    internal static async Task<ScopeVersion> RecordVersionAsync(VigilDbContext db, Person person, ScopeRequest request, Guid by, DateTimeOffset now,
        Guid? requestId, CancellationToken ct)
    {
        var versionId = Guid.CreateVersion7();
        var built = Validate(request, "", versionId);
        var current = await db.ScopeVersions.Where(s => s.PersonId == person.Id && s.EffectiveUntil == null).SingleOrDefaultAsync(ct);
        current?.SupersedeAt(now);
        var version = new ScopeVersion
        {
            Id = versionId,
            PersonId = person.Id,
            Number = (current?.Number ?? 0) + 1,
            EffectiveFrom = now,
            RecordedAt = now,
            RecordedBy = by,
            RequestId = requestId,
            Note = Check.Optional(request.Note, "note", 2000),
            Zones = built,
        };
        db.ScopeVersions.Add(version);
        return version;
    }

    /// <summary>Checks a whole scope (also for a scope-change request, with <paramref name="prefix"/> "scope.") and builds its zones.</summary>
    internal static List<Zone> Validate(ScopeRequest? request, string prefix, Guid versionId)
    {
        var zones = request?.Zones ?? throw new DomainException(prefix + "zones", "required", "A scope needs its zones.");
        if (zones.Count is 0 or > MaxZones)
        {
            throw new DomainException(prefix + "zones", "count-out-of-range", $"A scope has between 1 and {MaxZones} zones.");
        }

        var built = zones.Select((z, i) => BuildZone(z ?? throw Check.Missing($"{prefix}zones[{i}]"), $"{prefix}zones[{i}]", versionId)).ToList();
        if (!built.Any(z => z.Kind == ZoneKind.Residence))
        {
            throw new DomainException(prefix + "zones", "residence-required", "A scope must include the residence zone.");
        }

        return built;
    }

    private static Zone BuildZone(ZoneRequest z, string field, Guid versionId)
    {
        var kind = Check.Defined(z.Kind ?? throw Check.Missing($"{field}.kind"), $"{field}.kind");
        var name = Check.Text(z.Name, $"{field}.name", 150);
        var geometry = ShapeInput.Read(z.Geometry, z.Circle, $"{field}.", field, "A zone");

        var schedule = z.Schedule is null ? null
            : WeeklySchedule.Parse(z.Schedule.Select((w, i) => w is null
                ? throw Check.Missing($"{field}.schedule[{i}]")
                : ((IReadOnlyList<string>)(w.Days ?? []), w.From ?? "", w.To ?? "")).ToList(), $"{field}.schedule");
        return new Zone
        {
            ScopeVersionId = versionId,
            Kind = kind,
            Name = name,
            GeometryGeoJson = geometry,
            CenterLat = z.Circle?.Lat,
            CenterLon = z.Circle?.Lon,
            RadiusMeters = z.Circle?.RadiusMeters,
            ScheduleJson = schedule?.ToJson(),
        };
    }
}

public sealed record CircleDto(double Lat, double Lon, double RadiusMeters);

/// <summary>A schedule window: days ("monday" … "sunday") and a time range "HH:mm" in Vietnam time.</summary>
public sealed record ScheduleWindowDto(IReadOnlyList<string>? Days, string? From, string? To);

/// <summary>A zone: a GeoJSON Polygon/MultiPolygon in <c>geometry</c>, or a <c>circle</c>; optional weekly schedule.</summary>
public sealed record ZoneRequest(ZoneKind? Kind, string Name, JsonElement? Geometry, CircleDto? Circle, IReadOnlyList<ScheduleWindowDto>? Schedule);

public sealed record ScopeRequest(IReadOnlyList<ZoneRequest> Zones, string? Note);

public sealed record ZoneDto(Guid Id, ZoneKind Kind, string Name, JsonElement? Geometry, CircleDto? Circle, IReadOnlyList<ScheduleWindowDto>? Schedule)
{
    public static ZoneDto From(Zone z) => new(z.Id, z.Kind, z.Name,
        z.GeometryGeoJson is null ? null : JsonDocument.Parse(z.GeometryGeoJson).RootElement.Clone(),
        z.CenterLat is { } lat ? new CircleDto(lat, z.CenterLon!.Value, z.RadiusMeters!.Value) : null,
        z.Schedule?.Windows.Select(w => new ScheduleWindowDto(w.Days.Select(d => d.ToString().ToLowerInvariant()).ToList(),
            w.From.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), w.To.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ToList());
}

public sealed record ScopeDto(Guid Id, Guid PersonId, int Number, DateTimeOffset EffectiveFrom, DateTimeOffset? EffectiveUntil,
    DateTimeOffset RecordedAt, Guid RecordedBy, Guid? RequestId, string? Note, IReadOnlyList<ZoneDto> Zones)
{
    public static ScopeDto From(ScopeVersion s) => new(s.Id, s.PersonId, s.Number, s.EffectiveFrom, s.EffectiveUntil, s.RecordedAt,
        s.RecordedBy, s.RequestId, s.Note, s.Zones.Select(ZoneDto.From).ToList());
}
