using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Seed;

/// <summary>
/// The demo's simulated fleet through the real server process: the seeded wearers' bands connect over MQTT (and
/// some upload over HTTPS), their telemetry is stored, and the demo's incidents raise real alerts within a minute.
/// </summary>
public abstract class DemoFleetTests(VigilFixture fixture)
{
    [Fact]
    public async Task Fleet_RealServer_StoresEveryBandsTelemetryAndRaisesAlerts()
    {
        var bands = fixture.Credentials.Devices.Count(d => d.PersonId is not null);
        await using var vigil = await VigilProcess.StartAsync(fixture, VigilFixture.FreePort(), VigilFixture.FreePort(),
            "--Demo:Fleet=true", "--Demo:FleetHttpsShare=0.5");

        var deadline = DateTime.UtcNow.AddSeconds(90);
        long devices = 0, tamper = 0;
        while (DateTime.UtcNow < deadline && (devices < bands || tamper == 0))
        {
            await Task.Delay(1000);
            devices = (await fixture.QueryNumbersAsync("""SELECT COUNT(DISTINCT "DeviceId") FROM "Telemetry" """)).Single();
            tamper = (await fixture.QueryNumbersAsync("""SELECT COUNT(*) FROM "Alerts" WHERE "Rule" = 'Tamper' """)).Single();
        }

        Assert.True(devices == bands, $"telemetry from {devices} of {bands} simulated bands within 90 s. Server output: {vigil.Output}");
        Assert.True(tamper >= 1, $"no tamper alert from the fleet's opened case within 90 s. Server output: {vigil.Output}");
    }
}

public sealed class SqliteDemoFleetTests(SqliteProcessFixture fixture) : DemoFleetTests(fixture), IClassFixture<SqliteProcessFixture>;

public sealed class PostgresDemoFleetTests(PostgresProcessFixture fixture) : DemoFleetTests(fixture), IClassFixture<PostgresProcessFixture>;
