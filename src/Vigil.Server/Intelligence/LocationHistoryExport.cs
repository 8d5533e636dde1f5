using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Time;
using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Intelligence;

/// <summary>
/// A person's complete location history as CSV or GeoJSON (record transfer, e.g. to the new commune or to a
/// court): every fix of every device the records put on them, in time order, streamed as it is read. Needs a reason,
/// which is audited before the first byte leaves; only officers whose jurisdiction holds the person.
/// </summary>
internal static class LocationHistoryExport
{
    private const int FlushEvery = 1_000;

    public static void MapLocationHistoryExport(this RouteGroupBuilder api) =>
        api.MapPost("/persons/{id:guid}/location-history/export", ExportAsync).WithTags("Investigations");

    private static async Task<IResult> ExportAsync(Guid id, ExportRequest request, VigilDbContext db, Access access, AuditLog audit,
        FixSearch search, TimeProvider clock, CancellationToken ct)
    {
        access.Require(Access.CaseReaders);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("personId", "No such person in your jurisdiction.");
        access.EnsureCovers(person);
        var reason = InvestigationEndpoints.Reason(request.Reason);
        var format = (request.Format ?? "").ToLowerInvariant() switch
        {
            "csv" => "csv",
            "geojson" => "geojson",
            _ => throw new DomainException("format", "unknown-value", "The format is 'csv' or 'geojson'."),
        };
        var to = request.To ?? clock.GetUtcNow();
        var from = request.From ?? DateTimeOffset.UnixEpoch;
        if (to <= from)
        {
            throw new DomainException("to", "before-from", "'to' must be after 'from'.");
        }

        var periods = await search.PeriodsAsync(id, from, to, ct);
        audit.Record("person.location-export", "person", id, id, new { reason, format, from = request.From, to, devices = periods.Select(p => p.DeviceId).Distinct() });
        await audit.SaveAsync(ct);

        var name = $"vigil-location-{id}-{VietnamTime.LocalDate(clock.GetUtcNow()):yyyyMMdd}.{format}";
        return format == "csv"
            ? Results.Stream(stream => WriteCsvAsync(stream, search.StreamAsync(periods, ct), ct), "text/csv; charset=utf-8", name)
            : Results.Stream(stream => WriteGeoJsonAsync(stream, id, search.StreamAsync(periods, ct), ct), "application/geo+json", name);
    }

    private static async Task WriteCsvAsync(Stream stream, IAsyncEnumerable<FixSearch.StoredFix> fixes, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024);
        await writer.WriteLineAsync("measured_at_utc,measured_at_vietnam,lat,lon,accuracy_m,device_id,seq,received_at_utc");
        var n = 0;
        await foreach (var f in fixes)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{f.MeasuredAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{VietnamTime.ToLocal(f.MeasuredAt):yyyy-MM-ddTHH:mm:sszzz},{f.Lat:R},{f.Lon:R},{f.AccuracyMeters:R},{f.DeviceId},{f.Seq},{f.ReceivedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}"));
            if (++n % FlushEvery == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
    }

    private static async Task WriteGeoJsonAsync(Stream stream, Guid personId, IAsyncEnumerable<FixSearch.StoredFix> fixes, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("personId", personId);
        json.WriteStartArray("features");
        var n = 0;
        await foreach (var f in fixes)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(f.Lon);
            json.WriteNumberValue(f.Lat);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("measuredAt", f.MeasuredAt.ToUniversalTime());
            json.WriteString("measuredAtVietnam", VietnamTime.ToLocal(f.MeasuredAt));
            if (f.AccuracyMeters is { } accuracy)
            {
                json.WriteNumber("accuracyMeters", accuracy);
            }

            json.WriteString("deviceId", f.DeviceId);
            json.WriteNumber("seq", f.Seq);
            json.WriteString("receivedAt", f.ReceivedAt.ToUniversalTime());
            json.WriteEndObject();
            json.WriteEndObject();
            if (++n % FlushEvery == 0)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }
}

/// <summary>Export a person's location history.</summary>
/// <param name="Reason">Why it is exported (10–500 characters); written to the audit log.</param>
/// <param name="Format"><c>csv</c> or <c>geojson</c>.</param>
/// <param name="From">Optional start; by default the first attachment.</param>
/// <param name="To">Optional end (exclusive); by default now.</param>
public sealed record ExportRequest(string? Reason, string? Format, DateTimeOffset? From, DateTimeOffset? To);
