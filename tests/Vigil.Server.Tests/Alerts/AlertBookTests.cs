using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Alerts;
using Vigil.Domain.Audit;
using Vigil.Domain.Rules;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Alerts.AlertSteps;

namespace Vigil.Server.Tests.Alerts;

/// <summary>What the real-time engine hands over becomes durable: one alert per ongoing condition, ends stamped, nudges delivered.</summary>
public abstract class AlertBookTests(VigilFixture fixture)
{
    private Guid AdultWearer => fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer1").PersonId;

    private Guid MinorWearer => fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer2").PersonId;

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    [Fact]
    public async Task Apply_SameRaisedTwice_OneAlert()
    {
        var key = $"outside:{Guid.NewGuid():N}";
        var signal = Raised(RuleKind.OutsideArea, key, Now.AddMinutes(-15), Now);

        var first = await fixture.ApplyAsync(AdultWearer, Result(signal));
        var second = await fixture.ApplyAsync(AdultWearer, Result(signal));

        var alert = Assert.Single(first);
        Assert.Empty(second);
        var stored = Assert.Single(await fixture.AlertsOfAsync(AdultWearer, key));
        Assert.Equal(alert.Id, stored.Id);
        Assert.Equal(AlertState.Open, stored.State);
        Assert.Equal(2, stored.Evidence.Count);
        Assert.Equal(21.0410, stored.Evidence[0].Lat);
        Assert.Equal("00:15:00", stored.Parameters["outsideDwell"]);
        Assert.Equal((5, AlertSeverity.High, "00070"), (stored.ViolationNumber, stored.Severity, stored.CommuneCode));
        Assert.Equal(Now.AddMinutes(-15), stored.ConditionSince);
    }

    [Fact]
    public async Task Apply_EndedThenRaisedAgain_NewAlertAndTheFirstStaysForTheOfficer()
    {
        var key = $"outside:{Guid.NewGuid():N}";
        var raisedAt = Now;
        var first = Assert.Single(await fixture.ApplyAsync(AdultWearer, Result(Raised(RuleKind.OutsideArea, key, raisedAt.AddMinutes(-15), raisedAt))));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var ended = Assert.Single(await fixture.ApplyAsync(AdultWearer, Result(Ended(RuleKind.OutsideArea, key, raisedAt.AddMinutes(-15), Now))));
        var endedAt = Now;
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = Assert.Single(await fixture.ApplyAsync(AdultWearer, Result(Raised(RuleKind.OutsideArea, key, Now.AddMinutes(-15), Now))));

        Assert.Equal(first.Id, ended.Id);
        Assert.NotEqual(first.Id, again.Id);
        var stored = await fixture.AlertsOfAsync(AdultWearer, key);
        Assert.Equal([first.Id, again.Id], stored.Select(a => a.Id));
        Assert.Equal(endedAt, stored[0].ConditionEndedAt);
        Assert.Equal("back inside the residence zone", stored[0].EndDetail);
        Assert.Equal(AlertState.Open, stored[0].State);
        Assert.Null(stored[1].ConditionEndedAt);
    }

    [Fact]
    public async Task Apply_EndedTwice_StampedOnce()
    {
        var key = $"offline:{Guid.NewGuid():N}";
        await fixture.ApplyAsync(AdultWearer, Result(Raised(RuleKind.Offline, key, Now.AddMinutes(-15), Now)));
        var end = Ended(RuleKind.Offline, key, Now.AddMinutes(-15), Now.AddMinutes(2));

        Assert.Single(await fixture.ApplyAsync(AdultWearer, Result(end)));
        Assert.Empty(await fixture.ApplyAsync(AdultWearer, Result(end with { At = Now.AddMinutes(4) })));

        Assert.Equal(Now.AddMinutes(2), Assert.Single(await fixture.AlertsOfAsync(AdultWearer, key)).ConditionEndedAt);
    }

    [Fact]
    public async Task Apply_RaisedAndEndedInOneResult_OneAlertWithItsEnd()
    {
        var key = $"hotspot:{Guid.NewGuid():N}";

        var changed = await fixture.ApplyAsync(AdultWearer, Result(
            Raised(RuleKind.HotspotEntry, key, Now.AddMinutes(-3), Now.AddMinutes(-2)),
            Ended(RuleKind.HotspotEntry, key, Now.AddMinutes(-3), Now.AddMinutes(-1)),
            Raised(RuleKind.HotspotEntry, key, Now.AddMinutes(-3), Now.AddMinutes(-2))));

        Assert.Equal(2, changed.Count);
        var stored = await fixture.AlertsOfAsync(AdultWearer, key);
        Assert.Equal(2, stored.Count);
        Assert.Single(stored, a => a.ConditionEndedAt == Now.AddMinutes(-1));
    }

