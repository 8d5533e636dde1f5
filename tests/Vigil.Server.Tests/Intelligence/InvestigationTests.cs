using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Geo;
using Vigil.Server.Data;
using Vigil.Server.Intelligence;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Intelligence;

/// <summary>"Who was near this place" and "who was with this person": results within the jurisdiction only, a stated reason, an audit trail.</summary>
public abstract class InvestigationTests(VigilFixture fixture)
{
    private const string Reason = "Điều tra tụ tập tại Hồ Gươm, tin báo số 12/2026";

    [Fact]
    public async Task NearPlace_CommuneChief_SeesOwnCommunesPeopleOnly()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var result = await NearPlaceAsync(await fixture.LogInAsync("hk.chief"), scene, Circle(200));

        Assert.Equal([scene.HoanKiem0, scene.HoanKiem1], result.People.Select(p => p.Person.PersonId).Order());
        var visit = result.People.Single(p => p.Person.PersonId == scene.HoanKiem0);
        Assert.Equal((scene.MetAt, scene.MetAt.AddMinutes(9), 10), (visit.FirstSeenAt, visit.LastSeenAt, visit.Fixes));
        Assert.Equal(5, visit.Samples.Count);
        Assert.Equal("00070", visit.Person.CommuneCode);
    }

    [Fact]
    public async Task NearPlace_ProvincialAnalyst_SeesTheWholeProvince()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var result = await NearPlaceAsync(await fixture.LogInAsync("hn.analyst"), scene, Circle(200));

        Assert.Equal(new[] { scene.HoanKiem0, scene.HoanKiem1, scene.BaDinh }.Order(), result.People.Select(p => p.Person.PersonId).Order());
    }

    [Fact]
    public async Task NearPlace_Polygon_FindsThoseInsideOnly()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        // A 60 m square around the meeting point that leaves out the Ba Đình wearer, 21 m east of it.
        const double lat = InvestigationScene.Lat, lon = InvestigationScene.Lon;
        double[][] ring = [[lon - 0.0001, lat - 0.0001], [lon + 0.0001, lat - 0.0001], [lon + 0.0001, lat + 0.0003], [lon - 0.0001, lat + 0.0003], [lon - 0.0001, lat - 0.0001]];
        var square = new { type = "Polygon", coordinates = new[] { ring } };
        var result = await NearPlaceAsync(await fixture.LogInAsync("hn.supervisor"), scene, new { geometry = square });

        Assert.Equal([scene.HoanKiem0, scene.HoanKiem1], result.People.Select(p => p.Person.PersonId).Order());
    }

    [Fact]
    public async Task NearPlace_WindowBeforeTheMeeting_FindsNoOne()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var analyst = await fixture.LogInAsync("hn.analyst");
        var result = await Expect.Json<NearPlaceResult>(await analyst.Post("/api/v1/investigations/near-place",
            new { reason = Reason, from = scene.MetAt.AddHours(-2), to = scene.MetAt, circle = new { lat = InvestigationScene.Lat, lon = InvestigationScene.Lon, radiusMeters = 200 } }));
        Assert.Empty(result.People);
    }

    [Fact]
    public async Task NearPlace_IsAuditedWithTheReason_OnEachPersonsTrail()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var marker = Guid.NewGuid().ToString("N");
        var reason = $"{Reason} – kiểm tra nhật ký {marker}";
        await Expect.Status(await (await fixture.LogInAsync("hk.chief")).Post("/api/v1/investigations/near-place", new
        {
            reason,
            from = scene.MetAt.AddMinutes(-30),
            to = scene.MetAt.AddMinutes(30),
            circle = new { lat = InvestigationScene.Lat, lon = InvestigationScene.Lon, radiusMeters = 200 },
        }), 200);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var entries = (await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("investigation.")).ToListAsync())
            .Where(a => a.Details is { } d && JsonDocument.Parse(d).RootElement.ToString().Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.All(entries, e => Assert.Contains(reason, ReasonOf(e.Details!), StringComparison.Ordinal));
        Assert.Equal(["investigation.found", "investigation.found", "investigation.near-place"], entries.Select(e => e.Action).Order());
        Assert.Equal([scene.HoanKiem0, scene.HoanKiem1], entries.Where(e => e.PersonId is not null).Select(e => e.PersonId!.Value).Order());
        Assert.All(entries, e => Assert.Equal("CommuneChief", e.ActorRole));
    }

    [Fact]
    public async Task Investigations_BadInput_ProblemNamesTheField()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var analyst = await fixture.LogInAsync("hn.analyst");
        var circle = new { lat = InvestigationScene.Lat, lon = InvestigationScene.Lon, radiusMeters = 200 };
        var from = scene.MetAt;
        foreach (var (body, field) in new (object, string)[]
        {
            (new { from, to = from.AddHours(1), circle }, "reason"),
            (new { reason = "vì sao", from, to = from.AddHours(1), circle }, "reason"),
            (new { reason = Reason, to = from.AddHours(1), circle }, "from"),
            (new { reason = Reason, from, to = from.AddHours(-1), circle }, "to"),
            (new { reason = Reason, from, to = from.AddDays(8), circle }, "to"),
            (new { reason = Reason, from, to = from.AddHours(1) }, "geometry"),
            (new { reason = Reason, from, to = from.AddHours(1), circle = new { lat = 21.03, lon = 105.85, radiusMeters = 6000 } }, "circle.radiusMeters"),
            (new { reason = Reason, from, to = from.AddHours(1), circle = new { lat = 91.0, lon = 105.85, radiusMeters = 200 } }, "circle"),
        })
        {
            await Expect.Problem(await analyst.Post("/api/v1/investigations/near-place", body), 400, field);
        }

        foreach (var (body, field) in new (object, string)[]
        {
            (new { from, to = from.AddHours(1), personId = scene.HoanKiem0 }, "reason"),
            (new { reason = Reason, from, to = from.AddHours(1) }, "personId"),
            (new { reason = Reason, from, to = from.AddDays(32), personId = scene.HoanKiem0 }, "to"),
            (new { reason = Reason, from, to = from.AddHours(1), personId = scene.HoanKiem0, radiusMeters = 501 }, "radiusMeters"),
            (new { reason = Reason, from, to = from.AddHours(1), personId = scene.HoanKiem0, toleranceSeconds = -1 }, "toleranceSeconds"),
        })
        {
            await Expect.Problem(await analyst.Post("/api/v1/investigations/co-location", body), 400, field);
        }
    }

    [Fact]
    public async Task Investigations_ManagingOfficer_Forbidden()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var officer = await fixture.LogInAsync("hk.officer1");
        await Expect.Problem(await officer.Post("/api/v1/investigations/near-place", new
        {
            reason = Reason, from = scene.MetAt, to = scene.MetAt.AddHours(1), circle = new { lat = InvestigationScene.Lat, lon = InvestigationScene.Lon, radiusMeters = 200 },
        }), 403);
        await Expect.Problem(await officer.Post("/api/v1/investigations/co-location", new
        {
            reason = Reason, personId = scene.HoanKiem0, from = scene.MetAt, to = scene.MetAt.AddHours(1),
        }), 403);
    }

    [Fact]
    public async Task CoLocation_ProvincialAnalyst_FindsEveryoneWhoWasWithThePerson()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var result = await CoLocationAsync(await fixture.LogInAsync("hn.analyst"), scene, scene.HoanKiem0);

        Assert.Equal(10, result.PersonFixes);
        Assert.Equal(new[] { scene.HoanKiem1, scene.BaDinh }.Order(), result.Companions.Select(c => c.Person.PersonId).Order());
        var companion = result.Companions.Single(c => c.Person.PersonId == scene.HoanKiem1);
        Assert.Equal((10, 10, scene.MetAt, scene.MetAt.AddMinutes(9)), (companion.Encounters, companion.MinutesTogether, companion.FirstAt, companion.LastAt));
        Assert.InRange(companion.ClosestMeters, 21, 24);
        Assert.Equal((50.0, 120), (result.RadiusMeters, result.ToleranceSeconds));
    }

    [Fact]
    public async Task CoLocation_CommuneChief_CompanionsOutsideTheCommuneNeverShown()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var result = await CoLocationAsync(await fixture.LogInAsync("hk.chief"), scene, scene.HoanKiem0);

        Assert.Equal([scene.HoanKiem1], result.Companions.Select(c => c.Person.PersonId));
    }

    [Fact]
    public async Task CoLocation_PersonOfAnotherCommune_NotFound()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        await Expect.Problem(await (await fixture.LogInAsync("bd.chief")).Post("/api/v1/investigations/co-location", new
        {
            reason = Reason, personId = scene.HoanKiem0, from = scene.MetAt, to = scene.MetAt.AddHours(1),
        }), 404, "personId");
    }

    [Fact]
    public async Task PlaceQuery_Plan_IsARangeScanOfTheCellTimeIndex()
    {
        await InvestigationScene.OfAsync(fixture);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<FixSearch>();
        var now = fixture.Clock.GetUtcNow();
        await using var command = search.InCells(GeoCell.Covering(InvestigationScene.Lat, InvestigationScene.Lon, 200), now.AddHours(-2), now)
            .CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        command.Connection = db.Database.GetDbConnection();
        if (fixture.IsPostgres)
        {
            // The test table is tiny, so the planner would rightly scan it; forbid that to see the plan a full table gets.
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            command.CommandText = "EXPLAIN " + command.CommandText;
        }
        else
        {
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        }

        var plan = await ReadAllAsync(command);
        Assert.Contains("Cell_MeasuredAt", plan, StringComparison.Ordinal);
        if (fixture.IsPostgres)
        {
            Assert.Matches("Index (Only )?Scan|Bitmap Index Scan", plan);
            Assert.Contains("\"MeasuredAt\" >=", plan, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("USING INDEX IX_Telemetry_Cell_MeasuredAt (Cell=? AND MeasuredAt>? AND MeasuredAt<?)", plan, StringComparison.Ordinal);
        }
    }

    /// <summary>The reason recorded in an investigation's audit details (top level, or inside its query).</summary>
    private static string ReasonOf(string details)
    {
        var root = JsonDocument.Parse(details).RootElement;
        return (root.TryGetProperty("reason", out var reason) ? reason : root.GetProperty("query").GetProperty("reason")).GetString()!;
    }

    private static async Task<string> ReadAllAsync(DbCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        return string.Join('\n', lines);
    }

    private static object Circle(double radiusMeters) => new { circle = new { lat = InvestigationScene.Lat, lon = InvestigationScene.Lon, radiusMeters } };

    private static async Task<NearPlaceResult> NearPlaceAsync(HttpClient client, InvestigationScene scene, object area)
    {
        var body = JsonSerializer.SerializeToElement(area, VigilFixture.Json).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object)p.Value);
        body["reason"] = Reason;
        body["from"] = scene.MetAt.AddMinutes(-30);
        body["to"] = scene.MetAt.AddMinutes(30);
        return await Expect.Json<NearPlaceResult>(await client.Post("/api/v1/investigations/near-place", body));
    }

    private static async Task<CoLocationResult> CoLocationAsync(HttpClient client, InvestigationScene scene, Guid personId) =>
        await Expect.Json<CoLocationResult>(await client.Post("/api/v1/investigations/co-location", new
        {
            reason = Reason, personId, from = scene.MetAt.AddMinutes(-30), to = scene.MetAt.AddMinutes(30),
        }));
}

public sealed class SqliteInvestigationTests(SqliteFixture fixture) : InvestigationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresInvestigationTests(PostgresFixture fixture) : InvestigationTests(fixture), IClassFixture<PostgresFixture>;
