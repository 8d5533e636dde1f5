using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Identity;
using Vigil.Server.Data;
using Vigil.Server.Outbound;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Outbound;

/// <summary>
/// The webhook outbox end to end: messages saved through the server's own DbContext, delivered by its
/// dispatcher to a real HTTP receiver, on the fixture's fake clock.
/// </summary>
public abstract class WebhookDispatcherTests(VigilFixture fixture)
{
    protected const string Secret = "a-shared-secret-of-at-least-32-characters";

    /// <summary>
    /// The timer's rounds come only when the clock passes an hour, so each test decides when rounds run by
    /// calling <see cref="WebhookDispatcher.DispatchDueAsync"/> (a timer round in between would only be one more round).
    /// </summary>
    private const string QuietPollSeconds = "3600";

    [Fact]
    public async Task DispatchDue_Pending_PostsSignedJsonAndMarksDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = Node(receiver);
        var createdAt = fixture.Clock.GetUtcNow();
        var alertId = Guid.CreateVersion7();
        var id = await EnqueueAsync(server, "alert.raised", new { alertId, rule = "outsideZone", raisedBy = Role.ManagingOfficer });

        await Dispatcher(server).DispatchDueAsync(CancellationToken.None);

        var received = Assert.Single(receiver.For(id));
        Assert.Equal("application/json; charset=utf-8", received.ContentType);
        Assert.Equal(fixture.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), received.Timestamp);
        Assert.Equal(Sign(received.Timestamp, received.Body), received.Signature);
        Assert.True(WebhookSignature.Verify(Secret, long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture), received.Body, received.Signature));
        Assert.False(WebhookSignature.Verify("another-secret-of-at-least-32-characters", long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture), received.Body, received.Signature));

        using var body = JsonDocument.Parse(received.Body);
        var root = body.RootElement;
        Assert.Equal(["id", "kind", "createdAt", "payload"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, root.GetProperty("id").GetGuid());
        Assert.Equal("alert.raised", root.GetProperty("kind").GetString());
        Assert.Equal(createdAt, root.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(alertId, root.GetProperty("payload").GetProperty("alertId").GetGuid());
        Assert.Equal("outsideZone", root.GetProperty("payload").GetProperty("rule").GetString());
        Assert.Equal("managingOfficer", root.GetProperty("payload").GetProperty("raisedBy").GetString());

        var stored = await MessageAsync(server, id);
        Assert.Equal((fixture.Clock.GetUtcNow(), 1, (string?)null), (stored.DeliveredAt!.Value, stored.Attempts, stored.LastError));
    }

    [Fact]
    public async Task DispatchDue_AfterSuccess_NeverDeliveredAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = Node(receiver);
        var first = await EnqueueAsync(server, "decision.signed", new { n = 1 });
        await Dispatcher(server).DispatchDueAsync(CancellationToken.None);
        Assert.Single(receiver.For(first));

        // Long after, with many rounds in between, a later message arrives and the first does not come again.
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await Dispatcher(server).DispatchDueAsync(CancellationToken.None);
        var second = await EnqueueAsync(server, "decision.signed", new { n = 2 });
        await Dispatcher(server).DispatchDueAsync(CancellationToken.None);

        Assert.Single(receiver.For(second));
        Assert.Single(receiver.For(first));
    }

    [Fact]
    public async Task DispatchDue_ReceiverFails_RetriedAfterBackoffOthersNotHeldUp()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        await using var server = Node(receiver);
        var failing = await EnqueueAsync(server, "alert.raised", new { n = 1 });
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var next = await EnqueueAsync(server, "alert.raised", new { n = 2 });
        var dispatcher = Dispatcher(server);

        // The first try fails; the round ends there and the next message is given back untried.
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var failedAt = fixture.Clock.GetUtcNow();
        Assert.Single(receiver.For(failing));
        Assert.Empty(receiver.For(next));
        var failed = await MessageAsync(server, failing);
        Assert.Equal((1, "HTTP 500", (DateTimeOffset?)null), (failed.Attempts, failed.LastError, failed.DeliveredAt));
        Assert.InRange(failed.NextAttemptAt, failedAt + TimeSpan.FromMilliseconds(500), failedAt + TimeSpan.FromSeconds(1));

        // Not due yet: the next round delivers the other message and leaves the failed one alone.
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Single(receiver.For(next));
        Assert.Single(receiver.For(failing));

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var tries = receiver.For(failing);
        Assert.Equal(2, tries.Count);
        Assert.Equal(tries[0].Id, tries[1].Id);
        Assert.Equal(Sign(tries[1].Timestamp, tries[1].Body), tries[1].Signature);
        var delivered = await MessageAsync(server, failing);
        Assert.Equal((2, (string?)null, fixture.Clock.GetUtcNow()), (delivered.Attempts, delivered.LastError, delivered.DeliveredAt!.Value));
    }

    [Fact]
    public async Task DispatchDue_ReceiverUnreachable_KeptWithShortErrorAndGrowingBackoff()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var unreachable = receiver.Url;
        await receiver.DisposeAsync();
        await using var server = fixture.CreateFactory(new Dictionary<string, string?>
        {
            ["Webhooks:Url"] = unreachable,
            ["Webhooks:Secret"] = Secret,
            ["Webhooks:MaxBackoffSeconds"] = "4",
            ["Webhooks:PollSeconds"] = QuietPollSeconds,
        });
        var id = await EnqueueAsync(server, "alert.raised", new { n = 1 });
        var dispatcher = Dispatcher(server);

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            var message = await MessageAsync(server, id);
            Assert.Equal(attempt, message.Attempts);
            Assert.Null(message.DeliveredAt);
            Assert.StartsWith("request failed: ", message.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain(unreachable, message.LastError, StringComparison.Ordinal);
            waits.Add(message.NextAttemptAt - fixture.Clock.GetUtcNow());
            fixture.Clock.Advance(message.NextAttemptAt - fixture.Clock.GetUtcNow());
        }

        // 1 s, 2 s, 4 s, then the 4 s cap; each wait between half and all of its ceiling.
        double[] ceilings = [1, 2, 4, 4, 4];
        for (var i = 0; i < waits.Count; i++)
        {
            Assert.InRange(waits[i].TotalSeconds, ceilings[i] / 2, ceilings[i]);
        }

        // Once a receiver answers, the message is delivered after all.
        await using var back = await WebhookReceiver.StartAsync();
        await using var repaired = Node(back);
        await Dispatcher(repaired).DispatchDueAsync(CancellationToken.None);
        Assert.Single(back.For(id));
        Assert.Equal(6, (await MessageAsync(repaired, id)).Attempts);
    }

    [Fact]
    public async Task Restart_PendingMessages_DeliveredByTheNextServer()
    {
        // A server without a receiver keeps its messages; one whose receiver fails keeps them too.
        var kept = await EnqueueAsync(fixture.Factory, "decision.signed", new { n = 1 });
        Assert.Equal(0, await Dispatcher(fixture.Factory).DispatchDueAsync(CancellationToken.None));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        await using (var failing = await WebhookReceiver.StartAsync(503, 503))
        {
            var first = Node(failing);
            var retried = await EnqueueAsync(first, "alert.raised", new { n = 2 });
            await Dispatcher(first).DispatchDueAsync(CancellationToken.None);
            Assert.Single(failing.Received);
            Assert.Equal(kept.ToString(), failing.Received[0].Id);
            await first.DisposeAsync();
            Assert.Null((await MessageAsync(fixture.Factory, kept)).DeliveredAt);
            Assert.Null((await MessageAsync(fixture.Factory, retried)).DeliveredAt);
        }

        await using var receiver = await WebhookReceiver.StartAsync();
        await using var second = Node(receiver);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await Dispatcher(second).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(kept.ToString(), receiver.Received[0].Id);
        Assert.Equal(2, (await MessageAsync(second, kept)).Attempts);
        Assert.NotNull((await MessageAsync(second, kept)).DeliveredAt);
        Assert.Empty(await PendingAsync(second));
    }

    [Fact]
    public async Task DispatchDue_PoliceReceiverDown_MedicalResponderStillServedWithItsOwnSecret()
    {
        await using var police = await WebhookReceiver.StartAsync(500);
        await using var medical = await WebhookReceiver.StartAsync();
        const string MedicalSecret = "the-medical-responder-secret-of-32-plus-characters";
        await using var server = fixture.CreateFactory(new Dictionary<string, string?>
        {
            ["Webhooks:Url"] = police.Url,
            ["Webhooks:Secret"] = Secret,
            ["Webhooks:PollSeconds"] = QuietPollSeconds,
            ["Health:MedicalResponders:0:Name"] = "cap-cuu-115",
            ["Health:MedicalResponders:0:Url"] = medical.Url,
            ["Health:MedicalResponders:0:Secret"] = MedicalSecret,
        });
        var toPolice = await EnqueueAsync(server, "alert.raised", new { n = 1 });
        Guid toMedical;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            toMedical = Outbox.Enqueue(db, "medical.possible-overdose", new { n = 2 }, fixture.Clock.GetUtcNow(), "cap-cuu-115").Id;
            await db.SaveChangesAsync();
        }

        await Dispatcher(server).DispatchDueAsync(CancellationToken.None);

        var received = Assert.Single(medical.Received);
        Assert.Equal(toMedical.ToString(), received.Id);
        Assert.True(WebhookSignature.Verify(MedicalSecret, long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture), received.Body, received.Signature));
        Assert.Empty(police.For(toMedical));
        Assert.Contains(await PendingAsync(server), m => m.Id == toPolice);
        Assert.DoesNotContain(await PendingAsync(server), m => m.Id == toMedical);

        // The police receiver back: its message goes after the backoff (and leaves nothing pending for the other tests).
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await Dispatcher(server).DispatchDueAsync(CancellationToken.None);
        Assert.NotEmpty(police.For(toPolice)); // one failed try and the delivery, or the delivery alone after an older message took the 500
        Assert.Empty(await PendingAsync(server));
    }

    /// <summary>Another server over the fixture's database, delivering to <paramref name="receiver"/>.</summary>
    protected WebApplicationFactory<Program> Node(WebhookReceiver receiver, int batchSize = 50) => fixture.CreateFactory(new Dictionary<string, string?>
    {
        ["Webhooks:Url"] = receiver.Url,
        ["Webhooks:Secret"] = Secret,
        ["Webhooks:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Webhooks:PollSeconds"] = QuietPollSeconds,
    });

    protected static WebhookDispatcher Dispatcher(WebApplicationFactory<Program> server) => server.Services.GetRequiredService<WebhookDispatcher>();

    protected async Task<Guid> EnqueueAsync(WebApplicationFactory<Program> server, string kind, object payload)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var message = Outbox.Enqueue(db, kind, payload, fixture.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return message.Id;
    }

    protected static async Task<List<OutboxMessage>> PendingAsync(WebApplicationFactory<Program> server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().OutboxMessages.AsNoTracking().Where(m => m.DeliveredAt == null).ToListAsync();
    }

    /// <summary>The signature as a receiver computes it, independently of the server's code (docs/api.md).</summary>
    private static string Sign(string timestamp, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{Encoding.UTF8.GetString(body)}")));

    private static async Task<OutboxMessage> MessageAsync(WebApplicationFactory<Program> server, Guid id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}

public sealed class SqliteWebhookDispatcherTests(SqliteFixture fixture) : WebhookDispatcherTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresWebhookDispatcherTests(PostgresFixture fixture) : WebhookDispatcherTests(fixture), IClassFixture<PostgresFixture>
{
    /// <summary>Two nodes claiming at once (FOR UPDATE SKIP LOCKED): every message is delivered exactly once.</summary>
    [Fact]
    public async Task DispatchDue_TwoNodesAtOnce_EachMessageDeliveredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var a = Node(receiver, batchSize: 3);
        await using var b = Node(receiver, batchSize: 3);
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await EnqueueAsync(a, "alert.raised", new { n = i }));
        }

        while ((await PendingAsync(a)).Count > 0)
        {
            await Task.WhenAll(
                Task.Run(() => Dispatcher(a).DispatchDueAsync(CancellationToken.None)),
                Task.Run(() => Dispatcher(b).DispatchDueAsync(CancellationToken.None)));
        }

        Assert.All(ids, id => Assert.Single(receiver.For(id)));
        Assert.Equal(ids.Count, receiver.Received.Count);
    }
}
