using Vigil.Server.Ingestion;

namespace Vigil.Server.Actors;

/// <summary>
/// Hands freshly committed telemetry to the device actors without holding up the store: each device's rows are
/// chained behind that device's previous delivery (so its actor sees them in commit order), and devices run side by
/// side with no barrier between batches. The writer waits only when <see cref="MaxInFlight"/> deliveries are still
/// pending, which bounds how far the rules may lag behind the PUBACKs. A failed delivery is repaired by a refresh,
/// which replays from the store.
/// </summary>
internal sealed class RulesDispatcher(DeviceGrains grains, ILogger<RulesDispatcher> logger) : IStoredTelemetrySink
{
    /// <summary>Deliveries (one device's rows of one batch) pending at most: about a second of a national fleet's traffic.</summary>
    public const int MaxInFlight = 10_000;

    private readonly SemaphoreSlim _budget = new(MaxInFlight, MaxInFlight);
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    public async ValueTask OnStoredAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct)
    {
        foreach (var device in rows.GroupBy(r => r.DeviceId))
        {
            await _budget.WaitAsync(ct);
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task previous;
            lock (_tails)
            {
                previous = _tails.GetValueOrDefault(device.Key, Task.CompletedTask);
                _tails[device.Key] = done.Task;
            }

            _ = DeliverAfterAsync(previous, device.Key, [.. device.Select(StoredMessage.From)], done);
        }
    }

    private async Task DeliverAfterAsync(Task previous, string deviceId, List<StoredMessage> rows, TaskCompletionSource done)
    {
        try
        {
            await previous;
            await DeliverAsync(deviceId, rows);
        }
        finally
        {
            lock (_tails)
            {
                if (_tails.TryGetValue(deviceId, out var tail) && tail == done.Task)
                {
                    _tails.Remove(deviceId);
                }
            }

            done.SetResult();
            _budget.Release();
        }
    }

    private async Task DeliverAsync(string deviceId, List<StoredMessage> rows)
    {
        var grain = grains[deviceId];
        try
        {
            await grain.DeliverAsync(new StoredMessages(rows));
        }
        catch (Exception e)
        {
            logger.DeliveryFailed(e, deviceId);
            try
            {
                await grain.RefreshAsync();
            }
            catch (Exception again)
            {
                // The deadline sweeper or the next message will find the rows above the watermark.
                logger.DeliveryFailed(again, deviceId);
            }
        }
    }
}
