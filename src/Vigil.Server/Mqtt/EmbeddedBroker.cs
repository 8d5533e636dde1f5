using System.Buffers;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Vigil.Server.Ingestion;

namespace Vigil.Server.Mqtt;

/// <summary>
/// The embedded broker's rules: a device connects with its id as client id and user name and its secret as
/// password; it may publish only to its own telemetry topic and subscribe only to its own command topic. A
/// telemetry message is acknowledged (PUBACK) only after the intake has committed it: MQTTnet sends the PUBACK
/// when this interceptor returns.
/// </summary>
internal sealed class EmbeddedBroker(DeviceCredentials credentials, TelemetryIntake intake, UploadRateLimiter limiter,
    IngestionMetrics metrics, ILogger<EmbeddedBroker> logger)
{
    public const string Transport = "mqtt";

    public void Attach(MqttServer server)
    {
        server.ValidatingConnectionAsync += ValidateAsync;
        server.InterceptingPublishAsync += PublishAsync;
        server.InterceptingSubscriptionAsync += SubscribeAsync;
    }

    private async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (e.ClientId != e.UserName)
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            logger.MqttConnectRefused(e.ClientId, "client id is not the user name");
            return;
        }

        if (!await credentials.VerifyAsync(e.UserName, e.Password, e.CancellationToken))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            logger.MqttConnectRefused(e.ClientId, "unknown device, retired device or wrong secret");
        }
    }

    private async Task PublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.ClientId == DeviceCommands.ServerClientId)
        {
            return; // the server's own command, routed to the device's subscription
        }

        // Telemetry is consumed here, not routed to subscribers.
        e.ProcessPublish = false;
        var topic = e.ApplicationMessage.Topic;
        if (DeviceTopics.DeviceOfTelemetry(topic) != e.ClientId)
        {
            Refuse(e, MqttPubAckReasonCode.NotAuthorized, "topic", "A device may publish only to v1/devices/{its id}/telemetry.");
            logger.MqttForeignTopic(e.ClientId, topic);
            return;
        }

        if (!limiter.TryTake(e.ClientId))
        {
            Refuse(e, MqttPubAckReasonCode.QuotaExceeded, "rate", $"A device may send {limiter.UploadsPerMinute} messages a minute.");
            return;
        }

        var payload = e.ApplicationMessage.Payload;
        var body = payload.IsSingleSegment ? payload.First : payload.ToArray();
        var result = await intake.AcceptAsync(e.ClientId, body, Transport, e.CancellationToken);
        if (result.IsMalformed)
        {
            e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
            e.Response.ReasonString = $"{result.MalformedField}: {result.MalformedReason}";
        }
        else if (result.Rejections.Count > 0)
        {
            e.Response.ReasonCode = result.Stored + result.Duplicates > 0 ? MqttPubAckReasonCode.Success : MqttPubAckReasonCode.PayloadFormatInvalid;
            e.Response.ReasonString = string.Join("; ", result.Rejections.Take(5).Select(r => $"{r.Field}: {r.Reason}"));
        }
    }

    private void Refuse(InterceptingPublishEventArgs e, MqttPubAckReasonCode code, string field, string reason)
    {
        metrics.Rejected(Transport, field, code.ToString());
        e.Response.ReasonCode = code;
        e.Response.ReasonString = reason;
    }

    private Task SubscribeAsync(InterceptingSubscriptionEventArgs e)
    {
        if (e.TopicFilter.Topic != DeviceTopics.Commands(e.ClientId))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            logger.MqttForeignTopic(e.ClientId, e.TopicFilter.Topic);
        }

        return Task.CompletedTask;
    }
}
