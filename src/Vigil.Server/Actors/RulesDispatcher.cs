using System.Threading.Channels;
using Vigil.Server.Ingestion;

namespace Vigil.Server.Actors;

/// <summary>
/// Hands freshly committed telemetry to the device actors. Its own bounded stage, so the store's writer goes on
/// with the next batch while the rules run on this one; batches are delivered in commit order, one batch at a
/// time, so a device's messages reach its actor in order. A failed delivery is repaired by a refresh, which
/// replays from the store.
/// </summary>
internal sealed class RulesDispatcher(IGrainFactory grains, ILogger<RulesDispatcher> logger) : BackgroundService, IStoredTelemetrySink
{
    private readonly Channel<IReadOnlyList<TelemetryRow>> _batches = Channel.CreateBounded<IReadOnlyList<TelemetryRow>>(
        new BoundedChannelOptions(64) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ValueTask OnStoredAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct) =>
        rows.Count == 0 ? ValueTask.CompletedTask : _batches.Writer.WriteAsync(rows, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in _batches.Reader.ReadAllAsync(stoppingToken))
        {
            await Task.WhenAll(batch.GroupBy(r => r.DeviceId).Select(device => DeliverAsync(device.Key, [.. device])));
        }
    }

    private async Task DeliverAsync(string deviceId, List<TelemetryRow> rows)
    {
        var grain = grains.GetGrain<IDeviceGrain>(deviceId);
        try
        {
            await grain.DeliverAsync(new StoredMessages([.. rows.Select(StoredMessage.From)]));
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
