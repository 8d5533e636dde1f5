using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>A wristband speaking MQTT to the fixture's embedded broker, with MQTTnet's own client.</summary>
public static class DeviceClient
{
    public static MqttClientOptions Options(VigilFixture fixture, string deviceId, string secret, MqttProtocolVersion version = MqttProtocolVersion.V500) =>
        Options(fixture.MqttPort, deviceId, secret, version);

    public static MqttClientOptions Options(int port, string deviceId, string secret, MqttProtocolVersion version = MqttProtocolVersion.V500) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(deviceId)
            .WithCredentials(deviceId, secret)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(20))
            .Build();

    public static async Task<IMqttClient> ConnectAsync(VigilFixture fixture, int deviceIndex, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var device = fixture.Credentials.Devices[deviceIndex];
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(fixture, device.DeviceId, device.Secret, version));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    /// <summary>Connects expecting a refusal; returns the CONNACK's reason (MQTTnet reports it in the exception's message).</summary>
    public static async Task<MqttClientConnectResultCode> RefusedWithAsync(IMqttClient client, MqttClientOptions options)
    {
        try
        {
            var result = await client.ConnectAsync(options);
            return result.ResultCode;
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            return Enum.GetValues<MqttClientConnectResultCode>().Where(c => e.Message.Contains(c.ToString(), StringComparison.Ordinal))
                .OrderByDescending(c => c.ToString().Length).FirstOrDefault();
        }
    }

    public static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string deviceId, string payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"v1/devices/{deviceId}/telemetry")
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    /// <summary>A protocol-v1 message measured <paramref name="secondsAgo"/> before the fixture's clock.</summary>
    public static string Message(VigilFixture fixture, long seq, double lat = 21.0288, double lon = 105.8525, int secondsAgo = 0, string extra = "") =>
        Message(fixture.Clock.GetUtcNow().AddSeconds(-secondsAgo), seq, lat, lon, extra);

    /// <summary>A protocol-v1 message measured at <paramref name="measuredAt"/>.</summary>
    public static string Message(DateTimeOffset measuredAt, long seq, double lat = 21.0288, double lon = 105.8525, string extra = "") =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"seq":{{seq}},"t":"{{measuredAt:O}}","fix":{"lat":{{lat}},"lon":{{lon}},"acc":8},"bat":{"pct":80,"chg":false}{{extra}}}""");

    /// <summary>Publishes one QoS 1 message with Debian's mosquitto_pub (MQTT 5); returns its exit code (0 after the PUBACK).</summary>
    public static async Task<int> MosquittoPubAsync(int port, string deviceId, string secret, string payload)
    {
        var start = new System.Diagnostics.ProcessStartInfo("mosquitto_pub")
        {
            ArgumentList = { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-i", deviceId, "-u", deviceId,
                "-P", secret, "-q", "1", "-t", $"v1/devices/{deviceId}/telemetry", "-m", payload },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = System.Diagnostics.Process.Start(start)
            ?? throw new InvalidOperationException("mosquitto_pub did not start (scripts/test.sh installs mosquitto-clients).");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
