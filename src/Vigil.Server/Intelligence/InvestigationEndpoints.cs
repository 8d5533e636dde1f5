using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain;
using Vigil.Domain.Geo;
using Vigil.Domain.Investigations;
using Vigil.Domain.Scope;
using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Intelligence;

/// <summary>
/// Investigations: who was near a place in a time window, and who was with a person over a period. Each needs a
/// stated reason, is written to the audit log with it (one entry for the search, one per person found, so that a
/// person's audit trail shows who looked at their whereabouts and why), and never shows anyone outside the
/// caller's jurisdiction.
/// </summary>
internal static class InvestigationEndpoints
{
    public static void MapInvestigationEndpoints(this RouteGroupBuilder api)
    {
        var investigations = api.MapGroup("/investigations").WithTags("Investigations");
        investigations.MapPost("/near-place", NearPlaceAsync);
        investigations.MapPost("/co-location", CoLocationAsync);
    }

    private static async Task<NearPlaceResult> NearPlaceAsync(NearPlaceRequest request, VigilDbContext db, Access access, AuditLog audit,
        FixSearch search, IOptions<InvestigationOptions> options, CancellationToken ct)
    {
        access.Require(Access.Investigators);
        var limits = options.Value;
        var reason = Reason(request.Reason);
        var (from, to) = Window(request.From, request.To, limits.MaxPlaceWindow);
        var (area, cells) = Area(request, limits);

        var fixes = await search.InCellsAsync(cells, from, to, "to", ct);
        var visits = PlaceVisit.Find(fixes, area, limits.SamplesPerPerson);
        var people = await VisiblePeopleAsync(db, access, visits.Select(v => v.PersonId), ct);
        var shown = visits.Where(v => people.ContainsKey(v.PersonId))
            .Select(v => new PlaceVisitDto(people[v.PersonId], v.FirstSeenAt, v.LastSeenAt, v.Fixes, [.. v.Samples.Select(FixDto.From)]))
            .ToList();

        var query = new { reason, from, to, geometry = request.Geometry?.GetRawText(), circle = request.Circle };
        audit.Record("investigation.near-place", "investigation", null, details: new { query, found = shown.Select(p => p.Person.PersonId) });
        foreach (var visit in shown)
        {
            audit.Record("investigation.found", "person", visit.Person.PersonId, visit.Person.PersonId,
                new { search = "near-place", reason, from, to, visit.FirstSeenAt, visit.LastSeenAt });
        }

        await audit.SaveAsync(ct);
        return new NearPlaceResult(reason, from, to, shown);
    }

    private static async Task<CoLocationResult> CoLocationAsync(CoLocationRequest request, VigilDbContext db, Access access, AuditLog audit,
        FixSearch search, IOptions<InvestigationOptions> options, CancellationToken ct)
    {
        access.Require(Access.Investigators);
        var limits = options.Value;
        var reason = Reason(request.Reason);
        var personId = request.PersonId ?? throw Check.Missing("personId");
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new NotFoundException("personId", "No such person in your jurisdiction.");
        access.EnsureCovers(person);
        var (from, to) = Window(request.From, request.To, limits.MaxCoLocationPeriod);
        var radius = request.RadiusMeters ?? limits.CoLocationRadiusMeters;
        if (!double.IsFinite(radius) || radius < 1 || radius > limits.MaxCoLocationRadiusMeters)
        {
            throw new DomainException("radiusMeters", "out-of-range", $"The radius must be between 1 and {limits.MaxCoLocationRadiusMeters} m; {radius} was given.");
        }

        var tolerance = request.ToleranceSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : limits.CoLocationTolerance;
        if (tolerance < TimeSpan.Zero || tolerance > limits.MaxCoLocationTolerance)
        {
            throw new DomainException("toleranceSeconds", "out-of-range",
                $"The time tolerance must be between 0 and {limits.MaxCoLocationTolerance.TotalSeconds} s; {request.ToleranceSeconds} was given.");
        }

        var track = await search.TrackAsync(personId, from, to, ct);
        var others = new List<PersonFix>();
        foreach (var stretch in Stretches(track, radius, tolerance, from, to))
        {
            others.AddRange(await search.InCellsAsync(stretch.Cells, stretch.From, stretch.To, "to", ct));
        }

        var companions = Companion.Find(personId, track, others, radius, tolerance, limits.SamplesPerPerson);
        var people = await VisiblePeopleAsync(db, access, companions.Select(c => c.PersonId), ct);
        var shown = companions.Where(c => people.ContainsKey(c.PersonId))
            .Select(c => new CompanionDto(people[c.PersonId], c.Encounters, c.MinutesTogether, c.FirstAt, c.LastAt, Math.Round(c.ClosestMeters, 1),
                [.. c.Samples.Select(EncounterDto.From)]))
            .ToList();

        var query = new { reason, personId, from, to, radiusMeters = radius, toleranceSeconds = (int)tolerance.TotalSeconds };
        audit.Record("investigation.co-location", "person", personId, personId, new { query, found = shown.Select(c => c.Person.PersonId) });
        foreach (var companion in shown)
        {
            audit.Record("investigation.found", "person", companion.Person.PersonId, companion.Person.PersonId,
                new { search = "co-location", reason, with = personId, from, to, companion.FirstAt, companion.LastAt });
        }

        await audit.SaveAsync(ct);
        return new CoLocationResult(reason, personId, from, to, radius, (int)tolerance.TotalSeconds, track.Count, shown);
    }

