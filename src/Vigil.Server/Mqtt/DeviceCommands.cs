using System.Text.Json;
using System.Text.Json.Serialization;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Vigil.Server.Mqtt;

/// <summary>
/// The server's commands to a wristband on <c>v1/devices/{deviceId}/commands</c> (QoS 1, retained, so a band that is
/// offline gets the latest command when it subscribes again). Sent through the embedded broker; with an external
/// broker or no MQTT, commands are not sent and this says so.
/// </summary>
public sealed class DeviceCommands(IServiceProvider services, TimeProvider clock, ILogger<DeviceCommands> logger)
{
    /// <summary>The sender id of the server's own messages: a device id never starts with '$', so no device can pose as it.</summary>
    internal const string ServerClientId = "$vigil";

    /// <summary>
    /// Tells the device how often to report (seconds) and why; with <paramref name="until"/>, only until then (the band goes
    /// back to the interval it had by itself). False when no command channel is available.
    /// </summary>
    public async Task<bool> SetReportIntervalAsync(string deviceId, int seconds, string reason, CancellationToken ct = default, DateTimeOffset? until = null)
    {
        if (services.GetService<EmbeddedBroker>() is null || services.GetService<MqttServer>() is not { } server)
        {
            logger.DeviceCommandNotSent(deviceId, "commands are sent only through the embedded broker");
            return false;
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(new ReportInterval("report-interval", seconds, reason, until, clock.GetUtcNow()), JsonSerializerOptions.Web);
        var message = new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.Commands(deviceId)).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag().Build();
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = ServerClientId }, ct);
        logger.DeviceCommandSent(deviceId, seconds, reason);
        return true;
    }

    private sealed record ReportInterval(string Cmd, int Seconds, string Reason,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? Until, DateTimeOffset T);
}
