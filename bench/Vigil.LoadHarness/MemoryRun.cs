using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Vigil.LoadHarness;

/// <summary>
/// P6, memory per active device: starts Vigil with the demo fleet, measures the live managed heap (after a full GC)
/// and the resident set, activates every device's actor with one HTTPS upload each (no MQTT sessions, so only the
/// actor, its twin and its case are added), waits until every upload is evaluated, and measures again.
/// </summary>
internal static partial class MemoryRun
{
    private static readonly TimeSpan HeapTimeout = TimeSpan.FromMinutes(2);

    public static async Task<string> RunAsync(HarnessOptions options)
    {
        await using var vigil = await SeededVigil.StartAsync(options, TimeSpan.FromMinutes(15));
        // The seed's new people wake their devices' actors (the case refresher), however many by the time of a snapshot;
        // a restart on the seeded store starts with none.
        Console.Error.WriteLine("Restarting Vigil on the seeded store…");
        await vigil.RestartAsync(TimeSpan.FromMinutes(15));
        var (server, devices) = (vigil.Server, vigil.Devices);

        Console.Error.WriteLine("Waiting for the first compliance pass…");
        if (await Task.WhenAny(server.FirstCompliancePass, Task.Delay(TimeSpan.FromMinutes(10))) != server.FirstCompliancePass)
        {
            throw new TimeoutException("The server logged no compliance pass (event 330) within 10 minutes of start.");
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var heapBefore = await HeapProbe.TakeAsync(server.Pid, HeapTimeout);
        var rssBefore = ProcessStats.WorkingSetBytes(server.Pid);
        Console.Error.WriteLine($"Idle: heap {heapBefore.TotalBytes / 1048576.0:F1} MB, RSS {rssBefore / 1048576.0:F1} MB; activating {devices.Count} actors over HTTPS…");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) };
        var activating = Stopwatch.StartNew();
        var evaluatedBefore = await EvaluationsAsync(http);
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (device, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device.DeviceId}/telemetry")
            {
                Content = new ByteArrayContent(Fleet.Payload(device, 1, DateTimeOffset.UtcNow, new Random(device.DeviceId.GetHashCode(StringComparison.Ordinal)), strapCut: false))
                {
                    Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
                },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device.Secret);
            using var response = await http.SendAsync(request, token);
            response.EnsureSuccessStatusCode();
        });
        Console.Error.WriteLine($"Uploaded in {activating.Elapsed.TotalSeconds:F1} s; waiting for the actors…");
        for (var evaluated = 0L; evaluated < devices.Count; evaluated = await EvaluationsAsync(http) - evaluatedBefore)
        {
            server.ThrowIfExited("activating");
            if (activating.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"Only {evaluated} of {devices.Count} uploads were evaluated within 10 minutes.");
            }

            await Task.Delay(500);
        }

        var activateSeconds = activating.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var heapAfter = await HeapProbe.TakeAsync(server.Pid, HeapTimeout);
        var rssAfter = ProcessStats.WorkingSetBytes(server.Pid);

        var c = CultureInfo.InvariantCulture;
        var grew = heapAfter.ByType
            .Select(t => (Type: t.Key, Count: t.Value.Count - heapBefore.ByType.GetValueOrDefault(t.Key).Count, Bytes: t.Value.Bytes - heapBefore.ByType.GetValueOrDefault(t.Key).Bytes))
            .Where(t => t.Bytes >= 8 * devices.Count).OrderByDescending(t => t.Bytes).ToList();
        var growth = grew.Select(t => string.Create(c, $"| {t.Type} | {t.Count / (double)devices.Count:F2} | {t.Bytes / (double)devices.Count:F0} B |"));
        var actors = heapAfter.ByType.GetValueOrDefault("Vigil.Server.Actors.DeviceGrain").Count;
        var actorsBefore = heapBefore.ByType.GetValueOrDefault("Vigil.Server.Actors.DeviceGrain").Count;
        var dumped = (Before: heapBefore.ByType.Values.Sum(t => t.Bytes), After: heapAfter.ByType.Values.Sum(t => t.Bytes));
        return string.Create(c, $"""
            Machine: {Environment.ProcessorCount} cores, {ProcessStats.CpuModel()}; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {Report.Commit()}
            P6 ({options.Database}, {devices.Count} actors activated in {activateSeconds:F1} s, one HTTPS upload each):
            | measure | before | after | per device |
            |---|---|---|---|
            | live managed heap after a full GC | {heapBefore.TotalBytes / 1048576.0:F1} MB | {heapAfter.TotalBytes / 1048576.0:F1} MB | {(heapAfter.TotalBytes - heapBefore.TotalBytes) / (double)devices.Count:F0} B |
            | heap dump: every live object (a check on the line above) | {dumped.Before / 1048576.0:F1} MB | {dumped.After / 1048576.0:F1} MB | {(dumped.After - dumped.Before) / (double)devices.Count:F0} B |
            | resident set (RSS) | {rssBefore / 1048576.0:F1} MB | {rssAfter / 1048576.0:F1} MB | {(rssAfter - rssBefore) / (double)devices.Count:F0} B |

            Device actors alive before: {actorsBefore}, at the end: {actors} ({(heapAfter.TotalBytes - heapBefore.TotalBytes) / (double)Math.Max(1, actors - actorsBefore):F0} B of heap per actor added).
            Where the heap grew by 8 B or more per device (objects, bytes), largest first; together {grew.Sum(t => t.Bytes) / (double)devices.Count:F0} B per device:
            | type | objects | bytes |
            |---|---|---|
            {string.Join('\n', growth)}
            """);
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
