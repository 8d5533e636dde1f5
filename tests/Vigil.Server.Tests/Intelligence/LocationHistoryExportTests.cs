using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Data;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Intelligence;

/// <summary>Record transfer: a person's whole location history as CSV and GeoJSON, audited with its reason, within the jurisdiction only.</summary>
public abstract class LocationHistoryExportTests(VigilFixture fixture)
{
    private const string Reason = "Chuyển hồ sơ sang Công an phường Ba Đình";

    [Fact]
    public async Task Export_Csv_EveryFixInTimeOrder()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var response = await Expect.Status(await (await fixture.LogInAsync("hk.officer1")).Post(
            $"/api/v1/persons/{scene.HoanKiem0}/location-history/export", new { reason = Reason, format = "csv" }), 200);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'),
            StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("measured_at_utc,measured_at_vietnam,lat,lon,accuracy_m,device_id,seq,received_at_utc", lines[0]);
        Assert.Equal(11, lines.Length);
        var first = lines[1].Split(',');
        Assert.Equal(("2026-11-23T03:05:00Z", "2026-11-23T10:05:00+07:00", "21.03", "105.85", "8"), (first[0], first[1], first[2], first[3], first[4]));
        Assert.Equal(fixture.Credentials.Devices[0].DeviceId, first[5]);
        Assert.StartsWith("2026-11-23T03:14:00Z,", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_GeoJson_AFeatureCollectionOfPoints()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var response = await Expect.Status(await (await fixture.LogInAsync("hn.supervisor")).Post(
            $"/api/v1/persons/{scene.BaDinh}/location-history/export", new { reason = Reason, format = "geojson", from = scene.MetAt.AddMinutes(5) }), 200);

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", json.GetProperty("type").GetString());
        var features = json.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(5, features.Count);
        var coordinates = features[0].GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
        Assert.Equal([InvestigationScene.Lon + 0.0002, InvestigationScene.Lat], coordinates);
        Assert.Equal(scene.MetAt.AddMinutes(5), features[0].GetProperty("properties").GetProperty("measuredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Export_IsAuditedWithTheReason()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var marker = Guid.NewGuid().ToString("N");
        await Expect.Status(await (await fixture.LogInAsync("hk.chief")).Post(
            $"/api/v1/persons/{scene.HoanKiem1}/location-history/export", new { reason = $"{Reason} {marker}", format = "csv" }), 200);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "person.location-export" && a.PersonId == scene.HoanKiem1).ToListAsync();
        var entry = Assert.Single(entries, e => JsonDocument.Parse(e.Details!).RootElement.GetProperty("reason").GetString()!.EndsWith(marker, StringComparison.Ordinal));
        Assert.Equal("CommuneChief", entry.ActorRole);
    }

    [Fact]
    public async Task Export_OutsideJurisdictionOrBadInput_Refused()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var url = $"/api/v1/persons/{scene.HoanKiem0}/location-history/export";
        await Expect.Problem(await (await fixture.LogInAsync("bd.chief")).Post(url, new { reason = Reason, format = "csv" }), 404, "personId");
        var officer = await fixture.LogInAsync("hk.officer1");
        await Expect.Problem(await officer.Post(url, new { format = "csv" }), 400, "reason");
        await Expect.Problem(await officer.Post(url, new { reason = Reason, format = "kml" }), 400, "format");
        await Expect.Problem(await officer.Post(url, new { reason = Reason, format = "csv", from = scene.MetAt, to = scene.MetAt }), 400, "to");
        await Expect.Problem(await (await fixture.LogInAsync("hn.logistics")).Post(url, new { reason = Reason, format = "csv" }), 403);
    }
}

public sealed class SqliteLocationHistoryExportTests(SqliteFixture fixture) : LocationHistoryExportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresLocationHistoryExportTests(PostgresFixture fixture) : LocationHistoryExportTests(fixture), IClassFixture<PostgresFixture>;
