using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Records;
using Vigil.Domain.Rules;
using Vigil.Server.Data;
using Vigil.Server.Tests.Alerts;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Intelligence;

/// <summary>
/// Stored history for the suspicious-place suites of one fixture: the demo's attachments of devices 0–3 are corrected to
/// three days before <see cref="Start"/>; three wearers (two communes) spend the nights of the 21st and 22nd in one
/// apartment (device 0 both nights, devices 1 and 3 the second), device 2 sleeps alone elsewhere, and the three Hoàn
/// Kiếm wearers (devices 0–2) gather twice at a café.
/// </summary>
public sealed class SuspiciousPlaceScene
{
    /// <summary>An apartment by West Lake, and a café in the Old Quarter: far from the demo people's homes and work places.</summary>
    public const double AptLat = 21.0560, AptLon = 105.8230, CafeLat = 21.0450, CafeLon = 105.8350;

    public static readonly DateTimeOffset Start = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    private static readonly ConditionalWeakTable<VigilFixture, Task<SuspiciousPlaceScene>> Scenes = [];
    private static long _seq = 800_000;

    private SuspiciousPlaceScene()
    {
    }

    public static Task<SuspiciousPlaceScene> OfAsync(VigilFixture fixture) => Scenes.GetValue(fixture, CreateAsync);

    private static async Task<SuspiciousPlaceScene> CreateAsync(VigilFixture fixture)
    {
        foreach (var device in new[] { 0, 1, 2, 3 })
        {
            await BackdateAttachmentAsync(fixture, device, Start.AddDays(-3));
        }

        // 23:00–01:00 Vietnam time on the nights of the 21st and 22nd, a fix every two minutes.
        var night21 = new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero);
        var night22 = night21.AddDays(1);
        await UploadAsync(fixture, 0, night21, AptLat, AptLon);
        await UploadAsync(fixture, 0, night22, AptLat, AptLon);
        await UploadAsync(fixture, 1, night22, AptLat + 0.0002, AptLon);
        await UploadAsync(fixture, 3, night22, AptLat, AptLon + 0.0002);
        await UploadAsync(fixture, 2, night22, AptLat + 0.03, AptLon); // alone elsewhere: nothing

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

        return new SuspiciousPlaceScene();
    }

    /// <summary>The records say the band went on earlier: a correction of the demo's attachment record.</summary>
    private static async Task BackdateAttachmentAsync(VigilFixture fixture, int device, DateTimeOffset at)
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

    private static async Task UploadAsync(VigilFixture fixture, int device, DateTimeOffset from, double lat, double lon)
    {
        var credentials = fixture.Credentials.Devices[device];
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Secret);
        var messages = Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$$"""{"seq":{{{Interlocked.Increment(ref _seq)}}},"t":"{{{from.AddMinutes(2 * i).UtcDateTime:O}}}","fix":{"lat":{{{lat + ((i % 3) * 0.00005)}}},"lon":{{{lon}}},"acc":25,"src":"wifi"},"bat":{"pct":70,"chg":false}}"""));
        await Expect.Status(await client.PostAsync($"/api/v1/devices/{credentials.DeviceId}/telemetry",
            new StringContent($"[{string.Join(',', messages)}]", Encoding.UTF8, "application/json")), 200);
    }
}
