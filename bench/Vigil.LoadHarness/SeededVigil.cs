using System.Diagnostics;
using System.Text.Json;
using Vigil.Simulator.Live;

namespace Vigil.LoadHarness;

/// <summary>
/// Vigil started for one harness run: the Release server on a temp data folder (or the given empty PostgreSQL
/// database) with a demo seed of <c>--devices</c> worn devices, their credentials and residences, and the store to
/// count afterwards. Disposing stops the server and removes the folder.
/// </summary>
internal sealed class SeededVigil : IAsyncDisposable
{
    private readonly string _dataFolder;
    private readonly string? _postgres;
    private readonly int _people;

    private SeededVigil(string dataFolder, string? postgres, int people, TargetProcess server, double startSeconds, DemoCredentials credentials,
        TelemetryStore store, IReadOnlyList<SimulatedDevice> devices)
    {
        _dataFolder = dataFolder;
        _postgres = postgres;
        _people = people;
        Server = server;
        StartSeconds = startSeconds;
        Credentials = credentials;
        Store = store;
        Devices = devices;
    }

    public TargetProcess Server { get; private set; }

    public double StartSeconds { get; }

    public DemoCredentials Credentials { get; }

    public TelemetryStore Store { get; }

    public IReadOnlyList<SimulatedDevice> Devices { get; }

    public static async Task<SeededVigil> StartAsync(HarnessOptions options, TimeSpan timeout)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "vigil-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var postgres = options.IsPostgres ? options.Postgres : null;
        var started = Stopwatch.StartNew();
        Console.Error.WriteLine($"Starting Vigil ({options.Database}, demo seed of {(options.Devices + 1) / 2} people per commune)…");
        var server = await TargetProcess.StartVigilAsync(dataFolder, postgres, (options.Devices + 1) / 2, timeout);
        var startSeconds = started.Elapsed.TotalSeconds;
        try
        {
            var credentials = JsonSerializer.Deserialize<DemoCredentials>(
                await File.ReadAllTextAsync(Path.Combine(dataFolder, "demo", "credentials.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidOperationException("The demo credentials file is empty.");
            var store = new TelemetryStore(Path.Combine(dataFolder, "vigil.db"), postgres);
            var residences = await store.ResidencesAsync();
            var devices = credentials.Devices.Where(d => d.PersonId is { } p && residences.ContainsKey(p)).Take(options.Devices)
                .Select(d => new SimulatedDevice(d.DeviceId, d.Secret, d.PersonId, residences[d.PersonId!.Value].Lat, residences[d.PersonId!.Value].Lon))
                .ToList();
            if (devices.Count < options.Devices)
            {
                throw new InvalidOperationException($"The demo seed gave {devices.Count} worn devices, fewer than {options.Devices}.");
            }

            return new SeededVigil(dataFolder, postgres, (options.Devices + 1) / 2, server, startSeconds, credentials, store, devices);
        }
        catch
        {
            await server.DisposeAsync();
            TryDelete(dataFolder);
            throw;
        }
    }

    /// <summary>
    /// Stops the server and starts it again on the same store (the seed is not repeated): a fresh process with no
    /// actor active. The seeded people's registry changes wake their actors in the process that seeded them.
    /// </summary>
    public async Task RestartAsync(TimeSpan timeout)
    {
        await Server.DisposeAsync();
        Server = await TargetProcess.StartVigilAsync(_dataFolder, _postgres, _people, timeout, seed: false);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        TryDelete(_dataFolder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting server: the temp folder is cleaned by the system.
        }
    }
}
