using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Hotspots;
using Vigil.Domain.Places;
using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Intelligence;

/// <summary>
/// Suspicious places for the province and national analysts and supervisors: mined from the location history of the
/// people of their area (night dwells) and the gatherings detected there, ranked with evidence, and promoted to the
/// hotspot registry in one action. Like an investigation, the analysis needs a stated reason and is audited with it —
/// one entry for the analysis and one per person it shows.
/// </summary>
internal static class SuspiciousPlaceEndpoints
{
    private const int MaxPlaces = 50;

    public static void MapSuspiciousPlaceEndpoints(this RouteGroupBuilder api)
    {
        var places = api.MapGroup("/suspicious-places").WithTags("Investigations");
        places.MapPost("", SearchAsync);
        places.MapPost("/promote", PromoteAsync);
    }

    private static async Task<SuspiciousPlacesResult> SearchAsync(SuspiciousPlacesRequest request, VigilDbContext db, Access access, AuditLog audit,
        PlaceMining mining, IOptions<PlaceMiningOptions> options, IOptions<InvestigationOptions> limits, CancellationToken ct)
    {
        access.Require(HotspotEndpoints.Editors);
        var reason = InvestigationEndpoints.Reason(request.Reason);
        var (from, to) = InvestigationEndpoints.Window(request.From, request.To, limits.Value.MaxSuspiciousPlacesPeriod);
        var area = await StatisticsArea.ResolveAsync(db, access, request.ProvinceCode, request.CommuneCode, ct);
        var people = area.People(db.People.AsNoTracking());

        var (dwells, read) = await mining.NightDwellsAsync(people, from, to, ct);
        var gatherings = await mining.GatheringsAsync(area, from, to, ct);
        var ranked = SuspiciousPlace.Rank(dwells, gatherings, options.Value).Take(MaxPlaces).ToList();

        var ids = ranked.SelectMany(p => p.Dwells.Select(d => d.PersonId).Concat(p.GatheringsHere.SelectMany(g => g.Members))).Distinct().ToList();
        var shown = await access.People(people).Where(p => ids.Contains(p.Id))
            .Select(p => new FoundPersonDto(p.Id, p.FullName, p.ProvinceCode, p.CommuneCode)).ToDictionaryAsync(p => p.PersonId, ct);
        var places = ranked.Select((p, i) => new SuspiciousPlaceDto(i + 1, Math.Round(p.Lat, 6), Math.Round(p.Lon, 6), p.RadiusMeters, p.People, p.Nights,
                p.Gatherings, p.Score,
                [.. p.Dwells.Where(d => shown.ContainsKey(d.PersonId)).Select(d => new NightDwellDto(shown[d.PersonId], d.Night, d.From, d.To, d.Lat, d.Lon, d.Fixes))],
                [.. p.GatheringsHere.Select(g => new PlaceGatheringDto(g.Id, g.Since, g.Until, [.. g.Members.Where(shown.ContainsKey).Select(m => shown[m])]))]))
            .ToList();

        audit.Record("investigation.suspicious-places", "investigation", null,
            details: new { reason, from, to, area, places = places.Select(p => new { p.Rank, p.Lat, p.Lon, p.Score }), found = shown.Keys });
        foreach (var person in shown.Values)
        {
            audit.Record("investigation.found", "person", person.PersonId, person.PersonId, new { search = "suspicious-places", reason, from, to });
        }

        await audit.SaveAsync(ct);
        return new SuspiciousPlacesResult(reason, from, to, area, read, places);
    }

    private static async Task<IResult> PromoteAsync(PromotePlaceRequest request, VigilDbContext db, Access access, AuditLog audit, TimeProvider clock,
        CancellationToken ct)
    {
        access.Require(HotspotEndpoints.Editors);
        var reason = InvestigationEndpoints.Reason(request.Reason);
        var circle = new CircleDto(request.Lat ?? throw Check.Missing("lat"), request.Lon ?? throw Check.Missing("lon"),
            request.RadiusMeters ?? throw Check.Missing("radiusMeters"));
        var hotspot = HotspotEndpoints.Build(new HotspotRequest(request.Name ?? "", request.Category, null, circle, HotspotStatus.Active,
            request.Notes), access, HotspotSource.Discovered, clock.GetUtcNow());
        db.Hotspots.Add(hotspot);
        audit.Record("hotspot.promote", "hotspot", hotspot.Id, details: new { reason, hotspot.Name, hotspot.Category, circle });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/hotspots/{hotspot.Id}", HotspotDto.From(hotspot));
    }
}
