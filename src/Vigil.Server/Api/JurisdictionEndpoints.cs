using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Scope;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>Provinces, communes (with CSV or GeoJSON import) and police units.</summary>
internal static class JurisdictionEndpoints
{
    public static void MapJurisdictionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Jurisdictions");
        group.MapGet("/provinces", ListProvincesAsync);
        group.MapGet("/provinces/{code}/communes", ListCommunesAsync);
        group.MapPost("/communes/import", ImportCommunesAsync).AllowLargeBody(64 * 1024 * 1024).WithRequestTimeout(TimeSpan.FromMinutes(5));
        group.MapGet("/units", ListUnitsAsync);
        group.MapPost("/units", CreateUnitAsync);
    }

    private static Task<PageOf<ProvinceDto>> ListProvincesAsync(VigilDbContext db, Access access, int? page, int? pageSize, CancellationToken ct)
    {
        access.Require(Access.Officers);
        return db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToPageAsync(page, pageSize, ProvinceDto.From, ct);
    }

    private static async Task<PageOf<CommuneDto>> ListCommunesAsync(string code, VigilDbContext db, Access access, int? page, int? pageSize,
        CancellationToken ct)
    {
        access.Require(Access.Officers);
        if (!await db.Provinces.AnyAsync(p => p.Code == code, ct))
        {
            throw new NotFoundException("code", $"There is no province {code}.");
        }

        return await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == code).OrderBy(c => c.Code)
            .ToPageAsync(page, pageSize, CommuneDto.From, ct);
    }

    /// <summary>
    /// Imports communes from CSV (header <c>code,name,province</c>, optional <c>boundary</c> GeoJSON column) or a
    /// GeoJSON FeatureCollection (properties <c>code</c>, <c>name</c>, <c>province</c>). Good rows are taken;
    /// each bad row is reported with its index, field and reason.
    /// </summary>
    private static async Task<ImportResult> ImportCommunesAsync(HttpRequest request, VigilDbContext db, Access access, AuditLog audit,
        CancellationToken ct)
    {
        access.Require(Role.SystemAdministrator);
        if (access.Jurisdiction.Level != UnitLevel.National)
        {
            throw new ForbiddenException("Communes are imported by the national administrator.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        var rows = text.TrimStart().StartsWith('{') ? CommuneImport.FromGeoJson(text) : CommuneImport.FromCsv(text);
        var provinces = await db.Provinces.Select(p => p.Code).ToListAsync(ct);
        var existing = await db.Communes.ToDictionaryAsync(c => c.Code, ct);
        var rejected = new List<ImportRejection>();
        int added = 0, updated = 0;
        foreach (var row in rows)
        {
            try
            {
                if (row.Error is not null)
                {
                    throw row.Error;
                }

                if (!provinces.Contains(row.Province!))
                {
                    throw new DomainException("province", "unknown-province", $"There is no province '{row.Province}'.");
                }

                var boundary = row.Boundary is null ? null : ZoneShape.FromGeoJson(row.Boundary, "boundary");
                if (boundary is not null && boundary.IsCircle)
                {
                    throw new DomainException("boundary", "unsupported-type", "A commune boundary must be a polygon.");
                }

                if (existing.TryGetValue(row.Code!, out var commune))
                {
                    if (commune.ProvinceCode != row.Province)
                    {
                        throw new DomainException("province", "province-mismatch", $"Commune {row.Code} belongs to province {commune.ProvinceCode}.");
                    }

                    commune.Name = row.Name!;
                    commune.BoundaryGeoJson = row.Boundary ?? commune.BoundaryGeoJson;
                    updated++;
                }
                else
                {
                    commune = new Commune { Code = row.Code!, Name = row.Name!, ProvinceCode = row.Province!, BoundaryGeoJson = row.Boundary };
                    db.Communes.Add(commune);
                    existing[commune.Code] = commune;
                    added++;
                }
            }
            catch (DomainException e)
            {
                rejected.Add(new ImportRejection(row.Index, e.Field, e.Message));
            }
        }

        audit.Record("commune.import", "commune", null, details: new { added, updated, rejected = rejected.Count });
        await audit.SaveAsync(ct);
        return new ImportResult(added, updated, rejected);
    }

    private static async Task<PageOf<UnitDto>> ListUnitsAsync(VigilDbContext db, Access access, int? page, int? pageSize, CancellationToken ct)
    {
        access.Require(Access.Officers);
        var j = access.Jurisdiction;
        var units = db.Units.AsNoTracking();
        units = j.Level switch
        {
            UnitLevel.National => units,
            UnitLevel.Provincial => units.Where(u => u.ProvinceCode == j.ProvinceCode),
            _ => units.Where(u => u.CommuneCode == j.CommuneCode),
        };
        return await units.OrderBy(u => u.Level).ThenBy(u => u.Name).ToPageAsync(page, pageSize, UnitDto.From, ct);
    }

    private static async Task<IResult> CreateUnitAsync(CreateUnitRequest request, VigilDbContext db, Access access, AuditLog audit,
        CancellationToken ct)
    {
        access.Require(Role.SystemAdministrator);
        if (access.Jurisdiction.Level != UnitLevel.National)
        {
            throw Access.Forbidden();
        }

        var name = Check.Text(request.Name, "name", 200);
        var unit = Check.Defined(request.Level ?? throw Check.Missing("level"), "level") switch
        {
            UnitLevel.National => Unit.National(name),
            UnitLevel.Provincial => Unit.Provincial(name, await RequireProvinceAsync(db, request.ProvinceCode, ct)),
            _ => await CommuneUnitAsync(db, name, request.CommuneCode, ct),
        };
        db.Units.Add(unit);
        audit.Record("unit.create", "unit", unit.Id, details: new { unit.Name, unit.Level });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unit.Id}", UnitDto.From(unit));
    }

    private static async Task<Unit> CommuneUnitAsync(VigilDbContext db, string name, string? communeCode, CancellationToken ct)
    {
        var commune = await db.Communes.AsNoTracking().SingleOrDefaultAsync(c => c.Code == communeCode, ct)
            ?? throw new DomainException("communeCode", "unknown-commune", $"There is no commune '{communeCode}'.");
        return Unit.CommuneStation(name, commune.ProvinceCode, commune.Code);
    }

    private static async Task<string> RequireProvinceAsync(VigilDbContext db, string? code, CancellationToken ct) =>
        code is not null && await db.Provinces.AnyAsync(p => p.Code == code, ct)
            ? code
            : throw new DomainException("provinceCode", "unknown-province", $"There is no province '{code}'.");
}

