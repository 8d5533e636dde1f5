using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Simulator.Live;

namespace Vigil.Server.Tests.Seed;

/// <summary>
/// The simulator's <c>fleet</c> command against a real, separately started Vigil process (no in-process demo fleet):
/// it logs in as an officer with password and TOTP, reads the wearers' homes and zones through the API, drives their
/// bands over real MQTT and HTTPS, and the scripted incident (the first wearer opens the case) raises a tamper alert
/// that an officer reads through the API.
/// </summary>
public abstract class FleetCommandTests(VigilFixture fixture)
{
    [Fact]
    public async Task FleetCommand_ExternalVigil_StoresTelemetryOfEveryBandAndRaisesTheScriptedTamperAlert()
    {
        await using var vigil = await VigilProcess.StartAsync(fixture, VigilFixture.FreePort(), VigilFixture.FreePort());
        var driven = fixture.Credentials.Devices.Where(d => d.PersonId is not null).ToList();
        var settings = new FleetSettings(new Uri($"http://127.0.0.1:{vigil.HttpPort}/"), "127.0.0.1", vigil.MqttPort,
            Path.Combine(fixture.DataFolder, "demo", "credentials.json"), "hn.supervisor", People: null, Speed: 6, HttpsShare: 0.3,
            Duration: null, ReportEvery: TimeSpan.FromSeconds(5));
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var fleet = Task.Run(() => FleetCommand.RunAsync(settings, TextWriter.Synchronized(output), TimeProvider.System, stop.Token));

        using var officer = await vigil.LogInAsync(fixture, "c04.supervisor");
        var tamperedPerson = driven[0].PersonId!.Value;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        long devices = 0;
        var tamper = 0;
        while (DateTime.UtcNow < deadline && (devices < driven.Count || tamper == 0) && !fleet.IsCompleted)
        {
            await Task.Delay(1000);
            devices = (await fixture.QueryNumbersAsync("""SELECT COUNT(DISTINCT "DeviceId") FROM "Telemetry" """)).Single();
            using var alerts = await officer.GetFromJsonAsync<JsonDocument>($"/api/v1/alerts?rule=tamper&personId={tamperedPerson}");
            tamper = alerts!.RootElement.GetProperty("total").GetInt32();
        }

        await stop.CancelAsync();
        var exit = await fleet;
        var printed = output.ToString();
        Assert.True(exit == 0, $"fleet exited with {exit}. Its output: {printed} Server output: {vigil.Output}");
        Assert.True(devices == driven.Count, $"telemetry from {devices} of {driven.Count} bands within 90 s. Fleet output: {printed} Server output: {vigil.Output}");
        Assert.True(tamper >= 1, $"no tamper alert for the wearer who opened the case within 90 s. Fleet output: {printed} Server output: {vigil.Output}");
        Assert.Contains("Logged in to", printed, StringComparison.Ordinal);
        Assert.Matches(@"Done: \[[0-9:]+\] sent [0-9,]+ · acked [1-9][0-9,]* · refused 0 · failed 0", printed);
    }

    [Fact]
    public async Task FleetCommand_UnknownOfficer_SaysWhichOfficersExist()
    {
        var settings = new FleetSettings(new Uri("http://127.0.0.1:9/"), "127.0.0.1", 9, Path.Combine(fixture.DataFolder, "demo", "credentials.json"),
            "nobody", 1, 6, 0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => FleetCommand.RunAsync(settings, TextWriter.Null, TimeProvider.System, CancellationToken.None));

        Assert.Contains("--officer: no officer 'nobody'", error.Message, StringComparison.Ordinal);
        Assert.Contains("hn.supervisor", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteFleetCommandTests(SqliteProcessFixture fixture) : FleetCommandTests(fixture), IClassFixture<SqliteProcessFixture>;

public sealed class PostgresFleetCommandTests(PostgresProcessFixture fixture) : FleetCommandTests(fixture), IClassFixture<PostgresProcessFixture>;
