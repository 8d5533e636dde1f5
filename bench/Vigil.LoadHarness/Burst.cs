using System.Diagnostics;
using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;

namespace Vigil.LoadHarness;

/// <summary>What a burst run measured (P4).</summary>
internal sealed record BurstResult(string Database, int Devices, double Hours, long Messages, long Acked, long Refused, double DrainSeconds,
    double DrainedPerSecond, long StoredRows, long StoredDistinct, bool ZeroLossNoDuplicates)
{
    public string Markdown() => string.Create(CultureInfo.InvariantCulture,
        $"""
        | mode | db | devices | buffered | messages | acknowledged | refused | drained in | drained msg/s | stored rows (distinct) | zero loss, no duplicates |
        |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
        | burst | {Database} | {Devices} | {Hours:0.#} h each | {Messages:N0} | {Acked:N0} | {Refused:N0} | {DrainSeconds:F1} s | {DrainedPerSecond:N0} | {StoredRows:N0} ({StoredDistinct:N0}) | {(ZeroLossNoDuplicates ? "yes" : "NO")} |
        """);
}

/// <summary>
/// Burst mode (P4): after a coverage outage every device uploads its buffered hours at once — the simulator's
/// realistic messages for those hours, oldest first, in arrays of 500 over MQTT QoS 1 — and the run measures how
/// fast Vigil drains them (a PUBACK means stored) and checks the store: every message once, none lost.
/// </summary>
internal static class Burst
{
    private const int ArrayOf = 500;

    public static async Task<BurstResult> RunAsync(HarnessOptions options)
    {
        await using var vigil = await SeededVigil.StartAsync(options, TimeSpan.FromMinutes(10));
        var (server, store, devices) = (vigil.Server, vigil.Store, vigil.Devices);
        var now = DateTimeOffset.UtcNow;
        Console.Error.WriteLine($"Simulating {options.BurstHours} h of buffered data for {devices.Count} devices…");
        var buffered = devices.AsParallel().Select(d => (Device: d, Bodies: Payloads.Buffered(d, now, options.BurstHours)
            .Chunk(ArrayOf).Select(chunk => (Count: chunk.Length, Body: Vigil.Simulator.Model.WireMessage.Serialize(chunk, asArray: true))).ToList())).ToList();
        var messages = buffered.Sum(b => b.Bodies.Sum(x => (long)x.Count));
        await Fleet.ConnectAsync(devices, server.MqttPort, CancellationToken.None);
        await server.WaitForFirstCompliancePassAsync(TimeSpan.FromMinutes(10));

        Console.Error.WriteLine($"Uploading {messages:N0} buffered messages at once…");
        long acked = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(buffered, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (upload, ct) =>
        {
            foreach (var (count, body) in upload.Bodies)
            {
                var message = new MqttApplicationMessageBuilder().WithTopic(upload.Device.Topic).WithPayload(body)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                var result = await upload.Device.Client!.PublishAsync(message, ct);
                Interlocked.Add(ref result.IsSuccess ? ref acked : ref refused, count);
            }
        });
        var drain = clock.Elapsed.TotalSeconds;
        server.ThrowIfExited("during the burst");
        await Fleet.DisconnectAsync(devices);
        var (rows, distinct) = await store.CountTelemetryAsync();
        return new BurstResult(options.Database, devices.Count, options.BurstHours, messages, acked, refused, drain, acked / drain, rows, distinct,
            rows == distinct && rows == messages);
    }
}
