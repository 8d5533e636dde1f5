using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Ingestion;
using Vigil.Server.Intelligence;
using Vigil.Server.Security;

namespace Vigil.Server.Tracking;

/// <summary>
/// Where people are and were, and their vitals: the latest position of everyone in the jurisdiction (the live map's
/// starting state), one person's track over a period (playback) and their vitals series (charts). Telemetry belongs
/// to a person only while the device was on them (<see cref="DevicePeriods"/>). Every read is audited.
/// </summary>
internal static class TrackingEndpoints
{
    /// <summary>The longest period one track or vitals read may cover.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(7);

    /// <summary>The most points one read answers; a longer series is cut and says so.</summary>
    public const int MaxPoints = 5000;

    public static void MapTrackingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/positions/latest", LatestAsync).WithTags("Tracking");
        var person = api.MapGroup("/persons/{id:guid}").WithTags("Tracking");
        person.MapGet("/track", TrackAsync);
        person.MapGet("/vitals", VitalsAsync);
    }

    /// <summary>
    /// The newest fix of each person of the jurisdiction whose device has reported one. The device twins are written
    /// a minute or two behind the telemetry; the fixes just stored (<see cref="LatestFixes"/>) are laid over them.
    /// </summary>
    private static async Task<IReadOnlyList<LatestPositionDto>> LatestAsync(VigilDbContext db, Access access, AuditLog audit, LatestFixes fresh,
        string? communeCode, CancellationToken ct)
    {
        var people = access.People(db.People.AsNoTracking());
        if (communeCode is not null)
        {
            people = people.Where(p => p.CommuneCode == communeCode);
        }

        var rows = await db.DeviceTwins.AsNoTracking()
            .Where(t => t.PersonId != null && t.LastLat != null && t.LastLon != null && t.LastFixAt != null)
            .Join(people, t => t.PersonId, p => p.Id, (t, p) => new
            {
                PersonId = p.Id, p.FullName, p.CommuneCode, t.DeviceId, t.LastLat, t.LastLon, t.LastAccuracyMeters, t.LastFixAt,
                t.LastReceivedAt, t.BatteryPercent,
            })
            .ToListAsync(ct);
        // A person who changed device has two twins: the newest fix is where they are.
        var latest = rows
            .Select(r => fresh.Of(r.DeviceId) is { } f && f.MeasuredAt > r.LastFixAt
                ? r with { LastLat = (double?)f.Lat, LastLon = (double?)f.Lon, LastAccuracyMeters = f.AccuracyMeters, LastFixAt = (DateTimeOffset?)f.MeasuredAt }
                : r)
            .GroupBy(r => r.PersonId).Select(g => g.OrderByDescending(r => r.LastFixAt).First())
            .OrderBy(r => r.FullName, StringComparer.Ordinal).ThenBy(r => r.PersonId)
            .Select(r => new LatestPositionDto(r.PersonId, r.FullName, r.CommuneCode, r.DeviceId, r.LastLat!.Value, r.LastLon!.Value,
                r.LastAccuracyMeters, r.LastFixAt!.Value, r.LastReceivedAt, r.BatteryPercent))
            .ToList();
        audit.Record("position.list", "person", null, details: new { communeCode, ids = latest.Select(l => l.PersonId) });
        await audit.SaveAsync(ct);
        return latest;
    }

    private static async Task<TrackDto> TrackAsync(Guid id, DateTimeOffset? from, DateTimeOffset? to, VigilDbContext db, Access access,
        AuditLog audit, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCanRead(person);
        var rows = await ReadAsync(db, person.Id, start, end, fixesOnly: true, ct);
        var points = rows.Take(MaxPoints).Select(r => new TrackPointDto(r.DeviceId, r.MeasuredAt, r.Lat!.Value, r.Lon!.Value, r.AccuracyMeters)).ToList();
        audit.Record("person.track", "person", person.Id, person.Id, new { from = start, to = end, points = points.Count });
        await audit.SaveAsync(ct);
        return new TrackDto(person.Id, start, end, points, rows.Count > MaxPoints);
    }

    private static async Task<VitalsDto> VitalsAsync(Guid id, DateTimeOffset? from, DateTimeOffset? to, VigilDbContext db, Access access,
        AuditLog audit, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCanRead(person);
        var rows = await ReadAsync(db, person.Id, start, end, fixesOnly: false, ct);
        var points = new List<VitalsPointDto>();
        foreach (var row in rows)
        {
            if (points.Count == MaxPoints)
            {
                break;
            }

            var message = TelemetryIntake.ReadMessage(row.Message);
            if (message is { Vitals: not null } or { Motion: not null })
            {
                var v = message.Vitals;
                points.Add(new VitalsPointDto(row.MeasuredAt, v?.HeartRateBpm, v?.HrvRmssdMs, v?.SpO2Percent, v?.SkinTemperatureC,
                    v?.RespirationRatePerMin, message.Motion?.Steps, message.Motion?.Activity));
            }
        }

        audit.Record("person.vitals", "person", person.Id, person.Id, new { from = start, to = end, points = points.Count });
        await audit.SaveAsync(ct);
        return new VitalsDto(person.Id, start, end, points, rows.Count > points.Count && points.Count == MaxPoints);
    }

    private static (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset? from, DateTimeOffset? to)
    {
        var start = (from ?? throw Check.Missing("from")).ToUniversalTime();
        var end = (to ?? throw Check.Missing("to")).ToUniversalTime();
        if (end < start)
        {
            throw new DomainException("to", "before-from", "'to' must not be before 'from'.");
        }

        if (end - start > MaxSpan)
        {
            throw new DomainException("to", "period-too-long", $"One read covers at most {MaxSpan.TotalDays:0} days.");
        }

        return (start, end);
    }

    /// <summary>The person's telemetry in the period, oldest first, one more row than <see cref="MaxPoints"/> at most.</summary>
    private static async Task<List<TelemetryRow>> ReadAsync(VigilDbContext db, Guid personId, DateTimeOffset from, DateTimeOffset to,
        bool fixesOnly, CancellationToken ct)
    {
        var rows = new List<TelemetryRow>();
        foreach (var period in await DevicePeriods.OfPersonAsync(db, personId, ct))
        {
            var a = period.From > from ? period.From : from;
            var b = period.Until is { } until && until < to ? until : to;
            if (b < a)
            {
                continue;
            }

            var query = db.Telemetry.AsNoTracking().Where(t => t.DeviceId == period.DeviceId && t.MeasuredAt >= a && t.MeasuredAt <= b);
            if (fixesOnly)
            {
                query = query.Where(t => t.Lat != null && t.Lon != null);
            }

            rows.AddRange(await query.OrderBy(t => t.MeasuredAt).ThenBy(t => t.IngestId).Take(MaxPoints + 1).ToListAsync(ct));
        }

        return [.. rows.OrderBy(r => r.MeasuredAt).ThenBy(r => r.IngestId).Take(MaxPoints + 1)];
    }
}

/// <summary>Where a person was last seen: the newest fix of their device.</summary>
public sealed record LatestPositionDto(Guid PersonId, string FullName, string CommuneCode, string DeviceId, double Lat, double Lon,
    double? AccuracyMeters, DateTimeOffset MeasuredAt, DateTimeOffset? ReceivedAt, int? BatteryPercent);

public sealed record TrackPointDto(string DeviceId, DateTimeOffset MeasuredAt, double Lat, double Lon, double? AccuracyMeters);

/// <param name="Truncated">More points exist in the period than <c>points</c> holds (5,000): ask for a shorter period.</param>
public sealed record TrackDto(Guid PersonId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TrackPointDto> Points, bool Truncated);

public sealed record VitalsPointDto(DateTimeOffset MeasuredAt, double? HeartRateBpm, double? HrvRmssdMs, double? SpO2Percent,
    double? SkinTemperatureC, double? RespirationRatePerMin, int? Steps, double? Activity);

/// <param name="Truncated">More readings exist in the period than <c>points</c> holds (5,000): ask for a shorter period.</param>
public sealed record VitalsDto(Guid PersonId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<VitalsPointDto> Points, bool Truncated);