    [Fact]
    public async Task Apply_EndedWithoutAnAlert_NothingChanged()
    {
        Assert.Empty(await fixture.ApplyAsync(AdultWearer, Result(Ended(RuleKind.Offline, $"offline:{Guid.NewGuid():N}", Now.AddHours(-1), Now))));
    }

    [Fact]
    public async Task Apply_BatteryNudge_ReachesTheWearerAndTheGuardianOfAMinor()
    {
        var minor = fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer2");
        var guardianAccount = fixture.Credentials.Guardians.Single(g => g.PersonId == minor.PersonId);
        var adult = fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer1");
        var minorResult = new RuleResult();
        minorResult.Nudges.Add(new WearerNudge(NudgeKind.BatteryLow, Now, 10));
        var adultResult = new RuleResult();
        adultResult.Nudges.Add(new WearerNudge(NudgeKind.BatteryLow, Now, 20));

        Assert.Empty(await fixture.ApplyAsync(MinorWearer, minorResult));
        await fixture.ApplyAsync(AdultWearer, adultResult);

        var wearer = await fixture.LogInAsync(minor.Username, minor.Password, null);
        var guardian = await fixture.LogInAsync(guardianAccount.Username, guardianAccount.Password, null);
        var adultClient = await fixture.LogInAsync(adult.Username, adult.Password, null);
        var toWearer = Assert.Single(await BatteryNoticesAsync(wearer));
        var toGuardian = Assert.Single(await BatteryNoticesAsync(guardian));
        var toAdult = Assert.Single(await BatteryNoticesAsync(adultClient));
        Assert.Equal("Pin vòng đeo còn 10%", toWearer.TitleVi);
        Assert.Equal("Wristband battery at 10%", toWearer.TitleEn);
        Assert.Contains("24 giờ", toWearer.BodyVi, StringComparison.Ordinal);
        Assert.Equal(minor.PersonId, toGuardian.PersonId);
        Assert.EndsWith(": Pin vòng đeo còn 10%", toGuardian.TitleVi, StringComparison.Ordinal);
        Assert.Contains("Xin nhắc", toGuardian.BodyVi, StringComparison.Ordinal);
        Assert.Equal("Pin vòng đeo còn 20%", toAdult.TitleVi);
    }

    [Fact]
    public async Task Apply_Raise_AuditedAsTheSystem()
    {
        var alert = await fixture.RaiseAsync(AdultWearer, RuleKind.Tamper);

        var supervisor = await fixture.LogInAsync("c04.supervisor");
        var trail = await Expect.Json<PageOf<AuditEntry>>(await supervisor.GetAsync($"/api/v1/audit?personId={AdultWearer}&action=alert.raise&pageSize=200"));
        var entry = Assert.Single(trail.Items, a => a.EntityId == alert.Id.ToString());
        Assert.Equal(("system", "System", "alert"), (entry.ActorName, entry.ActorRole, entry.EntityType));
        Assert.Contains("tamper", entry.Details, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Apply_AnotherContext_Refused()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await using var other = fixture.Factory.Services.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<AlertBook>();
        var db = other.ServiceProvider.GetRequiredService<VigilDbContext>();
        var subject = await AlertBook.SubjectOfAsync(db, AdultWearer, "VG-TEST", CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            book.ApplyAsync(db, subject, Result(Raised(RuleKind.Offline, "offline", Now, Now)), Now, CancellationToken.None));
    }

    private static async Task<List<NotificationDto>> BatteryNoticesAsync(HttpClient client)
    {
        var inbox = await Expect.Json<PageOf<NotificationDto>>(await client.GetAsync("/api/v1/notifications?pageSize=200"));
        return [.. inbox.Items.Where(n => n.Kind == "battery-low")];
    }
}

public sealed class SqliteAlertBookTests(SqliteFixture fixture) : AlertBookTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAlertBookTests(PostgresFixture fixture) : AlertBookTests(fixture), IClassFixture<PostgresFixture>;
