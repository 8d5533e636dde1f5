using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Vigil.Server.Data;

namespace Vigil.Server.Outbound;

/// <summary>
/// Delivers the outbox to the webhook receiver, at least once: polls due messages on a timer of the injected
/// clock, POSTs each as signed JSON, marks 2xx answers delivered and retries everything else with capped,
/// jittered exponential backoff — forever; nothing is dropped. Receivers dedupe by <c>X-Vigil-Id</c>.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "Vigil.Webhooks";

    // One round at a time in this process: the timer's round and a caller's (tests) never overlap.
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>
    /// One round: claims the due messages (a batch, oldest first) and tries each; returns how many were delivered.
    /// A failure ends the round and gives the untried rest back, so an unreachable receiver costs one try per round.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return 0;
        }

        await _round.WaitAsync(cancellationToken);
        try
        {
            return await RoundAsync(settings, cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
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

    private async Task<int> RoundAsync(WebhookOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var now = clock.GetUtcNow();
        // The lease covers a whole batch of slow answers; a try is started only while it can end within the lease.
        var leaseUntil = now + settings.Timeout * (settings.BatchSize + 1);
        var batch = await OutboxStore.ClaimDueAsync(db, now, leaseUntil, settings.BatchSize, cancellationToken);
        var client = http.CreateClient(HttpClientName);
        var delivered = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            if (clock.GetUtcNow() + settings.Timeout > leaseUntil)
            {
                await OutboxStore.ReleaseAsync(db, Ids(batch, i), clock.GetUtcNow(), CancellationToken.None);
                break;
            }

            string? error;
            try
            {
                error = await SendAsync(client, settings, message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await OutboxStore.ReleaseAsync(db, Ids(batch, i), clock.GetUtcNow(), CancellationToken.None);
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
            await OutboxStore.ReleaseAsync(db, Ids(batch, i + 1), at, CancellationToken.None);
            break;
        }

        return delivered;
    }

    /// <summary>Null when the receiver answered 2xx; otherwise a short reason that names no URL and no secret.</summary>
    private async Task<string?> SendAsync(HttpClient client, WebhookOptions settings, OutboxMessage message, CancellationToken cancellationToken)
    {
        var body = Body(message);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Vigil-Id", message.Id.ToString());
        request.Headers.Add("X-Vigil-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Vigil-Signature", WebhookSignature.Sign(settings.Secret!, timestamp, body));

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
