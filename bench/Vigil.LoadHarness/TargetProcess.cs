using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.LoadHarness;

/// <summary>
/// The process under load, started by the harness on free ports: the Release Vigil.Server (the referenced project's
/// build output, run with <c>dotnet Vigil.Server.dll</c>), or the bare broker of the broker-only mode.
/// </summary>
internal sealed class TargetProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;
    private readonly TaskCompletionSource _compliancePassed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TargetProcess(Process process, int mqttPort, int httpPort)
    {
        _process = process;
        MqttPort = mqttPort;
        HttpPort = httpPort;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public int MqttPort { get; }

    public int HttpPort { get; }

    /// <summary>
    /// Waits until the server has logged its first compliance pass (event 330). On a fresh seed that pass measures
    /// every person's past weeks in one change tracker (tens of KB per person for a minute or more) and sends each band
    /// whose tier changed a report-interval command: a one-off at start that a memory measurement must not catch
    /// half-way, nor a throughput window (it moved saturation figures by a third between runs).
    /// </summary>
    public async Task WaitForFirstCompliancePassAsync(TimeSpan timeout)
    {
        Console.Error.WriteLine("Waiting for the first compliance pass…");
        if (await Task.WhenAny(_compliancePassed.Task, Task.Delay(timeout)) != _compliancePassed.Task)
        {
            throw new TimeoutException($"The server logged no compliance pass (event 330) within {timeout.TotalMinutes} minutes of start.");
        }
    }

    /// <summary>The last lines the process wrote (its log level is Warning).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="seed">Seed the demo data (an empty store); false to start again on a store already seeded.</param>
    public static async Task<TargetProcess> StartVigilAsync(string dataFolder, string? postgres, int people, TimeSpan timeout, bool seed = true)
    {
        var server = typeof(Server.Seed.DemoOptions).Assembly.Location;
        var (http, mqtt) = (FreePort(), FreePort());
        var target = Start(server,
        [
            $"--Demo:Enabled={seed}", "--Demo:Fleet=false", $"--Storage:DataFolder={dataFolder}", $"--Storage:Postgres={postgres ?? ""}",
            $"--Demo:PeoplePerCommune={people}", "--Ingestion:UploadsPerMinute=100000",
            $"--urls=http://127.0.0.1:{http}", $"--Mqtt:Port={mqtt}",
            $"--Actors:SiloPort={FreePort()}", $"--Actors:GatewayPort={FreePort()}", "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Vigil.Server.Compliance.ComplianceJob=Information",
        ], mqtt, http);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            target.ThrowIfExited("starting");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return target;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && deadline.Elapsed < timeout)
            {
                // Not listening yet (migrations and the demo seed run first).
            }

            if (deadline.Elapsed > timeout)
            {
                await target.DisposeAsync();
                throw new TimeoutException($"Vigil did not answer /health within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The harness itself, re-run with <c>--serve-broker</c>: a separate process, so it is measured like Vigil.</summary>
    public static async Task<TargetProcess> StartBareBrokerAsync()
    {
        var mqtt = FreePort();
        var target = Start(typeof(TargetProcess).Assembly.Location, ["--serve-broker", mqtt.ToString(CultureInfo.InvariantCulture)], mqtt, 0);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            target.ThrowIfExited("starting the bare broker");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, mqtt);
                return target;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }

    public void ThrowIfExited(string doing)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The server process exited with {_process.ExitCode} while {doing}:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Twice when a restart failed (the harness's owner disposes the old process again): the first error must surface.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static TargetProcess Start(string dll, string[] arguments, int mqttPort, int httpPort)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return new TargetProcess(Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start."), mqttPort, httpPort);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        // The console logger's header line of Log.CompliancePassed: "info: Vigil.Server.Compliance.ComplianceJob[330]".
        if (line.Contains("ComplianceJob[330]", StringComparison.Ordinal))
        {
            _compliancePassed.TrySetResult();
        }

        lock (_output)
        {
            // Keep the tail only: a server under load may log a lot.
            if (_output.Length > 64_000)
            {
                _output.Remove(0, 32_000);
            }

            _output.AppendLine(line);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
