using System.Diagnostics;
using System.Text.Json;
using Vigil.LoadHarness;

// The load harness: see docs/benchmarks.md ("Real-time engine: load harness") and PERFORMANCE.md (P1, P1s, P2, P3, P6).
var options = HarnessOptions.Parse(args);
if (options.ServeBrokerPort is { } brokerPort)
{
    return await BareBroker.RunAsync(brokerPort);
}

if (options.Memory)
{
    Console.WriteLine(await MemoryRun.RunAsync(options));
    return 0;
}

if (options.BurstHours > 0)
{
    var burst = await Burst.RunAsync(options);
    Console.WriteLine(burst.Markdown());
    if (options.Out is { } burstPath)
    {
        await File.WriteAllTextAsync(burstPath, JsonSerializer.Serialize(burst, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"Written to {burstPath}");
    }

    return burst.ZeroLossNoDuplicates ? 0 : 1;
}

var runs = new List<RunResult>();
IReadOnlyList<SimulatedDevice>? fleet = null;
if (!options.BrokerOnly)
{
    (var run, fleet) = await Modes.EndToEndAsync(options);
    runs.Add(run);
}

if (options.BrokerOnly || options.Compare)
{
    runs.Add(await Modes.BrokerOnlyAsync(options, fleet));
}

double? ratio = runs.Count == 2 ? runs[0].Window.AckedPerSecond / runs[1].Window.AckedPerSecond : null;
Console.WriteLine(Report.Markdown(options, runs, ratio));
if (options.Out is { } path)
{
    await Report.WriteJsonAsync(path, options, runs, ratio);
    Console.WriteLine($"Written to {path}");
}

return 0;

namespace Vigil.LoadHarness
{
    /// <summary>The two modes: Vigil end to end, and the bare broker with the same clients and rate.</summary>
    internal static class Modes
    {
        public static async Task<(RunResult, IReadOnlyList<SimulatedDevice>)> EndToEndAsync(HarnessOptions options)
        {
            await using var vigil = await SeededVigil.StartAsync(options, TimeSpan.FromMinutes(10));
            var (server, store, credentials, devices, startSeconds) = (vigil.Server, vigil.Store, vigil.Credentials, vigil.Devices, vigil.StartSeconds);
            Parallel.ForEach(devices, d => d.Templates = Payloads.Templates(d, TimeSpan.FromHours(2)));

            Console.Error.WriteLine($"Vigil ready in {startSeconds:F1} s; logging in as c04.supervisor and connecting {devices.Count} devices…");
            await using var probe = await AlertProbe.ConnectAsync(server.HttpPort, credentials.Officers.Single(o => o.Username == "c04.supervisor"));
            await Task.Delay(TimeSpan.FromSeconds(3));
            var before = ProcessStats.WorkingSetBytes(server.Pid);
            var connecting = Stopwatch.StartNew();
            await Fleet.ConnectAsync(devices, server.MqttPort, CancellationToken.None);
            var connectSeconds = connecting.Elapsed.TotalSeconds;
            var priming = Stopwatch.StartNew();
            await Fleet.PrimeAsync(devices, CancellationToken.None);
            var primeSeconds = priming.Elapsed.TotalSeconds;
            await server.WaitForFirstCompliancePassAsync(TimeSpan.FromMinutes(10));
            await Task.Delay(TimeSpan.FromSeconds(3));
            Console.Error.WriteLine($"Connected in {connectSeconds:F1} s, one message each in {primeSeconds:F1} s; sending for {options.Seconds} s…");
            var load = new LoadRun(options, devices, server.Pid, probe);
            var window = await load.RunAsync(before);
            server.ThrowIfExited("under load");
            await Fleet.DisconnectAsync(devices);
            var (rows, distinct) = await store.CountTelemetryAsync();
            var alerts = probe.LatenciesMs.Order().ToArray();
            var result = Result("end-to-end", options, load, window, startSeconds, connectSeconds) with
            {
                PrimeSeconds = primeSeconds,
                ZeroLossNoDuplicates = rows == distinct && rows == load.Acked + devices.Count,
                StoredRows = rows,
                StoredDistinct = distinct,
                AlertsSent = probe.Sent,
                AlertsReceived = alerts.Length,
                AlertP50Ms = alerts.Length == 0 ? null : RunResult.Percentile(alerts, 50),
                AlertP99Ms = alerts.Length == 0 ? null : RunResult.Percentile(alerts, 99),
                AlertMaxMs = alerts.Length == 0 ? null : alerts[^1],
                LivePositionsReceived = probe.Positions,
            };
            if (result.ZeroLossNoDuplicates == false)
            {
                Console.Error.WriteLine($"Stored rows ({rows}, {distinct} distinct) differ from acknowledged messages ({load.Acked} + {devices.Count} priming); refused {load.Refused}, failed {load.Failed}, unfinished {load.Unfinished}.");
            }

            var warnings = server.Output;
            if (warnings.Length > 0)
            {
                Console.Error.WriteLine("Vigil's output (tail):\n" + warnings[Math.Max(0, warnings.Length - 4000)..]);
            }

            return (result, devices);
        }

        public static async Task<RunResult> BrokerOnlyAsync(HarnessOptions options, IReadOnlyList<SimulatedDevice>? fleet)
        {
            var devices = fleet?.Select(d => new SimulatedDevice(d.DeviceId, d.Secret, null, d.HomeLat, d.HomeLon)).ToList()
                ?? [.. Enumerable.Range(1, options.Devices).Select(i => new SimulatedDevice($"VG-{i:D6}", "secret", null, 21.0288, 105.8525))];
            Console.Error.WriteLine("Starting the bare broker (broker-only mode)…");
            var started = Stopwatch.StartNew();
            await using var broker = await TargetProcess.StartBareBrokerAsync();
            var startSeconds = started.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(2));
            var before = ProcessStats.WorkingSetBytes(broker.Pid);
            var connecting = Stopwatch.StartNew();
            await Fleet.ConnectAsync(devices, broker.MqttPort, CancellationToken.None);
            var connectSeconds = connecting.Elapsed.TotalSeconds;
            var priming = Stopwatch.StartNew();
            await Fleet.PrimeAsync(devices, CancellationToken.None);
            var primeSeconds = priming.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"Connected in {connectSeconds:F1} s; sending for {options.Seconds} s…");
            var load = new LoadRun(options, devices, broker.Pid, probe: null);
            var window = await load.RunAsync(before);
            await Fleet.DisconnectAsync(devices);
            return Result("broker-only", options, load, window, startSeconds, connectSeconds) with { PrimeSeconds = primeSeconds };
        }

        private static RunResult Result(string mode, HarnessOptions options, LoadRun load, WindowMeasurement window, double startSeconds, double connectSeconds)
        {
            var latencies = load.SortedLatenciesMs();
            var p99 = RunResult.Percentile(latencies, 99);
            Console.Error.WriteLine($"{mode}, by send time:");
            foreach (var line in load.Timeline(10))
            {
                Console.Error.WriteLine("  " + line);
            }

            return new RunResult
            {
                Mode = mode,
                Database = mode == "broker-only" ? "none" : options.Database,
                Devices = options.Devices,
                TargetRate = options.Rate,
                StartSeconds = startSeconds,
                ConnectSeconds = connectSeconds,
                Window = window,
                Sent = load.Sent,
                Acked = load.Acked,
                Refused = load.Refused,
                Failed = load.Failed,
                Unfinished = load.Unfinished,
                PubAckP50Ms = RunResult.Percentile(latencies, 50),
                PubAckP99Ms = p99,
                PubAckMaxMs = latencies.Length == 0 ? double.NaN : latencies[^1],
                Holds = p99 < 1000 && (options.Rate == 0 || window.AckedPerSecond >= 0.95 * options.Rate),
            };
        }
    }
}
