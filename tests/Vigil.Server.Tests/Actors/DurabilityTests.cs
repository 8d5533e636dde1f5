using MQTTnet;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Actors;

/// <summary>
/// SIGKILL while a wristband publishes: after a restart every acknowledged message is stored, none twice, and the
/// offline deadline that was pending when the process died fires once.
/// </summary>
public abstract class DurabilityTests(VigilFixture fixture)
{
    private static readonly string[] FastRules = ["--Rules:OfflineAfter=00:00:05", "--Actors:SweepInterval=00:00:01", "--Ingestion:UploadsPerMinute=100000"];

    [Fact]
    public async Task KillDuringPublishing_AcknowledgedKeptNoDuplicatesDeadlineFiresOnce()
    {
        var device = fixture.Credentials.Devices.First(d => d.PersonId is not null);
        var (httpPort, mqttPort) = (VigilFixture.FreePort(), VigilFixture.FreePort());
        var acknowledged = new List<long>();

        await using (var first = await VigilProcess.StartAsync(fixture, httpPort, mqttPort, FastRules))
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(DeviceClient.Options(mqttPort, device.DeviceId, device.Secret));
            using var publishing = new CancellationTokenSource();
            var publisher = Task.Run(async () =>
            {
                for (long seq = 1; !publishing.IsCancellationRequested; seq++)
                {
                    var payload = DeviceClient.Message(DateTimeOffset.UtcNow, seq);
                    try
                    {
                        var result = await DeviceClient.PublishAsync(client, device.DeviceId, payload);
                        if (!result.IsSuccess)
                        {
                            return;
                        }

                        lock (acknowledged)
                        {
                            acknowledged.Add(seq);
                        }
                    }
                    catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
                    {
                        return;
                    }
                }
            });

            // Let messages flow, then kill the process in the middle of them.
            while (Count(acknowledged) < 200)
            {
                Assert.False(publisher.IsCompleted, "The publisher stopped before the kill.");
                await Task.Delay(20);
            }

            await first.KillAsync();
            publishing.Cancel();
            await publisher;
            client.Dispose();
        }

        Assert.True(acknowledged.Count >= 200);
        await using var second = await VigilProcess.StartAsync(fixture, httpPort, mqttPort, FastRules);
        var stored = await fixture.QueryNumbersAsync($"""SELECT "Seq" FROM "Telemetry" WHERE "DeviceId" = '{device.DeviceId}'""");
        Assert.Empty(acknowledged.Except(stored));
        Assert.Equal(stored.Count, stored.Distinct().Count());

        // The silence that began at the kill raises "offline" once, after the restart.
        // EF stores a Guid as uppercase text on SQLite and as uuid on PostgreSQL.
        var person = fixture.IsPostgres ? device.PersonId.ToString() : device.PersonId.ToString()!.ToUpperInvariant();
        var offline = $"""SELECT COUNT(*) FROM "Alerts" WHERE "PersonId" = '{person}' AND "Rule" = 'Offline'""";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await fixture.QueryNumbersAsync(offline)).Single() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No offline alert within 60 s of the restart. Vigil wrote:\n" + second.Output);
            await Task.Delay(200);
        }

        // Several more sweeps (one a second) and a second crash and restart do not fire it again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await second.KillAsync();
        await using var third = await VigilProcess.StartAsync(fixture, httpPort, mqttPort, FastRules);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var alerts = await fixture.QueryNumbersAsync(offline);
        Assert.True(alerts.Single() == 1, $"{alerts.Single()} offline alerts. Second run:\n{second.Output}\nThird run:\n{third.Output}");
        Assert.True(alerts.Single() == 1, $"{alerts.Single()} offline alerts. Second run:\n{second.Output}\nThird run:\n{third.Output}");
    }

    private static int Count(List<long> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }
}

public sealed class SqliteDurabilityTests(SqliteProcessFixture fixture) : DurabilityTests(fixture), IClassFixture<SqliteProcessFixture>;

public sealed class PostgresDurabilityTests(PostgresProcessFixture fixture) : DurabilityTests(fixture), IClassFixture<PostgresProcessFixture>;