public sealed record ProvinceDto(string Code, string NameVi, string NameEn, int OfficialCommuneCount, double CentreLat, double CentreLon)
{
    public static ProvinceDto From(Province p) => new(p.Code, p.NameVi, p.NameEn, p.OfficialCommuneCount, p.CentreLat, p.CentreLon);
}

public sealed record CommuneDto(string Code, string Name, string ProvinceCode, JsonElement? Boundary)
{
    public static CommuneDto From(Commune c) => new(c.Code, c.Name, c.ProvinceCode,
        c.BoundaryGeoJson is null ? null : JsonDocument.Parse(c.BoundaryGeoJson).RootElement.Clone());
}

public sealed record UnitDto(Guid Id, string Name, UnitLevel Level, string? ProvinceCode, string? CommuneCode)
{
    public static UnitDto From(Unit u) => new(u.Id, u.Name, u.Level, u.ProvinceCode, u.CommuneCode);
}

public sealed record CreateUnitRequest(string Name, UnitLevel? Level, string? ProvinceCode, string? CommuneCode);

/// <summary>What an import took and what it refused, row by row.</summary>
public sealed record ImportResult(int Added, int Updated, IReadOnlyList<ImportRejection> Rejected);

/// <summary>A refused row: its 0-based index in the file, the field at fault and why.</summary>
public sealed record ImportRejection(int Index, string Field, string Reason);