    /// <summary>The reason an investigation is made: it goes to the audit log, so it must say something.</summary>
    internal static string Reason(string? value)
    {
        var reason = Check.Text(value, "reason", 500);
        return reason.Length >= 10
            ? reason
            : throw new DomainException("reason", "too-short", "Say why this search is made (at least 10 characters): it is written to the audit log.");
    }

    internal static (DateTimeOffset From, DateTimeOffset To) Window(DateTimeOffset? from, DateTimeOffset? to, TimeSpan longest)
    {
        var start = from ?? throw Check.Missing("from");
        var end = to ?? throw Check.Missing("to");
        if (end <= start)
        {
            throw new DomainException("to", "before-from", "'to' must be after 'from'.");
        }

        return end - start > longest
            ? throw new DomainException("to", "window-too-long", $"The window may be at most {longest.TotalDays:0.##} days long; it is {(end - start).TotalDays:0.##}.")
            : (start.ToUniversalTime(), end.ToUniversalTime());
    }

    private static (ZoneShape Area, IReadOnlyList<long> Cells) Area(NearPlaceRequest request, InvestigationOptions limits)
    {
        ShapeInput.Read(request.Geometry, request.Circle, "", "geometry", "A place search");
        if (request.Circle is { } circle)
        {
            if (circle.RadiusMeters > limits.MaxRadiusMeters)
            {
                throw new DomainException("circle.radiusMeters", "too-large", $"The radius may be at most {limits.MaxRadiusMeters} m; {circle.RadiusMeters} was given.");
            }

            return (ZoneShape.Circle(circle.Lat, circle.Lon, circle.RadiusMeters, "circle"), GeoCell.Covering(circle.Lat, circle.Lon, circle.RadiusMeters));
        }

        var area = ZoneShape.FromGeoJson(request.Geometry!.Value, "geometry");
        var box = area.Bounds!;
        if (GeoCell.CountInBox(box.MinY, box.MinX, box.MaxY, box.MaxX) > limits.MaxCells)
        {
            throw new DomainException("geometry", "too-large", $"The area covers more than {limits.MaxCells} grid cells of about 200 m: search a smaller area.");
        }

        return (area, GeoCell.InBox(box.MinY, box.MinX, box.MaxY, box.MaxX));
    }

    /// <summary>
    /// The person's track cut into stretches of at most a day and a few hundred grid cells, each searched with one
    /// index range scan per cell: a stationary person costs a query a day, a travelling one a query per few kilometres.
    /// </summary>
    private static IEnumerable<(HashSet<long> Cells, DateTimeOffset From, DateTimeOffset To)> Stretches(IReadOnlyList<PersonFix> track, double radius,
        TimeSpan tolerance, DateTimeOffset windowFrom, DateTimeOffset windowTo)
    {
        const int MaxCellsPerStretch = 300;
        var cells = new HashSet<long>();
        DateTimeOffset start = default, end = default;
        foreach (var fix in track)
        {
            var around = GeoCell.Covering(fix.Lat, fix.Lon, radius);
            if (cells.Count > 0 && (fix.MeasuredAt - start > TimeSpan.FromDays(1) || cells.Count + around.Count > MaxCellsPerStretch))
            {
                yield return (cells, Max(start - tolerance, windowFrom), Min(end + tolerance + TimeSpan.FromTicks(1), windowTo));
                cells = [];
            }

            if (cells.Count == 0)
            {
                start = fix.MeasuredAt;
            }

            cells.UnionWith(around);
            end = fix.MeasuredAt;
        }

        if (cells.Count > 0)
        {
            yield return (cells, Max(start - tolerance, windowFrom), Min(end + tolerance + TimeSpan.FromTicks(1), windowTo));
        }
    }

    /// <summary>Of <paramref name="ids"/>, the people the caller's jurisdiction covers; everyone else stays unseen.</summary>
    private static async Task<Dictionary<Guid, FoundPersonDto>> VisiblePeopleAsync(VigilDbContext db, Access access, IEnumerable<Guid> ids,
        CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var people = await access.People(db.People.AsNoTracking()).Where(p => list.Contains(p.Id))
            .Select(p => new FoundPersonDto(p.Id, p.FullName, p.ProvinceCode, p.CommuneCode)).ToListAsync(ct);
        return people.ToDictionary(p => p.PersonId);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
