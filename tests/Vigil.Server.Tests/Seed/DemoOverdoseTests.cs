using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Simulator.Scenarios;

namespace Vigil.Server.Tests.Seed;

/// <summary>
/// The demo's one overdose through the real server process: the fleet's eleventh wearer's breathing slows 90 s after the
/// fleet starts and is ≤ 5/min a minute later; the server puts the band on a vitals watch, the band (over real MQTT)
/// reports every 10 s, and the critical PossibleOverdose alert is readable through the API within 60 s of the criterion.
/// The fleet's start is read from the bands' first seq (the seconds since 2026-01-01 when the fleet was built).
/// </summary>
public abstract class DemoOverdoseTests(VigilFixture fixture)
{
    private static readonly DateTimeOffset SeqEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DemoFleet_RealServer_OverdoseAlertThroughTheApiWithinAMinuteOfTheCriterion()
    {
        var person = fixture.Credentials.Devices.Where(d => d.PersonId is not null).ElementAt(DemoScenario.OverdoseIndex).PersonId!.Value;
        await using var vigil = await VigilProcess.StartAsync(fixture, VigilFixture.FreePort(), VigilFixture.FreePort(), "--Demo:Fleet=true");
        using var officer = await vigil.LogInAsync(fixture, "hn.supervisor");

        var giveUp = DateTimeOffset.UtcNow + DemoScenario.OverdoseCriterion + TimeSpan.FromMinutes(2);
        AlertSummaryDto? alert = null;
        var seenAt = DateTimeOffset.MinValue;
        while (alert is null && DateTimeOffset.UtcNow < giveUp)
        {
            await Task.Delay(1000);
            alert = (await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync($"/api/v1/alerts?rule=possibleOverdose&personId={person}"))).Items.FirstOrDefault();
            seenAt = DateTimeOffset.UtcNow;
        }

        var firstSeq = (await fixture.QueryNumbersAsync("""SELECT MIN("Seq") FROM "Telemetry" """)).Single();
        var criterion = SeqEpoch.AddSeconds(firstSeq) + DemoScenario.OverdoseCriterion; // at most a second early: the seq is whole seconds
        Assert.True(alert is not null, $"no possible-overdose alert for the demo's overdose wearer by {giveUp:O} (criterion met at {criterion:O}). Server output: {vigil.Output}");
        Assert.Equal(Domain.Alerts.AlertSeverity.Critical, alert.Severity);
        Assert.True(alert.RaisedAt - criterion <= Budget, $"raised {(alert.RaisedAt - criterion).TotalSeconds:0.0} s after the criterion (budget {Budget.TotalSeconds} s)");
        Assert.True(seenAt - criterion <= Budget + TimeSpan.FromSeconds(2), $"readable through the API {(seenAt - criterion).TotalSeconds:0.0} s after the criterion");

        // Only that one wearer in the fleet has an overdose.
        var all = await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync("/api/v1/alerts?rule=possibleOverdose"));
        Assert.Equal(person, Assert.Single(all.Items).PersonId);
    }
}

public sealed class SqliteDemoOverdoseTests(SqliteCycleProcessFixture fixture) : DemoOverdoseTests(fixture), IClassFixture<SqliteCycleProcessFixture>;

public sealed class PostgresDemoOverdoseTests(PostgresCycleProcessFixture fixture) : DemoOverdoseTests(fixture), IClassFixture<PostgresCycleProcessFixture>;
