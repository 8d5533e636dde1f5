using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Vigil.Simulator.Live;

/// <summary>
/// Drives a running Vigil in real time: every second each band is stepped to the clock's now and what it would
/// have delivered by then is sent — over MQTT (QoS 1, one connection per band, as the protocol says) or as an
/// HTTPS upload with the device secret as bearer token. Every message is counted as acknowledged (PUBACK success,
/// or accepted/duplicate in the upload's answer), refused by the server (a PUBACK reason code, a rejection in the
/// upload's answer, a 4xx) or failed (not connected, no answer, 5xx); the band goes on either way, and nothing here
/// stops the fleet but cancellation. An MQTT band listens on its commands topic and honours report-interval commands
/// (the tier's interval, a vitals watch); a band uploading over HTTPS has no downlink and keeps its cadence.
/// </summary>
public sealed class LiveFleet(IReadOnlyList<FleetMember> members, string mqttHost, int mqttPort, Uri httpBase, TimeProvider clock) : IAsyncDisposable
{
    private readonly Dictionary<string, IMqttClient> _clients = [];
    private readonly HttpClient _http = new() { BaseAddress = httpBase, Timeout = TimeSpan.FromSeconds(30) };
    private long _sent;
    private long _acked;
    private long _rejected;
    private long _failed;
    private long _commands;

    /// <summary>Messages handed to MQTT or the HTTPS upload.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Messages the server confirmed (stored, or recognised as a duplicate).</summary>
    public long Acked => Interlocked.Read(ref _acked);

    /// <summary>Messages the server refused (invalid, over quota, bad credentials).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Messages that did not get an answer (band not connected, connection lost, server error).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The bands connected over MQTT.</summary>
    public int Connected
    {
        get
        {
            lock (_clients)
            {
                return _clients.Values.Count(c => c.IsConnected);
            }
        }
    }

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
                client.ApplicationMessageReceivedAsync += e => Heard(member, e.ApplicationMessage);
                var result = await client.ConnectAsync(options, token);
                if (result.ResultCode == MqttClientConnectResultCode.Success)
                {
                    // The band listens for the server's commands (retained: the latest one comes at once).
                    await client.SubscribeAsync(Commands(member.DeviceId), MqttQualityOfServiceLevel.AtLeastOnce, token);
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

    /// <summary>Commands heard from the server (report-interval commands honoured by the band).</summary>
    public long CommandsHeard => Interlocked.Read(ref _commands);

    private static string Commands(string deviceId) => $"v1/devices/{deviceId}/commands";

    /// <summary>A report-interval command changes the band's cadence from now on; anything else is noted and ignored.</summary>
    private Task Heard(FleetMember member, MqttApplicationMessage message)
    {
        try
        {
            using var json = JsonDocument.Parse(message.Payload);
            var root = json.RootElement;
            if (root.GetProperty("cmd").GetString() == "report-interval")
            {
                DateTimeOffset? until = root.TryGetProperty("until", out var u) && u.ValueKind == JsonValueKind.String ? u.GetDateTimeOffset() : null;
                member.Wearer.Command(clock.GetUtcNow(), root.GetProperty("seconds").GetInt32(), until);
                Interlocked.Increment(ref _commands);
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            LastError = $"{member.DeviceId}: unreadable command ({e.Message})";
        }

        return Task.CompletedTask;
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
                var count = delivery.Messages.Count;
                Interlocked.Add(ref _sent, count);
                try
                {
                    var (acked, rejected) = await SendAsync(member, delivery.Body(), count, token);
                    Interlocked.Add(ref _acked, acked);
                    Interlocked.Add(ref _rejected, rejected);
                    Interlocked.Add(ref _failed, count - acked - rejected);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    Interlocked.Add(ref _failed, count);
                    LastError = $"{member.DeviceId}: {e.Message}";
                }
            }
        });

    /// <summary>Sends one delivery of <paramref name="count"/> messages; answers how many were acknowledged and how many refused.</summary>
    private async Task<(int Acked, int Rejected)> SendAsync(FleetMember member, byte[] body, int count, CancellationToken ct)
    {
        if (member.Transport == Transport.Mqtt)
        {
            if (!_clients.TryGetValue(member.DeviceId, out var client) || !client.IsConnected)
            {
                return (0, 0);
            }

            var message = new MqttApplicationMessageBuilder().WithTopic($"v1/devices/{member.DeviceId}/telemetry").WithPayload(body)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            var result = await client.PublishAsync(message, ct);
            if (result.IsSuccess)
            {
                return (count, 0);
            }

            LastError = $"{member.DeviceId}: publish refused ({result.ReasonCode} {result.ReasonString})";
            return (0, count);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/devices/{member.DeviceId}/telemetry") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.Secret);
        using var response = await _http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            var answer = await response.Content.ReadFromJsonAsync<UploadAnswer>(ct);
            if (answer?.Rejected > 0)
            {
                LastError = $"{member.DeviceId}: {answer.Rejected} of {count} uploaded messages refused";
            }

            return answer is null ? (0, 0) : (answer.Accepted + answer.Duplicates, answer.Rejected);
        }

        LastError = $"{member.DeviceId}: HTTPS upload answered {(int)response.StatusCode}";
        return (int)response.StatusCode is >= 400 and < 500 ? (0, count) : (0, 0);
    }

    /// <summary>The upload endpoint's answer (only the counts are read).</summary>
    private sealed record UploadAnswer(int Accepted, int Duplicates, int Rejected);

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
