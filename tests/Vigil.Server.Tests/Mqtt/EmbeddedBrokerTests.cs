using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Vigil.Server.Data;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Mqtt;

/// <summary>The embedded broker on a real Kestrel port: CONNECT authentication, own topic only, PUBACK after the store.</summary>
public abstract class EmbeddedBrokerTests(VigilFixture fixture)
{
    private string DeviceId(int index) => fixture.Credentials.Devices[index].DeviceId;

    private async Task<List<long>> StoredSeqsAsync(string deviceId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        return await db.Telemetry.Where(t => t.DeviceId == deviceId).OrderBy(t => t.Seq).Select(t => t.Seq).ToListAsync();
    }

    [Fact]
    public async Task Publish_QoS1_StoredBeforePubAckAndDuplicateDropped()
    {
        using var client = await DeviceClient.ConnectAsync(fixture, 0);
        var first = await DeviceClient.PublishAsync(client, DeviceId(0), DeviceClient.Message(fixture, 1));
        Assert.Equal(MqttClientPublishReasonCode.Success, first.ReasonCode);

        // The PUBACK has arrived, so the row must already be committed.
        Assert.Equal([1L], await StoredSeqsAsync(DeviceId(0)));

        var resend = await DeviceClient.PublishAsync(client, DeviceId(0), DeviceClient.Message(fixture, 1));
        Assert.Equal(MqttClientPublishReasonCode.Success, resend.ReasonCode);
        var batch = $"[{DeviceClient.Message(fixture, 2, secondsAgo: 60)},{DeviceClient.Message(fixture, 3)}]";
        await DeviceClient.PublishAsync(client, DeviceId(0), batch);
        Assert.Equal([1L, 2, 3], await StoredSeqsAsync(DeviceId(0)));
    }

    [Fact]
    public async Task Publish_Mqtt311_Stored()
    {
        using var client = await DeviceClient.ConnectAsync(fixture, 1, MqttProtocolVersion.V311);
        await DeviceClient.PublishAsync(client, DeviceId(1), DeviceClient.Message(fixture, 7));
        Assert.Equal([7L], await StoredSeqsAsync(DeviceId(1)));
    }

    [Theory]
    [InlineData("wrong-secret", false)]
    [InlineData(null, true)]
    public async Task Connect_BadCredentials_Refused(string? secret, bool unknownDevice)
    {
        var deviceId = unknownDevice ? "VG-999999" : DeviceId(2);
        using var client = new MqttClientFactory().CreateMqttClient();
        var refused = await DeviceClient.RefusedWithAsync(client, DeviceClient.Options(fixture, deviceId, secret ?? fixture.Credentials.Devices[2].Secret));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused);
    }

    [Fact]
    public async Task Connect_ClientIdNotTheDevice_Refused()
    {
        var device = fixture.Credentials.Devices[2];
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = DeviceClient.Options(fixture, device.DeviceId, device.Secret);
        options.ClientId = "someone-else";
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, await DeviceClient.RefusedWithAsync(client, options));
    }

    [Fact]
    public async Task Publish_AnotherDevicesTopic_NotAuthorizedAndNotStored()
    {
        using var client = await DeviceClient.ConnectAsync(fixture, 3);
        var result = await DeviceClient.PublishAsync(client, DeviceId(4), DeviceClient.Message(fixture, 1));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.Empty(await StoredSeqsAsync(DeviceId(4)));
        Assert.Empty(await StoredSeqsAsync(DeviceId(3)));
    }

    [Fact]
    public async Task Subscribe_AnotherDevicesCommands_NotAuthorized()
    {
        using var client = await DeviceClient.ConnectAsync(fixture, 3);
        var own = await client.SubscribeAsync($"v1/devices/{DeviceId(3)}/commands", MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, own.Items.Single().ResultCode);
        var foreign = await client.SubscribeAsync($"v1/devices/{DeviceId(4)}/commands", MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, foreign.Items.Single().ResultCode);
    }

    [Fact]
    public async Task Publish_BadMessage_RefusedWithFieldOthersStored()
    {
        using var client = await DeviceClient.ConnectAsync(fixture, 5);
        var bad = await DeviceClient.PublishAsync(client, DeviceId(5), DeviceClient.Message(fixture, 1, lat: 95));
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, bad.ReasonCode);
        Assert.Contains("fix.lat", bad.ReasonString, StringComparison.Ordinal);
        var malformed = await DeviceClient.PublishAsync(client, DeviceId(5), "{\"seq\":");
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, malformed.ReasonCode);

        var good = await DeviceClient.PublishAsync(client, DeviceId(5), DeviceClient.Message(fixture, 2));
        Assert.Equal(MqttClientPublishReasonCode.Success, good.ReasonCode);
        Assert.Equal([2L], await StoredSeqsAsync(DeviceId(5)));
    }

    [Fact]
    public async Task MosquittoPub_DemoDevice_AcceptedAndWrongPasswordRefused()
    {
        var device = fixture.Credentials.Devices[6];
        var ok = await DeviceClient.MosquittoPubAsync(fixture.MqttPort, device.DeviceId, device.Secret, DeviceClient.Message(fixture, 42));
        Assert.True(ok == 0, $"mosquitto_pub exited {ok}");
        Assert.Equal([42L], await StoredSeqsAsync(device.DeviceId));
        Assert.NotEqual(0, await DeviceClient.MosquittoPubAsync(fixture.MqttPort, device.DeviceId, "wrong", DeviceClient.Message(fixture, 43)));
        Assert.Equal([42L], await StoredSeqsAsync(device.DeviceId));
    }
}

public sealed class SqliteEmbeddedBrokerTests(SqliteBrokerFixture fixture) : EmbeddedBrokerTests(fixture), IClassFixture<SqliteBrokerFixture>;

public sealed class PostgresEmbeddedBrokerTests(PostgresBrokerFixture fixture) : EmbeddedBrokerTests(fixture), IClassFixture<PostgresBrokerFixture>;
