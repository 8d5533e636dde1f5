using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Vigil.LoadHarness;

/// <summary>One simulated wristband: its credentials, where its wearer lives, its counter and its MQTT connection.</summary>
internal sealed class SimulatedDevice(string deviceId, string secret, Guid? personId, double homeLat, double homeLon)
{
    public string DeviceId { get; } = deviceId;

    public string Secret { get; } = secret;

    public Guid? PersonId { get; } = personId;

    public double HomeLat { get; } = homeLat;

    public double HomeLon { get; } = homeLon;

    public string Topic { get; } = $"v1/devices/{deviceId}/telemetry";

    public long Seq { get; set; }

    /// <summary>Realistic bodies from the simulator (see <see cref="Payloads"/>), sent with the run's own seq and time.</summary>
    public IReadOnlyList<Vigil.Simulator.Model.WireMessage> Templates { get; set; } = [];

    public IMqttClient? Client { get; set; }
}

/// <summary>The simulated devices: connecting them, and the protocol-v1 messages they send.</summary>
internal static class Fleet
{
    private const double MetersPerDegreeLat = 111_320;

    public static async Task ConnectAsync(IReadOnlyList<SimulatedDevice> devices, int port, CancellationToken ct)
    {
        var factory = new MqttClientFactory();
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (device, token) =>
        {
            var client = factory.CreateMqttClient();
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithClientId(device.DeviceId)
                .WithCredentials(device.DeviceId, device.Secret)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
                .WithTimeout(TimeSpan.FromSeconds(30))
                .Build();
            var result = await client.ConnectAsync(options, token);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"{device.DeviceId} was refused: {result.ResultCode}.");
            }

            device.Client = client;
        });
    }

    /// <summary>
    /// One message from every device, each awaited for its PUBACK, before the timed run: activates every device's
    /// actor (twin and case loaded, first twin write), so the warm-up is not a fleet-wide activation storm.
    /// </summary>
    public static async Task PrimeAsync(IReadOnlyList<SimulatedDevice> devices, CancellationToken ct)
    {
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (device, token) =>
        {
            device.Seq++;
            var result = await device.Client!.PublishAsync(Message(device, device.Seq, DateTimeOffset.UtcNow, new Random(device.DeviceId.GetHashCode(StringComparison.Ordinal)), strapCut: false), token);
            if (result.ReasonCode != MqttClientPublishReasonCode.Success)
            {
                throw new InvalidOperationException($"{device.DeviceId}'s first message was refused: {result.ReasonCode} {result.ReasonString}.");
            }
        });
    }

    public static async Task DisconnectAsync(IReadOnlyList<SimulatedDevice> devices)
    {
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (device, _) =>
        {
            if (device.Client is { } client)
            {
                try
                {
                    await client.DisconnectAsync();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The run is over; a connection the server already dropped is fine.
                }

                client.Dispose();
                device.Client = null;
            }
        });
    }

    /// <summary>
    /// A realistic message: one of the device's simulated messages (<see cref="Payloads"/>) with this seq and time, or
    /// without templates a GNSS fix within ~20 m of the residence, battery, strap closed and worn, vitals and motion.
    /// <paramref name="strapCut"/> makes it a tamper message (raises an alert at once).
    /// </summary>
    public static MqttApplicationMessage Message(SimulatedDevice device, long seq, DateTimeOffset measuredAt, Random random, bool strapCut) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(device.Topic)
            .WithPayload(Payload(device, seq, measuredAt, random, strapCut))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

    /// <summary>The message's protocol-v1 JSON, UTF-8 (the MQTT payload, or one HTTPS upload).</summary>
    public static byte[] Payload(SimulatedDevice device, long seq, DateTimeOffset measuredAt, Random random, bool strapCut)
    {
        if (!strapCut && device.Templates.Count > 0)
        {
            var template = device.Templates[(int)(seq % device.Templates.Count)] with { Seq = seq, MeasuredAt = measuredAt };
            return Vigil.Simulator.Model.WireMessage.Serialize([template], asArray: false);
        }

        var lat = device.HomeLat + ((random.NextDouble() - 0.5) * 40 / MetersPerDegreeLat);
        var lon = device.HomeLon + ((random.NextDouble() - 0.5) * 40 / (MetersPerDegreeLat * Math.Cos(device.HomeLat * Math.PI / 180)));
        var strap = strapCut ? "cut" : "closed";
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"seq":{{seq}},"t":"{{measuredAt:yyyy-MM-ddTHH:mm:ss.fffZ}}","fix":{"lat":{{lat:F6}},"lon":{{lon:F6}},"acc":{{8 + random.Next(12)}},"src":"gnss","spd":0.4},"bat":{"pct":{{80 - (seq % 20)}},"chg":false},"wear":{"strap":"{{strap}}","skin":true,"case":"closed"},"vitals":{"hr":{{68 + random.Next(10)}},"hrv":45.2,"spo2":98,"temp":33.1,"eda":2.31,"rr":14},"motion":{"steps":{{random.Next(30)}},"act":0.21} }"""));
    }
}
