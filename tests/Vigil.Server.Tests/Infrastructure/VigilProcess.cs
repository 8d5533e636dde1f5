using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Domain.Identity;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>The real Vigil server as its own process (as `dotnet run` starts it), over a fixture's database, on free ports.</summary>
public sealed class VigilProcess : IAsyncDisposable
{
    private readonly Process _process;
    private System.Text.StringBuilder _output = new();

    /// <summary>What the process has written so far (warnings and errors; the log level is Warning).</summary>
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

    private VigilProcess(Process process, int httpPort, int mqttPort)
    {
        _process = process;
        HttpPort = httpPort;
        MqttPort = mqttPort;
    }

    public int HttpPort { get; }

    public int MqttPort { get; }

    /// <summary>Starts Vigil with <paramref name="settings"/> and returns once /health answers 200.</summary>
    public static async Task<VigilProcess> StartAsync(VigilFixture fixture, int httpPort, int mqttPort, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(Program).Assembly.Location }.Concat(fixture.StorageArguments).Concat(
        [
            $"--urls=http://127.0.0.1:{httpPort}", $"--Mqtt:Port={mqttPort}",
            $"--Actors:SiloPort={VigilFixture.FreePort()}", $"--Actors:GatewayPort={VigilFixture.FreePort()}", "--Logging:LogLevel:Default=Warning",
        ]).Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The Vigil process did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var vigil = new VigilProcess(process, httpPort, mqttPort) { _output = output };
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        // Generous: it ends as soon as Vigil answers, and a start-up on a machine busy with parallel test runs took minutes.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            Assert.False(process.HasExited, $"Vigil exited with {(process.HasExited ? process.ExitCode : 0)} while starting.");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return vigil;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "Vigil did not answer /health within 180 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>An officer's API client on this process, with a TOTP code for the real clock (the process runs on it).</summary>
    public async Task<HttpClient> LogInAsync(VigilFixture fixture, string username)
    {
        var officer = fixture.Officer(username);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };
        var step1 = await http.PostAsJsonAsync("/api/v1/auth/login", new { officer.Username, officer.Password });
        using var first = await step1.Content.ReadFromJsonAsync<JsonDocument>();
        var step2 = await http.PostAsJsonAsync("/api/v1/auth/second-factor", new
        {
            secondFactorToken = first!.RootElement.GetProperty("secondFactorToken").GetString(),
            code = Totp.Code(officer.TotpSecret, TimeProvider.System.GetUtcNow()),
        });
        using var second = await step2.Content.ReadFromJsonAsync<JsonDocument>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second!.RootElement.GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Vigil on :{HttpPort} (MQTT :{MqttPort})");
}
