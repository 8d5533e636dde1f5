using System.Net.Http.Headers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Vigil.Simulator.Live;

/// <summary>
/// Drives a running Vigil in real time: every second each band is stepped to the clock's now and what it would
/// have delivered by then is sent — over MQTT (QoS 1, one connection per band, as the protocol says) or as an
/// HTTPS upload with the device secret as bearer token. A failed send is counted and the band goes on; nothing
/// here stops the fleet but cancellation.
/// </summary>
public sealed class LiveFleet(IReadOnlyList<FleetMember> members, string mqttHost, int mqttPort, Uri httpBase, TimeProvider clock) : IAsyncDisposable
{
    private readonly Dictionary<string, IMqttClient> _clients = [];
    private readonly HttpClient _http = new() { BaseAddress = httpBase, Timeout = TimeSpan.FromSeconds(30) };
    private long _sent;
    private long _failed;

    public long Sent => Interlocked.Read(ref _sent);

    public long Failed => Interlocked.Read(ref _failed);

    public string? LastError { get; private set; }

    /// <summary>Connects every MQTT band (16 at a time); a band refused at CONNECT is reported and left out.</summary>
    public async Task<int> ConnectAsync(CancellationToken ct)
    {
        var factory = new MqttClientFactory();
        var connected = 0;
        await Parallel.ForEachAsync(members.Where(m => m.Transport == Transport.Mqtt), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (member, token) =>
        {
            var client = factory.CreateMqttClient();
            var options = new MqttClientOptionsBuilder().WithTcpServer(mqttHost, mqttPort).WithClientId(member.DeviceId)
                .WithCredentials(member.DeviceId, member.Secret).WithProtocolVersion(MqttProtocolVersion.V500)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(60)).WithTimeout(TimeSpan.FromSeconds(20)).Build();
            try
            {
                var result = await client.ConnectAsync(options, token);
                if (result.ResultCode == MqttClientConnectResultCode.Success)
                {
                    lock (_clients)
                    {
                        _clients[member.DeviceId] = client;
                        connected++;
                    }

                    return;
                }

                LastError = $"{member.DeviceId} refused at CONNECT: {result.ResultCode}";
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LastError = $"{member.DeviceId} could not connect: {e.Message}";
            }

            client.Dispose();
        });
        return connected;
    }

    /// <summary>Steps the fleet once a second until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        do
        {
            await StepAsync(clock.GetUtcNow(), ct);
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>Sends what every band has delivered by <paramref name="now"/>.</summary>
    public Task StepAsync(DateTimeOffset now, CancellationToken ct) =>
        Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (member, token) =>
        {
            foreach (var delivery in member.Wearer.Advance(now))
            {
                try
                {
                    if (await SendAsync(member, delivery.Body(), token))
                    {
                        Interlocked.Add(ref _sent, delivery.Messages.Count);
                    }
                    else
                    {
                        Interlocked.Add(ref _failed, delivery.Messages.Count);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    Interlocked.Add(ref _failed, delivery.Messages.Count);
                    LastError = $"{member.DeviceId}: {e.Message}";
                }
            }
        });

    private async Task<bool> SendAsync(FleetMember member, byte[] body, CancellationToken ct)
    {
        if (member.Transport == Transport.Mqtt)
        {
            if (!_clients.TryGetValue(member.DeviceId, out var client) || !client.IsConnected)
            {
                return false;
            }

            var message = new MqttApplicationMessageBuilder().WithTopic($"v1/devices/{member.DeviceId}/telemetry").WithPayload(body)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            var result = await client.PublishAsync(message, ct);
            if (!result.IsSuccess)
            {
                LastError = $"{member.DeviceId}: publish refused ({result.ReasonCode} {result.ReasonString})";
            }

            return result.IsSuccess;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/devices/{member.DeviceId}/telemetry") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.Secret);
        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            LastError = $"{member.DeviceId}: HTTPS upload answered {(int)response.StatusCode}";
        }

        return response.IsSuccessStatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            try
            {
                await client.DisconnectAsync();
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                // Going away anyway.
            }

            client.Dispose();
        }

        _http.Dispose();
    }
}
