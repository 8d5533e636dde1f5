using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Alerts;
using Vigil.Domain.Rules;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Health;
using Vigil.Server.Outbound;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Live;

namespace Vigil.Server.Tests.Health;

/// <summary>
/// A possible overdose end to end: a worn wristband publishes the vitals of respiratory depression over MQTT, its actor
/// raises a critical alert, which the managing commune sees through the API and on its live feed, and a medical
/// responder receives at once through the webhook outbox — with the person and the last known position.
/// </summary>
public abstract class OverdoseAlertTests(VigilFixture fixture, MedicalResponderSetup medical)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task OverdoseVitalsOverMqtt_CriticalAlertThroughApiLiveFeedAndMedicalResponder()
    {
        var (deviceId, index, personId, lat, lon) = await WornDeviceAsync();
        var officer = await fixture.LogInAsync("hk.officer1");
        await using var live = await LiveClient.ConnectAsync(fixture, officer.DefaultRequestHeaders.Authorization!.Parameter, "hk.officer1");

        // After the attachment: two ordinary minutes, then breathing at 3/min, SpO2 falling, a slow heart and a still wrist.
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        string Reading(long seq, int secondsAgo, string vitals, double activity) => DeviceClient.Message(fixture, seq, lat, lon, secondsAgo,
            string.Create(CultureInfo.InvariantCulture, $$""","wear":{"strap":"closed","skin":true,"case":"closed"},"vitals":{{vitals}},"motion":{"steps":0,"act":{{activity}}}"""));
        using var device = await DeviceClient.ConnectAsync(fixture, index);
        await DeviceClient.PublishAsync(device, deviceId, Reading(1, 180, """{"hr":72,"hrv":45,"spo2":97,"temp":33.1,"eda":2.1,"rr":14}""", 0.1));
        await DeviceClient.PublishAsync(device, deviceId, Reading(2, 120, """{"hr":70,"hrv":44,"spo2":96,"temp":33.1,"eda":2.0,"rr":9}""", 0.01));
        await DeviceClient.PublishAsync(device, deviceId, Reading(3, 60, """{"hr":48,"hrv":20,"spo2":88,"temp":33.5,"eda":1.8,"rr":3}""", 0.01));

        var alert = await WaitForAlertAsync(officer, personId);
        Assert.Equal((AlertSeverity.Critical, AlertState.Open, (int?)null), (alert.Severity, alert.State, alert.ViolationNumber));
        var pushed = await NextAlertAsync(live, alert.Id);
        Assert.Equal((alert.PersonId, alert.UnitId, "possibleOverdose", "critical"), (pushed.PersonId, pushed.UnitId, pushed.Rule, pushed.Severity));

        var detail = await Expect.Json<AlertDto>(await officer.GetAsync($"/api/v1/alerts/{alert.Id}"));
        Assert.Equal(fixture.Clock.GetUtcNow().AddSeconds(-60), detail.DetectedAt); // at the first corroborated reading
        Assert.Contains("respiration", detail.Detail, StringComparison.Ordinal);
        Assert.Contains(detail.Evidence, e => e.Lat == lat && e.Lon == lon && e.Reading.Contains("SpO2 88", StringComparison.Ordinal));

        // The medical responder's message was committed with the alert; the police webhook's carries no position or vitals.
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var medical = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MedicalAlerts.Kind).ToListAsync();
            var message = Assert.Single(medical, m => m.Payload.Contains(alert.Id.ToString(), StringComparison.Ordinal));
            Assert.Equal(MedicalResponderSetup.ResponderName, message.Destination);
            var police = Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "alert.raised" && m.Destination == null).ToListAsync(),
                m => m.Payload.Contains(alert.Id.ToString(), StringComparison.Ordinal));
            using var policePayload = JsonDocument.Parse(police.Payload);
            var names = policePayload.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Contains("rule", names);
            Assert.DoesNotContain(names, n => n is "lat" or "lon" or "lastKnownPosition" or "readings" or "evidence" or "fullName");
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "medical.notify" && a.PersonId == personId));
        }

        // Delivered first, signed with the responder's own secret, naming where the person was last seen.
        await fixture.Factory.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);
        var received = Assert.Single(medical.Receiver.Received, r => Encoding(r.Body).Contains(alert.Id.ToString(), StringComparison.Ordinal));
        Assert.True(WebhookSignature.Verify(MedicalResponderSetup.Secret, long.Parse(received.Timestamp, CultureInfo.InvariantCulture), received.Body, received.Signature));
        using var body = JsonDocument.Parse(received.Body);
        var payload = body.RootElement.GetProperty("payload");
        Assert.Equal(MedicalAlerts.Kind, body.RootElement.GetProperty("kind").GetString());
        Assert.Equal(lat, payload.GetProperty("lastKnownPosition").GetProperty("lat").GetDouble());
        Assert.Equal(lon, payload.GetProperty("lastKnownPosition").GetProperty("lon").GetDouble());
        Assert.False(string.IsNullOrEmpty(payload.GetProperty("fullName").GetString()));

        // The same episode going on opens nothing more.
        await DeviceClient.PublishAsync(device, deviceId, Reading(4, 0, """{"hr":45,"hrv":18,"spo2":84,"temp":33.6,"eda":1.7,"rr":2}""", 0.0));
        await WaitForEvaluationAsync(deviceId, 4);
        await using var check = fixture.Factory.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<VigilDbContext>().Alerts.CountAsync(a => a.PersonId == personId && a.Rule == RuleKind.PossibleOverdose));
    }

    private static string Encoding(byte[] body) => System.Text.Encoding.UTF8.GetString(body);

    private async Task<(string DeviceId, int Index, Guid PersonId, double Lat, double Lon)> WornDeviceAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var hoanKiem = await db.People.Where(p => p.CommuneCode == "00070").Select(p => p.Id).ToListAsync();
        var (device, index) = fixture.Credentials.Devices.Select((d, i) => (Device: d, Index: i)).First(d => d.Device.PersonId is { } id && hoanKiem.Contains(id));
        var person = await db.People.SingleAsync(p => p.Id == device.PersonId);
        return (device.DeviceId, index, person.Id, person.ResidenceLat!.Value, person.ResidenceLon!.Value);
    }

    private static async Task<AlertSummaryDto> WaitForAlertAsync(HttpClient officer, Guid personId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var page = await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync($"/api/v1/alerts?personId={personId}&pageSize=100"));
            if (page.Items.FirstOrDefault(a => a.Rule == RuleKind.PossibleOverdose) is { } alert)
            {
                return alert;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited {Patience.TotalSeconds} s for a possible-overdose alert; have [{string.Join(", ", page.Items.Select(a => a.Rule))}].");
            await Task.Delay(50);
        }
    }

    private async Task WaitForEvaluationAsync(string deviceId, long seq)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var ingest = await db.Telemetry.Where(t => t.DeviceId == deviceId && t.Seq == seq).Select(t => (long?)t.IngestId).SingleOrDefaultAsync();
            if (ingest is { } id && await fixture.Factory.Services.GetRequiredService<IGrainFactory>()
                    .GetGrain<Vigil.Server.Actors.IDeviceGrain>(deviceId).EvaluatedThroughAsync() >= id)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited {Patience.TotalSeconds} s for {deviceId} to evaluate seq {seq}.");
            await Task.Delay(50);
        }
    }

    private static async Task<Vigil.Server.Live.LiveAlert> NextAlertAsync(LiveClient live, Guid alertId)
    {
        while (true)
        {
            var pushed = await live.NextAlertAsync();
            if (pushed.AlertId == alertId)
            {
                return pushed;
            }
        }
    }
}

public sealed class SqliteOverdoseAlertTests(SqliteMedicalResponderFixture fixture)
    : OverdoseAlertTests(fixture, fixture.Medical), IClassFixture<SqliteMedicalResponderFixture>;

public sealed class PostgresOverdoseAlertTests(PostgresMedicalResponderFixture fixture)
    : OverdoseAlertTests(fixture, fixture.Medical), IClassFixture<PostgresMedicalResponderFixture>;
