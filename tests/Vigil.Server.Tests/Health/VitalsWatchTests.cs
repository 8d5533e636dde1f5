using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using Vigil.Domain.Compliance;
using Vigil.Server.Compliance;
using Vigil.Server.Data;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Health;

/// <summary>
/// The vitals watch over the real broker: a band publishing slow breathing at rest (short of the overdose criterion) is
/// told on its commands topic to report every 10 s until the watch's end; three clear readings later it is told its
/// compliance tier's interval again.
/// </summary>
public abstract class VitalsWatchTests(VigilFixture fixture)
{
    private const int DeviceIndex = 1;

    [Fact]
    public async Task SlowBreathingAtRest_BandToldToReportEveryTenSecondsThenItsTiersIntervalWhenClear()
    {
        var device = fixture.Credentials.Devices[DeviceIndex];
        // The compliance job's pass at start-up scores everyone; it must not overwrite the tier set below when it ends
        // late (a race: the test failed about one run in two when run alone). A pass of our own waits for it.
        await fixture.Factory.Services.GetRequiredService<ComplianceJob>().RunAsync(fixture.Clock.GetUtcNow());
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            // The person is in the "attention" tier: when the watch is over the band goes back to 30 s, not to the default 60 s.
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var standing = await db.ComplianceStandings.SingleOrDefaultAsync(s => s.PersonId == device.PersonId);
            if (standing is null)
            {
                standing = new ComplianceStanding { PersonId = device.PersonId!.Value };
                db.ComplianceStandings.Add(standing);
            }

            (standing.Through, standing.Score, standing.Tier, standing.ComputedAt) = (new DateOnly(2026, 11, 23), 40, ComplianceTier.Attention, fixture.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        using var band = await DeviceClient.ConnectAsync(fixture, DeviceIndex);
        var commands = Channel.CreateUnbounded<JsonElement>();
        band.ApplicationMessageReceivedAsync += e =>
        {
            commands.Writer.TryWrite(JsonDocument.Parse(e.ApplicationMessage.ConvertPayloadToString()).RootElement.Clone());
            return Task.CompletedTask;
        };
        await band.SubscribeAsync($"v1/devices/{device.DeviceId}/commands", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10)); // after the attachment
        string Reading(long seq, int secondsAgo, double rr, double spo2) => DeviceClient.Message(fixture, seq, secondsAgo: secondsAgo,
            extra: string.Create(CultureInfo.InvariantCulture,
                $$""","wear":{"strap":"closed","skin":true,"case":"closed"},"vitals":{"hr":66,"hrv":40,"spo2":{{spo2}},"temp":33.2,"eda":2.0,"rr":{{rr}}},"motion":{"steps":0,"act":0.01}"""));
        await DeviceClient.PublishAsync(band, device.DeviceId, Reading(1, 60, 14, 97));
        await DeviceClient.PublishAsync(band, device.DeviceId, Reading(2, 0, 7, 94));
        var watchAt = fixture.Clock.GetUtcNow();

        var watch = await NextAsync(commands, "the vitals watch's command");
        Assert.Equal(("report-interval", 10, "vitals-watch"), (watch.GetProperty("cmd").GetString(), watch.GetProperty("seconds").GetInt32(), watch.GetProperty("reason").GetString()));
        Assert.Equal(watchAt.AddMinutes(10), watch.GetProperty("until").GetDateTimeOffset());

        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 3; i++)
        {
            await DeviceClient.PublishAsync(band, device.DeviceId, Reading(3 + i, 20 - (10 * i), 14, 97));
        }

        var over = await NextAsync(commands, "the command ending the watch");
        Assert.Equal(("report-interval", 30, "vitals-watch-over"), (over.GetProperty("cmd").GetString(), over.GetProperty("seconds").GetInt32(), over.GetProperty("reason").GetString()));
        Assert.False(over.TryGetProperty("until", out _));
    }

    private static async Task<JsonElement> NextAsync(Channel<JsonElement> commands, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            return await commands.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Waited 30 s for {what} on the band's commands topic.");
        }
    }
}

public sealed class SqliteVitalsWatchTests(SqliteBrokerFixture fixture) : VitalsWatchTests(fixture), IClassFixture<SqliteBrokerFixture>;

public sealed class PostgresVitalsWatchTests(PostgresBrokerFixture fixture) : VitalsWatchTests(fixture), IClassFixture<PostgresBrokerFixture>;
