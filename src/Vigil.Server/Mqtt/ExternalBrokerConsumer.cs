using System.Buffers;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using Vigil.Server.Ingestion;

namespace Vigil.Server.Mqtt;

/// <summary>
/// Consumes the devices' telemetry from an external broker (Eclipse Mosquitto) through the shared subscription
/// <c>$share/{group}/v1/devices/+/telemetry</c>, so that each message goes to one Vigil node. The broker has
/// authenticated the device and its ACL keeps each device to its own topic; Vigil takes the device id from the
/// topic. Vigil's session is persistent and each message is acknowledged only once stored, so the broker keeps
/// (and redelivers) whatever Vigil has not stored.
/// </summary>
internal sealed class ExternalBrokerConsumer(IOptions<MqttOptions> options, TelemetryIntake intake, ILogger<ExternalBrokerConsumer> logger)
    : BackgroundService
{
    public const string Transport = "mqtt-external";
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _inFlight = new(1000);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += async e =>
        {
            e.AutoAcknowledge = false;
            await _inFlight.WaitAsync(stoppingToken);
            _ = Task.Run(() => HandleAsync(e, stoppingToken), stoppingToken);
        };
        var connect = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.ExternalPort)
            .WithClientId($"vigil-{Environment.MachineName}-{settings.SharedGroup}")
            .WithCredentials(settings.Username, settings.Password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(uint.MaxValue)
            .Build();
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic($"$share/{settings.SharedGroup}/{DeviceTopics.TelemetryFilter}").WithAtLeastOnceQoS())
            .Build();

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(connect, stoppingToken);
                    await client.SubscribeAsync(subscribe, stoppingToken);
                    logger.ExternalBrokerConnected(settings.Host!, settings.ExternalPort);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.ExternalBrokerUnavailable(settings.Host!, settings.ExternalPort, e.Message);
            }

            await Task.Delay(ReconnectAfter, stoppingToken);
        }
    }

    private async Task HandleAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken ct)
    {
        try
        {
            var topic = e.ApplicationMessage.Topic;
            if (DeviceTopics.DeviceOfTelemetry(topic) is not { } deviceId)
            {
                logger.MqttForeignTopic(e.ClientId, topic);
            }
            else
            {
                await intake.AcceptAsync(deviceId, e.ApplicationMessage.Payload.ToArray(), Transport, ct);
            }

            await e.AcknowledgeAsync(ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Not acknowledged: the broker delivers it again after the session resumes.
            logger.ExternalMessageFailed(error, e.ApplicationMessage.Topic);
        }
        finally
        {
            _inFlight.Release();
        }
    }
}
