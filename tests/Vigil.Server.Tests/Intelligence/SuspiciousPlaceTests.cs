using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Records;
using Vigil.Domain.Rules;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Intelligence;
using Vigil.Server.Tests.Alerts;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Intelligence;

/// <summary>
/// Suspicious places from stored telemetry: three demo wearers (two communes) spend the nights in one apartment, and
/// three of them meet twice in another place; the analysis ranks both with their evidence, audits who it showed, and
/// one action promotes a place to the hotspot registry.
/// </summary>
public abstract class SuspiciousPlaceTests(VigilFixture fixture)
{
    /// <summary>An apartment by West Lake, and a café in the Old Quarter: far from the demo people's homes and work places.</summary>
    private const double AptLat = 21.0560, AptLon = 105.8230, CafeLat = 21.0450, CafeLon = 105.8350;

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<VigilFixture> Prepared = [];

    [Fact]
    public async Task Search_Province_RanksRecurringGatheringsThenTheNightPlace_WithEvidence()
    {
        await PrepareAsync();
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
        await PrepareAsync();
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

    private async Task PrepareAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Prepared.Add(fixture))
            {
                return;
            }

            foreach (var device in new[] { 0, 1, 2, 3 })
            {
                await BackdateAttachmentAsync(device, Start.AddDays(-3));
            }

            // 23:00–01:00 Vietnam time on the nights of the 21st and 22nd, a fix every two minutes.
            var night21 = new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero);
            var night22 = night21.AddDays(1);
            await UploadAsync(0, night21, AptLat, AptLon);
            await UploadAsync(0, night22, AptLat, AptLon);
            await UploadAsync(1, night22, AptLat + 0.0002, AptLon);
            await UploadAsync(3, night22, AptLat, AptLon + 0.0002);
            await UploadAsync(2, night22, AptLat + 0.03, AptLon); // alone elsewhere: nothing

            // Two gatherings of the three Hoàn Kiếm wearers at the café.
            foreach (var since in new[] { night21.AddHours(-4), night22.AddHours(-4) })
            {
                var id = Guid.NewGuid();
                foreach (var device in new[] { 0, 1, 2 })
                {
                    var signal = new RuleSignal(RuleKind.Gathering, SignalKind.Raised, $"gathering:{id}", since, since.AddMinutes(10), [],
                        new Dictionary<string, string>
                        {
                            ["gatheringId"] = id.ToString(),
                            ["centerLat"] = CafeLat.ToString("F6", CultureInfo.InvariantCulture),
                            ["centerLon"] = CafeLon.ToString("F6", CultureInfo.InvariantCulture),
                        }, "Tụ tập bất thường");
                    await fixture.ApplyAsync(fixture.Credentials.Devices[device].PersonId!.Value, AlertSteps.Result(signal));
                }
            }
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>The records say the band went on earlier: a correction of the demo's attachment record.</summary>
    private async Task BackdateAttachmentAsync(int device, DateTimeOffset at)
    {
        var person = fixture.Credentials.Devices[device].PersonId!.Value;
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var attachment = await db.Records.SingleAsync(r => r.PersonId == person && r.Kind == RecordKind.Attachment);
        db.Records.Add(new FormalRecord
        {
            PersonId = person, Kind = RecordKind.Attachment, OccurredAt = at, RecordedAt = fixture.Clock.GetUtcNow(), OfficerId = attachment.OfficerId,
            DeviceId = attachment.DeviceId, Position = attachment.Position, CorrectsRecordId = attachment.Id, Reason = "Ngày gắn ghi sai",
        });
        await db.SaveChangesAsync();
    }

    private int _seq = 800_000;

    private async Task UploadAsync(int device, DateTimeOffset from, double lat, double lon)
    {
        var credentials = fixture.Credentials.Devices[device];
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Secret);
        var messages = Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$$"""{"seq":{{{_seq++}}},"t":"{{{from.AddMinutes(2 * i).UtcDateTime:O}}}","fix":{"lat":{{{lat + ((i % 3) * 0.00005)}}},"lon":{{{lon}}},"acc":25,"src":"wifi"},"bat":{"pct":70,"chg":false}}"""));
        await Expect.Status(await client.PostAsync($"/api/v1/devices/{credentials.DeviceId}/telemetry",
            new StringContent($"[{string.Join(',', messages)}]", Encoding.UTF8, "application/json")), 200);
    }
}

public sealed class SqliteSuspiciousPlaceTests(SqliteFixture fixture) : SuspiciousPlaceTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresSuspiciousPlaceTests(PostgresFixture fixture) : SuspiciousPlaceTests(fixture), IClassFixture<PostgresFixture>;
