using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Data;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Mqtt;

/// <summary>The external-broker mode: devices publish to a real Mosquitto; Vigil consumes through a shared subscription.</summary>
public abstract class ExternalBrokerTests(VigilFixture fixture, MosquittoBroker broker)
{
    private async Task<List<long>> WaitForSeqsAsync(string deviceId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var seqs = await db.Telemetry.Where(t => t.DeviceId == deviceId).OrderBy(t => t.Seq).Select(t => t.Seq).ToListAsync();
            if (seqs.Count >= count)
            {
                return seqs;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited 30 s for {count} messages of {deviceId} through Mosquitto; have {seqs.Count}.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task MosquittoPub_ThroughExternalBroker_StoredOnceEvenWhenResent()
    {
        var device = fixture.Credentials.Devices[0];
        var topic = $"v1/devices/{device.DeviceId}/telemetry";
        Assert.Equal(0, await broker.PublishAsync(device.DeviceId, device.Secret, topic, DeviceClient.Message(fixture, 5)));
        Assert.Equal(0, await broker.PublishAsync(device.DeviceId, device.Secret, topic, DeviceClient.Message(fixture, 5)));
        Assert.Equal(0, await broker.PublishAsync(device.DeviceId, device.Secret, topic, DeviceClient.Message(fixture, 6)));
        Assert.Equal([5L, 6], await WaitForSeqsAsync(device.DeviceId, 2));
    }

    [Fact]
    public async Task MosquittoPub_WrongPasswordOrForeignTopic_Refused()
    {
        var (one, other) = (fixture.Credentials.Devices[1], fixture.Credentials.Devices[2]);
        Assert.NotEqual(0, await broker.PublishAsync(one.DeviceId, "wrong", $"v1/devices/{one.DeviceId}/telemetry", DeviceClient.Message(fixture, 1)));

        // The broker's ACL drops a publish to another device's topic; the device's next, own message gets through.
        await broker.PublishAsync(one.DeviceId, one.Secret, $"v1/devices/{other.DeviceId}/telemetry", DeviceClient.Message(fixture, 2));
        Assert.Equal(0, await broker.PublishAsync(other.DeviceId, other.Secret, $"v1/devices/{other.DeviceId}/telemetry", DeviceClient.Message(fixture, 3)));
        Assert.Equal([3L], await WaitForSeqsAsync(other.DeviceId, 1));
        Assert.Empty(await WaitForSeqsAsync(one.DeviceId, 0));
    }
}

public sealed class SqliteExternalBrokerTests(SqliteMosquittoFixture fixture)
    : ExternalBrokerTests(fixture, fixture.Broker), IClassFixture<SqliteMosquittoFixture>;

public sealed class PostgresExternalBrokerTests(PostgresMosquittoFixture fixture)
    : ExternalBrokerTests(fixture, fixture.Broker), IClassFixture<PostgresMosquittoFixture>;
