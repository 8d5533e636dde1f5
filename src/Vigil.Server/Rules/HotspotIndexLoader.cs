using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Hotspots;
using Vigil.Domain.Rules;
using Vigil.Domain.Scope;
using Vigil.Server.Data;

namespace Vigil.Server.Rules;

/// <summary>
/// Builds the in-memory <see cref="HotspotIndex"/> from every active hotspot of the registry, national and
/// provincial alike: a device is judged against all of them wherever it goes. One query.
/// </summary>
public sealed class HotspotIndexLoader(VigilDbContext db, ILogger<HotspotIndexLoader> logger)
{
    public async Task<HotspotIndex> LoadAsync(CancellationToken ct)
    {
        var rows = await db.Hotspots.AsNoTracking().Where(h => h.Status == HotspotStatus.Active)
            .Select(h => new { h.Id, h.Name, h.GeometryGeoJson, h.CenterLat, h.CenterLon, h.RadiusMeters })
            .ToListAsync(ct);
        var hotspots = new List<(Guid Id, string Name, ZoneShape Shape)>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                var shape = row.GeometryGeoJson is { } json
                    ? ZoneShape.FromGeoJson(json, "geometry")
                    : row is { CenterLat: { } lat, CenterLon: { } lon, RadiusMeters: { } radius }
                        ? ZoneShape.Circle(lat, lon, radius, "circle")
                        : throw new DomainException("geometry", "missing", "The hotspot has neither a geometry nor a whole circle.");
                hotspots.Add((row.Id, row.Name, shape));
            }
            catch (DomainException e)
            {
                // Shapes are validated when written; one bad row (edited in SQL) must not blind the index to the others.
                logger.HotspotLeftOut(row.Id, e.Message);
            }
        }

        return new HotspotIndex(hotspots);
    }
}
