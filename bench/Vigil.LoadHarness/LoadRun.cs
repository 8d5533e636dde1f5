using System.Diagnostics;
using MQTTnet;

namespace Vigil.LoadHarness;

/// <summary>
/// Drives the connected fleet at the target rate: sends are spread evenly in time and round-robin over the devices,
/// each a QoS 1 publish awaited for its PUBACK, many in flight at once (up to a cap). Measures over the window after
/// the warm-up: acknowledged messages/s, PUBACK latency, and the server process's CPU; the tamper messages of the
/// alert probe go out evenly through the window.
/// </summary>
internal sealed class LoadRun(HarnessOptions options, IReadOnlyList<SimulatedDevice> devices, int serverPid, AlertProbe? probe)
{
    /// <summary>Each acknowledged message of the window: when it was sent (seconds into the window) and its PUBACK latency.</summary>
    private readonly List<(double SentAtSeconds, double Ms)> _acks = new(1 << 16);
    private long _windowStartedAt;
    private readonly Random _random = new(2026);
    private long _inFlight;
    private long _acked;
    private long _refused;
    private long _failed;
    private long _ackedInWindow;
    private bool _measuring;

    public long Sent { get; private set; }

    public long Acked => Interlocked.Read(ref _acked);

    public long Refused => Interlocked.Read(ref _refused);

    public long Failed => Interlocked.Read(ref _failed);

    public long Unfinished => Interlocked.Read(ref _inFlight);

    public async Task<WindowMeasurement> RunAsync(long workingSetBeforeDevices)
    {
        var clock = Stopwatch.StartNew();
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var end = TimeSpan.FromSeconds(options.Seconds);
        var window = end - warmup;
        var tamperDevices = devices.Where(d => d.PersonId is not null).ToList();
        var samples = probe is null ? 0 : Math.Min(options.AlertSamples, tamperDevices.Count);
        var tamperStep = samples == 0 ? 0 : tamperDevices.Count / samples;
        var nextTamper = 0;
        var next = 0;
        WindowStart? start = null;
        while (clock.Elapsed < end)
        {
            var elapsed = clock.Elapsed;
            if (start is null && elapsed >= warmup)
            {
                start = WindowStart.Take(serverPid);
                _windowStartedAt = Stopwatch.GetTimestamp();
                _measuring = true;
                Volatile.Write(ref _ackedInWindow, 0);
            }

            var due = options.Rate == 0 ? long.MaxValue : (long)(options.Rate * elapsed.TotalSeconds);
            while (Sent < due && Interlocked.Read(ref _inFlight) < options.MaxInFlight)
            {
                var device = devices[next];
                next = (next + 1) % devices.Count;
                var tamper = false;
                if (start is not null && nextTamper < samples && elapsed >= warmup + (window * (nextTamper + 0.5) / samples))
                {
                    // The tamper message takes this slot's place, from a device whose wearer has not been sampled yet.
                    device = tamperDevices[nextTamper * tamperStep];
                    probe!.Expect(device.PersonId!.Value);
                    nextTamper++;
                    tamper = true;
                }

                Publish(device, tamper);
            }

            await Task.Delay(2);
        }

        _measuring = false;
        var measured = WindowMeasurement.Take(start!, serverPid, Volatile.Read(ref _ackedInWindow), clock.Elapsed - warmup, workingSetBeforeDevices);
        // Let what is in flight finish, so the acknowledged count is final before the store is checked.
        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref _inFlight) > 0 && drain.Elapsed < TimeSpan.FromSeconds(40))
        {
            await Task.Delay(50);
        }

        return measured;
    }

    /// <summary>
    /// The window in steps of <paramref name="seconds"/>, by send time: messages acknowledged and their PUBACK p99 —
    /// where a stall shows (a checkpoint, a collection, a periodic job) that the whole window's percentiles hide.
    /// </summary>
    public IEnumerable<string> Timeline(int seconds)
    {
        lock (_acks)
        {
            return [.. _acks.GroupBy(x => (int)(x.SentAtSeconds / seconds)).OrderBy(g => g.Key).Select(g =>
            {
                var sorted = g.Select(x => x.Ms).Order().ToArray();
                return $"{g.Key * seconds,4}–{(g.Key + 1) * seconds} s: {sorted.Length / (double)seconds,8:F0} msg/s acked, PUBACK p99 {RunResult.Percentile(sorted, 99),7:F0} ms";
            })];
        }
    }

    public double[] SortedLatenciesMs()
    {
        lock (_acks)
        {
            return [.. _acks.Select(a => a.Ms).Order()];
        }
    }

    private void Publish(SimulatedDevice device, bool tamper)
    {
        device.Seq++;
        var message = Fleet.Message(device, device.Seq, DateTimeOffset.UtcNow, _random, tamper);
        Sent++;
        Interlocked.Increment(ref _inFlight);
        _ = AwaitAckAsync(device.Client!, message);
    }

    private async Task AwaitAckAsync(IMqttClient client, MqttApplicationMessage message)
    {
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            var result = await client.PublishAsync(message);
            if (result.ReasonCode != MqttClientPublishReasonCode.Success)
            {
                Interlocked.Increment(ref _refused);
                return;
            }

            Interlocked.Increment(ref _acked);
            if (_measuring)
            {
                Interlocked.Increment(ref _ackedInWindow);
                var ms = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
                var at = Stopwatch.GetElapsedTime(_windowStartedAt, sentAt).TotalSeconds;
                lock (_acks)
                {
                    _acks.Add((at, ms));
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

/// <summary>The counters at the start of the measured window.</summary>
internal sealed record WindowStart(double ServerCpuSeconds, double HarnessCpuSeconds, (long Busy, long Steal, long Total) Machine)
{
    public static WindowStart Take(int pid)
    {
        var (user, system) = ProcessStats.CpuSeconds(pid);
        return new WindowStart(user + system, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, MachineCpu.Read());
    }
}

/// <summary>What the measured window showed.</summary>
internal sealed record WindowMeasurement(double Seconds, double AckedPerSecond, double ServerCpuPercent, double HarnessCpuPercent,
    double MachineBusyPercent, double MachineStealPercent, long WorkingSetBeforeDevices, long WorkingSetAfterWarmup)
{
    public static WindowMeasurement Take(WindowStart start, int pid, long ackedInWindow, TimeSpan window, long before)
    {
        var (user, system) = ProcessStats.CpuSeconds(pid);
        var harness = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var (busy, steal, total) = MachineCpu.Read();
        var share = 100.0 * Environment.ProcessorCount / Math.Max(1, total - start.Machine.Total);
        var seconds = window.TotalSeconds;
        return new WindowMeasurement(seconds, ackedInWindow / seconds, (user + system - start.ServerCpuSeconds) / seconds * 100,
            (harness - start.HarnessCpuSeconds) / seconds * 100,
            share * (busy - start.Machine.Busy), share * (steal - start.Machine.Steal),
            before, ProcessStats.WorkingSetBytes(pid));
    }
}
