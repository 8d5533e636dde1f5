using System.Globalization;
using System.Text.Json;

namespace Vigil.Simulator.Live;

/// <summary>What the <c>fleet</c> command drives and how.</summary>
/// <param name="Server">The running Vigil's HTTP address (API and HTTPS uploads).</param>
/// <param name="People">How many of the file's wearers to drive (null: all).</param>
/// <param name="Duration">Stop after this long (null: until cancelled).</param>
public sealed record FleetSettings(Uri Server, string MqttHost, int MqttPort, string CredentialsPath, string Officer, int? People, double Speed,
    double HttpsShare, TimeSpan? Duration, TimeSpan ReportEvery);

/// <summary>
/// The simulator's <c>fleet</c> command: drives the wearers of a running Vigil seeded with <c>--demo</c>. It logs in as
/// an officer from the demo credentials file (password and TOTP), reads each wearer's residence and zones in force
/// through the public API, and runs the same live fleet as the server's in-process demo (<see cref="FleetWearers"/>,
/// <see cref="LiveFleet"/>) over real MQTT and a share over the HTTPS upload, printing what was sent, acknowledged,
/// refused and failed, and the alerts raised.
/// </summary>
public static class FleetCommand
{
    /// <summary>Runs until <see cref="FleetSettings.Duration"/> or cancellation; 0 when the server acknowledged messages, 1 when it acknowledged none.</summary>
    public static async Task<int> RunAsync(FleetSettings settings, TextWriter output, TimeProvider clock, CancellationToken ct)
    {
        if (!File.Exists(settings.CredentialsPath))
        {
            throw new ArgumentException($"--credentials: no file at {Path.GetFullPath(settings.CredentialsPath)} (start Vigil with --demo; it writes data/demo/credentials.json).");
        }

        var credentials = JsonSerializer.Deserialize<DemoCredentials>(await File.ReadAllTextAsync(settings.CredentialsPath, ct), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new ArgumentException($"--credentials: {settings.CredentialsPath} is empty.");
        var officer = credentials.Officers.FirstOrDefault(o => o.Username == settings.Officer)
            ?? throw new ArgumentException($"--officer: no officer '{settings.Officer}' in {settings.CredentialsPath} (there are: {string.Join(", ", credentials.Officers.Select(o => o.Username))}).");
        var devices = credentials.Devices.Where(d => d.PersonId is not null).Take(settings.People ?? int.MaxValue).ToList();
        if (settings.People > devices.Count)
        {
            await output.WriteLineAsync($"Only {devices.Count} wearers with a band in {settings.CredentialsPath}; driving those.");
        }

        using var session = await OfficerSession.LogInAsync(settings.Server, officer, clock, ct);
        await output.WriteLineAsync($"Logged in to {settings.Server} as {officer.Username} ({officer.Role}).");
        var wearers = new RegisteredWearer?[devices.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, devices.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, token) => wearers[i] = await session.WearerAsync(devices[i], token));
        var members = FleetWearers.Build(wearers.OfType<RegisteredWearer>(), clock.GetUtcNow(), settings.Speed, settings.HttpsShare, mqttAvailable: true);
        var mqtt = members.Count(m => m.Transport == Transport.Mqtt);
        await output.WriteLineAsync($"{members.Count} wearers read through the API ({devices.Count - members.Count} without a residence position left out): "
            + $"{mqtt} over MQTT to {settings.MqttHost}:{settings.MqttPort}, {members.Count - mqtt} over HTTPS; days run {settings.Speed.ToString(CultureInfo.InvariantCulture)}× faster.");

        await using var fleet = new LiveFleet(members, settings.MqttHost, settings.MqttPort, settings.Server, clock);
        var connected = await fleet.ConnectAsync(ct);
        await output.WriteLineAsync($"MQTT: {connected} of {mqtt} bands connected{(fleet.LastError is { } refused ? $" (last refusal: {refused})" : "")}.");

        using var timeUp = settings.Duration is { } duration ? new CancellationTokenSource(duration, clock) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, timeUp.Token);

        var started = clock.GetUtcNow();
        var reporting = ReportAsync(fleet, session, output, settings.ReportEvery, started, clock, stop.Token);
        try
        {
            await fleet.RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Time is up, or Ctrl+C.
        }

        await reporting;
        await output.WriteLineAsync($"Done: {Line(fleet, clock.GetUtcNow() - started)}");
        return fleet.Acked > 0 ? 0 : 1;
    }

    private static async Task ReportAsync(LiveFleet fleet, OfficerSession session, TextWriter output, TimeSpan every, DateTimeOffset started, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every, clock);
        string? reported = null;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                string alerts;
                try
                {
                    var counts = await session.AlertCountsAsync(ct);
                    alerts = $"alerts open {counts.Open}, acknowledged {counts.Acknowledged}";
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
                {
                    alerts = $"alert counts unavailable ({e.Message})";
                }

                await output.WriteLineAsync($"{Line(fleet, clock.GetUtcNow() - started)} · MQTT connected {fleet.Connected} · {alerts}");
                if (fleet.LastError is { } error && error != reported)
                {
                    await output.WriteLineAsync($"  last error: {error}");
                    reported = error;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static string Line(LiveFleet fleet, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"[{elapsed:hh\\:mm\\:ss}] sent {fleet.Sent:N0} · acked {fleet.Acked:N0} · refused {fleet.Rejected:N0} · failed {fleet.Failed:N0}");
}
