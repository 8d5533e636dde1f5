using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Alerts;
using Vigil.Domain.Devices;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.People;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Intelligence;

/// <summary>
/// The nation, a province or a commune whose statistics are asked for: the caller's own jurisdiction unless a
/// narrower one is named. A province or commune outside the caller's jurisdiction does not exist for them (404).
/// </summary>
/// <param name="Level">The area's level.</param>
/// <param name="ProvinceCode">Set for a province and a commune.</param>
/// <param name="CommuneCode">Set for a commune.</param>
public sealed record StatisticsArea(UnitLevel Level, string? ProvinceCode, string? CommuneCode)
{
    internal static async Task<StatisticsArea> ResolveAsync(VigilDbContext db, Access access, string? provinceCode, string? communeCode,
        CancellationToken ct)
    {
        var j = access.Jurisdiction;
        if (!string.IsNullOrWhiteSpace(communeCode))
        {
            var commune = await db.Communes.AsNoTracking().SingleOrDefaultAsync(c => c.Code == communeCode, ct);
            return commune is not null && j.Covers(commune.ProvinceCode, commune.Code) && (provinceCode is null || provinceCode == commune.ProvinceCode)
                ? new StatisticsArea(UnitLevel.Commune, commune.ProvinceCode, commune.Code)
                : throw new NotFoundException("communeCode", "No such commune in your jurisdiction.");
        }

        if (!string.IsNullOrWhiteSpace(provinceCode))
        {
            return await db.Provinces.AnyAsync(p => p.Code == provinceCode, ct) && j.CoversProvince(provinceCode) && j.Level != UnitLevel.Commune
                ? new StatisticsArea(UnitLevel.Provincial, provinceCode, null)
                : throw new NotFoundException("provinceCode", "No such province in your jurisdiction.");
        }

        return new StatisticsArea(j.Level, j.ProvinceCode, j.CommuneCode);
    }

    internal IQueryable<Person> People(IQueryable<Person> people) => Level switch
    {
        UnitLevel.National => people,
        UnitLevel.Provincial => people.Where(p => p.ProvinceCode == ProvinceCode),
        _ => people.Where(p => p.CommuneCode == CommuneCode),
    };

    internal IQueryable<Alert> Alerts(IQueryable<Alert> alerts) => Level switch
    {
        UnitLevel.National => alerts,
        UnitLevel.Provincial => alerts.Where(a => a.ProvinceCode == ProvinceCode),
        _ => alerts.Where(a => a.CommuneCode == CommuneCode),
    };

    /// <summary>Devices held by a unit of the area (a province's own stock and its communes' stations).</summary>
    internal IQueryable<Device> Devices(VigilDbContext db) => Level switch
    {
        UnitLevel.National => db.Devices,
        UnitLevel.Provincial => db.Devices.Where(d => db.Units.Any(u => u.Id == d.HoldingUnitId && u.ProvinceCode == ProvinceCode)),
        _ => db.Devices.Where(d => db.Units.Any(u => u.Id == d.HoldingUnitId && u.CommuneCode == CommuneCode)),
    };
}
