using System.Text;
using System.Text.Json;
using Vigil.Server.Api;
using Vigil.Server.Intelligence;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Intelligence;

/// <summary>
/// Suspicious places from stored telemetry: three demo wearers (two communes) spend the nights in one apartment, and
/// three of them meet twice in another place; the analysis ranks both with their evidence, audits who it showed, and
/// one action promotes a place to the hotspot registry.
/// </summary>
public abstract class SuspiciousPlaceTests(VigilFixture fixture)
{
    private const double AptLat = SuspiciousPlaceScene.AptLat, AptLon = SuspiciousPlaceScene.AptLon, CafeLat = SuspiciousPlaceScene.CafeLat;

    private static readonly DateTimeOffset Start = SuspiciousPlaceScene.Start;

    [Fact]
    public async Task Search_Province_RanksRecurringGatheringsThenTheNightPlace_WithEvidence()
    {
        await SuspiciousPlaceScene.OfAsync(fixture);
        var analyst = await fixture.LogInAsync("hn.analyst");

        var result = await Expect.Json<SuspiciousPlacesResult>(await analyst.PostAsync("/api/v1/suspicious-places", Body()));

        Assert.Equal(2, result.Places.Count);
        var cafe = result.Places[0];
        Assert.Equal((1, 2, 3, 0), (cafe.Rank, cafe.Gatherings, cafe.People, cafe.Nights));
        Assert.Equal(CafeLat, cafe.Lat, 3);
        Assert.All(cafe.GatheringsHere, g => Assert.Equal(3, g.Members.Count));

        var apartment = result.Places[1];
        Assert.Equal((2, 0, 3, 2), (apartment.Rank, apartment.Gatherings, apartment.People, apartment.Nights));
        Assert.Equal(AptLat, apartment.Lat, 3);
        Assert.Equal(4, apartment.Dwells.Count); // device 0 on both nights, devices 1 and 3 on the second
        Assert.Equal(["00004", "00070", "00070", "00070"], apartment.Dwells.Select(d => d.Person.CommuneCode).Order());
        Assert.All(apartment.Dwells, d => Assert.True(d.To - d.From >= TimeSpan.FromHours(1)));
        Assert.True(result.FixesRead >= 4 * 60);

        // The analysis and every person it showed are in the audit log with the reason.
        var person = fixture.Credentials.Devices[3].PersonId!.Value;
        var audit = await Expect.Json<PageOf<JsonElement>>(await (await fixture.LogInAsync("c04.supervisor")).GetAsync($"/api/v1/audit?personId={person}&pageSize=200"));
        Assert.Contains(audit.Items, e => e.GetProperty("action").GetString() == "investigation.found"
            && e.GetProperty("details").GetString()!.Contains("suspicious-places", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_CommuneRoles_Refused_NoReason_BadRequest()
    {
        await Expect.Status(await (await fixture.LogInAsync("hk.chief")).PostAsync("/api/v1/suspicious-places", Body()), 403);
        await Expect.Problem(await (await fixture.LogInAsync("hn.analyst")).PostAsync("/api/v1/suspicious-places",
            Json(new { reason = "ngắn", from = Start.AddDays(-3), to = Start })), 400, "reason");
    }

    [Fact]
    public async Task Search_NarrowedToACommune_OnlyItsPeopleDwell()
    {
        await SuspiciousPlaceScene.OfAsync(fixture);
        var result = await Expect.Json<SuspiciousPlacesResult>(await (await fixture.LogInAsync("c04.supervisor")).PostAsync("/api/v1/suspicious-places",
            Json(new { reason = "Phân tích điểm nghi vấn phường Ba Đình", from = Start.AddDays(-3), to = Start, communeCode = "00004" })));
        Assert.Empty(result.Places); // one person of Ba Đình at night is not a place; the gatherings were Hoàn Kiếm's alerts
    }

    [Fact]
    public async Task Promote_CreatesADiscoveredHotspot()
    {
        var analyst = await fixture.LogInAsync("hn.analyst");
        var created = await Expect.Json<HotspotDto>(await analyst.PostAsync("/api/v1/suspicious-places/promote", Json(new
        {
            reason = "Ba người bị giám sát ở lại qua đêm nhiều lần",
            name = "Căn hộ ven Hồ Tây",
            category = "apartment",
            lat = AptLat,
            lon = AptLon,
            radiusMeters = 60,
        })), 201);

        Assert.Equal((Domain.Hotspots.HotspotSource.Discovered, Domain.Hotspots.HotspotCategory.Apartment), (created.Source, created.Category));
        var listed = await Expect.Json<PageOf<HotspotDto>>(await analyst.GetAsync("/api/v1/hotspots?pageSize=200"));
        Assert.Contains(listed.Items, h => h.Id == created.Id);
        await Expect.Problem(await analyst.PostAsync("/api/v1/suspicious-places/promote", Json(new
        {
            reason = "Ba người bị giám sát ở lại qua đêm nhiều lần", name = "Căn hộ", category = "apartment", lat = AptLat, radiusMeters = 60,
        })), 400, "lon");
    }

    private static StringContent Body() => Json(new { reason = "Phân tích điểm nghi vấn tháng 11", from = Start.AddDays(-3), to = Start });

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body, VigilFixture.Json), Encoding.UTF8, "application/json");
}

public sealed class SqliteSuspiciousPlaceTests(SqliteFixture fixture) : SuspiciousPlaceTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresSuspiciousPlaceTests(PostgresFixture fixture) : SuspiciousPlaceTests(fixture), IClassFixture<PostgresFixture>;
