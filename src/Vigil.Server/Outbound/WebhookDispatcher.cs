using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Vigil.Server.Data;
using Vigil.Server.Health;

namespace Vigil.Server.Outbound;

/// <summary>
/// Delivers the outbox to the webhook receiver and the medical responders, at least once: polls due messages on a
/// timer of the injected clock, POSTs each as signed JSON (with its receiver's own secret), marks 2xx answers delivered
/// and retries everything else with capped, jittered exponential backoff — forever; nothing is dropped. Receivers
/// dedupe by <c>X-Vigil-Id</c>. One receiver being down never holds up another's messages.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<WebhookOptions> options,
    IOptions<MedicalResponderOptions> medical, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "Vigil.Webhooks";

    // One round at a time in this process: the timer's round and a caller's (tests) never overlap.
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>
    /// One round: claims the due messages (a batch, oldest first) and tries each; returns how many were delivered.
    /// A failure ends the round for that receiver and gives its untried rest back, so an unreachable receiver costs one
    /// try per round and the others go on.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var destinations = Destinations(settings);
        if (destinations.Count == 0)
        {
            return 0;
        }

        await _round.WaitAsync(cancellationToken);
        try
        {
            return await RoundAsync(settings, destinations, cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (Destinations(settings).Count == 0)
        {
            logger.WebhooksDisabled();
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.PollSeconds), clock);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                // A full batch suggests more are due: go on without waiting for the timer.
                while (await DispatchDueAsync(stoppingToken) >= settings.BatchSize)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.WebhookRoundFailed(exception);
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _round.Dispose();
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The police webhook (when configured) and every medical responder, by name (null for the webhook).</summary>
    private Dictionary<string, WebhookDestination> Destinations(WebhookOptions settings)
    {
        var all = medical.Value.MedicalResponders.ToDictionary(r => r.Name, r => new WebhookDestination(r.Name, r.Url!, r.Secret!), StringComparer.Ordinal);
        if (settings.Enabled)
        {
            all[""] = new WebhookDestination(null, settings.Url!, settings.Secret!);
        }

        return all;
    }

    private async Task<int> RoundAsync(WebhookOptions settings, Dictionary<string, WebhookDestination> destinations, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var now = clock.GetUtcNow();
        // The lease covers a whole batch of slow answers; a try is started only while it can end within the lease.
        var leaseUntil = now + settings.Timeout * (settings.BatchSize + 1);
        var responders = destinations.Keys.Where(k => k.Length > 0).ToArray();
        var batch = await OutboxStore.ClaimDueAsync(db, now, leaseUntil, settings.BatchSize, settings.Enabled, responders, cancellationToken);
        var client = http.CreateClient(HttpClientName);
        var delivered = 0;
        var down = new HashSet<string>(StringComparer.Ordinal);
        var untried = new List<Guid>();
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            var destination = destinations[message.Destination ?? ""];
            if (down.Contains(message.Destination ?? ""))
            {
                untried.Add(message.Id);
                continue;
            }

            if (clock.GetUtcNow() + settings.Timeout > leaseUntil)
            {
                untried.AddRange(Ids(batch, i));
                break;
            }

            string? error;
            try
            {
                error = await SendAsync(client, settings, destination, message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await OutboxStore.ReleaseAsync(db, [.. untried, .. Ids(batch, i)], clock.GetUtcNow(), CancellationToken.None);
                throw;
            }

            var at = clock.GetUtcNow();
            if (error is null)
            {
                await OutboxStore.MarkDeliveredAsync(db, message.Id, at, CancellationToken.None);
                logger.WebhookDelivered(message.Id, message.Kind, message.Attempts + 1);
                delivered++;
                continue;
            }

            var retryAt = at + WebhookBackoff.Delay(message.Attempts + 1, TimeSpan.FromSeconds(settings.MaxBackoffSeconds), Random.Shared.NextDouble());
            await OutboxStore.MarkFailedAsync(db, message.Id, retryAt, error, CancellationToken.None);
            logger.WebhookFailed(message.Id, message.Kind, message.Attempts + 1, error, retryAt);
            down.Add(message.Destination ?? "");
        }

        await OutboxStore.ReleaseAsync(db, untried, clock.GetUtcNow(), CancellationToken.None);
        return delivered;
    }

    /// <summary>Null when the receiver answered 2xx; otherwise a short reason that names no URL and no secret.</summary>
    private async Task<string?> SendAsync(HttpClient client, WebhookOptions settings, WebhookDestination destination, OutboxMessage message,
        CancellationToken cancellationToken)
    {
        var body = Body(message);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Vigil-Id", message.Id.ToString());
        request.Headers.Add("X-Vigil-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Vigil-Signature", WebhookSignature.Sign(destination.Secret, timestamp, body));

        using var timeout = new CancellationTokenSource(settings.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return $"timeout after {settings.TimeoutSeconds} s";
        }
        catch (HttpRequestException exception)
        {
            // The error class only: exception messages can carry the URL, which may hold a token.
            return $"request failed: {exception.HttpRequestError}";
        }
    }

    /// <summary><c>{id, kind, createdAt, payload}</c>, the payload as the JSON it was stored as.</summary>
    private static byte[] Body(OutboxMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(message.Payload.Length + 160);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", message.Id);
            writer.WriteString("kind", message.Kind);
            writer.WriteString("createdAt", message.CreatedAt);
            writer.WritePropertyName("payload");
            writer.WriteRawValue(message.Payload);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static List<Guid> Ids(List<OutboxMessage> batch, int from) => [.. batch.Skip(from).Select(m => m.Id)];
}
