using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Domain.Gatherings;

namespace Vigil.LoadHarness;

/// <summary>
/// P6, memory per active device: starts Vigil with the demo fleet, measures the live managed heap (after a full GC)
/// and the resident set idle, then activates the devices' actors in stages (one HTTPS upload each of its last minutes:
/// no MQTT sessions, so only the actor, its twin, its case and the per-device caches are added), measuring after each stage. The memory
/// per device is the slope between stages, so what the first activations warm once (code paths, pools, caches that
/// do not grow with the fleet) is not charged to every device.
/// </summary>
internal static partial class MemoryRun
{
    private static readonly TimeSpan HeapTimeout = TimeSpan.FromMinutes(10);

    private sealed record Measurement(int Devices, HeapProbe.Snapshot Heap, long Rss)
    {
        public long Dumped { get; } = Heap.ByType.Values.Sum(t => t.Bytes);

        public long Actors => Heap.ByType.GetValueOrDefault("Vigil.Server.Actors.DeviceGrain").Count;
    }

    public static async Task<string> RunAsync(HarnessOptions options)
    {
        // Seeding, starting and activating grow with the fleet: ~1 minute per 5,000 devices on the 2-core VM.
        var scaled = TimeSpan.FromMinutes(15 + options.Devices / 5_000);
        await using var vigil = await SeededVigil.StartAsync(options, scaled);
        // The seed's new people wake their devices' actors (the case refresher), however many by the time of a snapshot;
        // a restart on the seeded store starts with none.
        Console.Error.WriteLine("Restarting Vigil on the seeded store…");
        await vigil.RestartAsync(scaled);
        var (server, devices) = (vigil.Server, vigil.Devices);

        await server.WaitForFirstCompliancePassAsync(scaled);

        await Task.Delay(TimeSpan.FromSeconds(5));
        var measurements = new List<Measurement> { await MeasureAsync(server.Pid, 0) };
        Console.Error.WriteLine($"Idle: heap {measurements[0].Heap.TotalBytes / 1048576.0:F1} MB, RSS {measurements[0].Rss / 1048576.0:F1} MB");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) };
        var activating = Stopwatch.StartNew();
        foreach (var stage in options.Stages.Append(options.Devices))
        {
            var from = measurements[^1].Devices;
            await ActivateAsync(http, server, devices.Skip(from).Take(stage - from).ToList(), scaled);
            Console.Error.WriteLine($"{stage} actors active after {activating.Elapsed.TotalSeconds:F0} s; measuring in {options.SettleSeconds} s…");
            await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
            measurements.Add(await MeasureAsync(server.Pid, stage));
        }

        return Markdown(options, measurements, activating.Elapsed.TotalSeconds);
    }

    private static async Task<Measurement> MeasureAsync(int pid, int devices) =>
        new(devices, await HeapProbe.TakeAsync(pid, HeapTimeout), ProcessStats.WorkingSetBytes(pid));

    /// <summary>One HTTPS upload per device, then waits until the server's own metrics show every one evaluated.</summary>
    private static async Task ActivateAsync(HttpClient http, TargetProcess server, IReadOnlyList<SimulatedDevice> devices, TimeSpan timeout)
    {
        var activating = Stopwatch.StartNew();
        var evaluatedBefore = await EvaluationsAsync(http);
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (device, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device.DeviceId}/telemetry")
            {
                Content = new ByteArrayContent(LastMinutes(device, DateTimeOffset.UtcNow))
                {
                    Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
                },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device.Secret);
            using var response = await http.SendAsync(request, token);
            response.EnsureSuccessStatusCode();
        });
        // An upload is evaluated in one delivery or a few: done once there are as many evaluations as uploads and no more come.
        var (seen, evaluated) = (-1L, 0L);
        while (evaluated < devices.Count || evaluated != seen)
        {
            server.ThrowIfExited("activating");
            if (activating.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {evaluated} of {devices.Count} uploads were evaluated within {timeout.TotalMinutes} minutes.");
            }

            await Task.Delay(1000);
            (seen, evaluated) = (evaluated, await EvaluationsAsync(http) - evaluatedBefore);
        }
    }

    /// <summary>
    /// The device's last minutes, one message a minute, as one batch — as many as the gathering trail keeps
    /// (<see cref="FixTrail.Capacity"/>): a device in steady state, whose trail is full and whose baseline and twin have
    /// seen readings, not a first message.
    /// </summary>
    private static byte[] LastMinutes(SimulatedDevice device, DateTimeOffset now)
    {
        var random = new Random(device.DeviceId.GetHashCode(StringComparison.Ordinal));
        var messages = Enumerable.Range(1, FixTrail.Capacity)
            .Select(seq => Fleet.Payload(device, seq, now.AddMinutes(seq - FixTrail.Capacity), random, strapCut: false));
        return Encoding.UTF8.GetBytes($"[{string.Join(',', messages.Select(Encoding.UTF8.GetString))}]");
    }

    private static string Markdown(HarnessOptions options, List<Measurement> measurements, double activateSeconds)
    {
        var c = CultureInfo.InvariantCulture;
        // The slope's basis: from the first stage (the warm-up already paid) to the last; with no stages, from idle.
        var (low, high) = (measurements[measurements.Count > 2 ? 1 : 0], measurements[^1]);
        var added = (double)(high.Devices - low.Devices);
        var grew = high.Heap.ByType
            .Select(t => (Type: t.Key, Count: t.Value.Count - low.Heap.ByType.GetValueOrDefault(t.Key).Count, Bytes: t.Value.Bytes - low.Heap.ByType.GetValueOrDefault(t.Key).Bytes))
            .Where(t => t.Bytes >= 8 * added).OrderByDescending(t => t.Bytes).ToList();
        var sizes = measurements.Select(m => string.Create(c,
            $"| {m.Devices:N0} | {m.Actors:N0} | {m.Heap.TotalBytes / 1048576.0:F1} MB | {m.Dumped / 1048576.0:F1} MB | {m.Rss / 1048576.0:F1} MB |"));
        var steps = measurements.Zip(measurements.Skip(1)).Select(p => Step(p.First, p.Second))
            .Append(measurements.Count > 2 ? Step(low, high) : null).OfType<string>();
        var growth = grew.Select(t => string.Create(c, $"| {t.Type} | {t.Count / added:F2} | {t.Bytes / added:F0} B |"));
        return string.Create(c, $"""
            Machine: {Environment.ProcessorCount} cores, {ProcessStats.CpuModel()}; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {Report.Commit()}
            P6 ({options.Database}, {options.Devices:N0} actors activated in {activateSeconds:F1} s in all, one HTTPS upload each of its last {FixTrail.Capacity} minutes, measured {options.SettleSeconds} s after each stage):
            | devices active | device actors alive | live heap after a full GC | heap dump (every live object) | resident set (RSS) |
            |---:|---:|---:|---:|---:|
            {string.Join('\n', sizes)}

            Per additional device (the slope between two sizes):
            | from → to | live heap | heap dump | RSS |
            |---|---:|---:|---:|
            {string.Join('\n', steps)}

            Where the heap grew from {low.Devices:N0} to {high.Devices:N0} devices by 8 B or more per added device (objects, bytes), largest first; together {grew.Sum(t => t.Bytes) / added:F0} B per device:
            | type | objects | bytes |
            |---|---|---|
            {string.Join('\n', growth)}
            """);

        string Step(Measurement a, Measurement b)
        {
            var n = (double)(b.Devices - a.Devices);
            return string.Create(c,
                $"| {a.Devices:N0} → {b.Devices:N0} | {(b.Heap.TotalBytes - a.Heap.TotalBytes) / n:F0} B | {(b.Dumped - a.Dumped) / n:F0} B | {(b.Rss - a.Rss) / n:F0} B |");
        }
    }

    /// <summary>Actor evaluations so far, from the server's own Prometheus metrics.</summary>
    private static async Task<long> EvaluationsAsync(HttpClient http)
    {
        var metrics = await http.GetStringAsync("/metrics");
        // e.g. vigil_rules_evaluation_duration_milliseconds_count{otel_scope_name="Vigil.Rules"} 200 1795400000000
        return EvaluationCount().Matches(metrics).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^vigil_rules_evaluation_duration\w*_count(?:\{[^}]*\})? (\d+)", RegexOptions.Multiline)]
    private static partial Regex EvaluationCount();
}
