using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Audit;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Alerts;

/// <summary>Alerts nobody takes go to the province after the configured wait (30 minutes by default), on the fake clock.</summary>
public abstract class AlertEscalationTests(VigilFixture fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    private AlertEscalator Escalator => fixture.Factory.Services.GetRequiredService<AlertEscalator>();

    private Guid Person => fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer1").PersonId;

    [Fact]
    public async Task EscalateDue_UnacknowledgedForTheLimit_EscalatedToTheProvince()
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var province = await fixture.LogInAsync("hn.supervisor");
        var national = await fixture.LogInAsync("c04.supervisor");
        var waiting = await fixture.RaiseAsync(Person);
        var taken = await fixture.RaiseAsync(Person);
        await Expect.Json<AlertDto>(await officer.PostIfMatch($"/api/v1/alerts/{taken.Id}/acknowledge", taken.Version));

        fixture.Clock.Advance(Limit);
        var now = fixture.Clock.GetUtcNow();
        await Escalator.EscalateDueAsync(now); // the background pass may have been first: either way it is escalated once

        var escalated = await province.GetAlertAsync(waiting.Id);
        Assert.Equal(now, escalated.EscalatedAt);
        Assert.Null(escalated.EscalatedBy);
        Assert.Null((await officer.GetAlertAsync(taken.Id)).EscalatedAt);
        var list = await Expect.Json<PageOf<AlertSummaryDto>>(await province.GetAsync($"/api/v1/alerts?escalated=true&personId={Person}&pageSize=200"));
        Assert.Contains(list.Items, a => a.Id == waiting.Id);
        Assert.DoesNotContain(list.Items, a => a.Id == taken.Id);
        var counts = await Expect.Json<AlertCounts>(await officer.GetAsync($"/api/v1/alerts/counts?escalated=true&personId={Person}"));
        Assert.True(counts.Escalated >= 1);

        var inbox = await Expect.Json<PageOf<NotificationDto>>(await province.GetAsync("/api/v1/notifications?pageSize=200"));
        var notice = Assert.Single(inbox.Items, n => n.Kind == "alert-escalated" && n.BodyEn.Contains(waiting.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains("chưa được tiếp nhận sau 30 phút", notice.BodyVi, StringComparison.Ordinal);
        var trail = await Expect.Json<PageOf<AuditEntry>>(await national.GetAsync($"/api/v1/audit?personId={Person}&action=alert.escalate&pageSize=200"));
        var entry = Assert.Single(trail.Items, a => a.EntityId == waiting.Id.ToString());
        Assert.Equal("system", entry.ActorName);
    }

    [Fact]
    public async Task EscalateDue_BeforeTheLimit_WaitsThenEscalatesOnce()
    {
        var province = await fixture.LogInAsync("hn.supervisor");
        var alert = await fixture.RaiseAsync(Person);

        fixture.Clock.Advance(Limit - TimeSpan.FromSeconds(1));
        await Escalator.EscalateDueAsync(fixture.Clock.GetUtcNow());
        Assert.Null((await province.GetAlertAsync(alert.Id)).EscalatedAt);

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await Escalator.EscalateDueAsync(fixture.Clock.GetUtcNow());
        Assert.Equal(0, await Escalator.EscalateDueAsync(fixture.Clock.GetUtcNow()));

        Assert.Equal(alert.RaisedAt + Limit, (await province.GetAlertAsync(alert.Id)).EscalatedAt);
        var inbox = await Expect.Json<PageOf<NotificationDto>>(await province.GetAsync("/api/v1/notifications?pageSize=200"));
        Assert.Single(inbox.Items, n => n.Kind == "alert-escalated" && n.BodyEn.Contains(alert.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Background_ClockPassesTheLimit_EscalatesOnItsOwn()
    {
        var province = await fixture.LogInAsync("hn.supervisor");
        var alert = await fixture.RaiseAsync(Person);
        var due = alert.RaisedAt + Limit;
        var passed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnPass(DateTimeOffset at, int escalated)
        {
            if (at >= due)
            {
                passed.TrySetResult();
            }
        }

        Escalator.PassCompleted += OnPass;
        try
        {
            fixture.Clock.Advance(Limit + TimeSpan.FromMinutes(1));
            try
            {
                await passed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"The escalator made no pass at or after {due:O} within 30 s of the fake clock passing it.");
            }
        }
        finally
        {
            Escalator.PassCompleted -= OnPass;
        }

        var escalated = await province.GetAlertAsync(alert.Id);
        Assert.NotNull(escalated.EscalatedAt);
        Assert.True(escalated.EscalatedAt >= due);
    }
}

public sealed class SqliteAlertEscalationTests(SqliteFixture fixture) : AlertEscalationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAlertEscalationTests(PostgresFixture fixture) : AlertEscalationTests(fixture), IClassFixture<PostgresFixture>;
