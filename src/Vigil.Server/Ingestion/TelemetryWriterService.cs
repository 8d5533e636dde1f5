using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Ingestion;

/// <summary>
/// Drains each lane of the pipeline in batches, the lanes side by side: one transaction per batch, then each upload
/// learns how many of its rows were new and the sinks see the new rows. A lane hands a batch to the sinks while it
/// writes the next one, and finishes that hand-off before starting the next, so a device's rows reach the sinks in
/// commit order. A batch that fails is retried upload by upload, so one bad upload fails alone and the others are
/// still stored.
/// </summary>
internal sealed class TelemetryWriterService(
    TelemetryPipeline pipeline,
    ITelemetryWriter writer,
    IEnumerable<IStoredTelemetrySink> sinks,
    IngestionMetrics metrics,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<TelemetryWriterService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(pipeline.Lanes.Select(lane => Task.Run(() => DrainAsync(lane, stoppingToken), stoppingToken)));

    private async Task DrainAsync(ChannelReader<PendingUpload> lane, CancellationToken stoppingToken)
    {
        var batch = new List<PendingUpload>();
        var handOff = Task.CompletedTask;
        try
        {
            while (await lane.WaitToReadAsync(stoppingToken))
            {
                var rows = 0;
                while (rows < options.Value.MaxBatchRows && lane.TryRead(out var pending))
                {
                    batch.Add(pending);
                    rows += pending.Rows.Count;
                }

                var inserted = new List<TelemetryRow>(rows);
                await WriteAsync(batch, inserted, stoppingToken);
                batch.Clear();
                await handOff;
                handOff = Task.Run(() => HandOffAsync(inserted, stoppingToken), stoppingToken);
            }

            await handOff;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Not acknowledged, so the devices send again.
            foreach (var pending in batch)
            {
                pending.Stored.TrySetCanceled(stoppingToken);
            }

            while (lane.TryRead(out var left))
            {
                left.Stored.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>Commits the batch and acknowledges its uploads; adds the rows that were new to <paramref name="inserted"/>.</summary>
    private async Task WriteAsync(List<PendingUpload> batch, List<TelemetryRow> inserted, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<TelemetryRow> fresh;
        try
        {
            fresh = await InsertAsync(batch, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException && batch.Count > 1)
        {
            logger.TelemetryBatchFailed(e, batch.Count);
            foreach (var pending in batch)
            {
                await WriteAsync([pending], inserted, ct);
            }

            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.TelemetryUploadFailed(e, batch[0].Rows[0].DeviceId);
            batch[0].Stored.TrySetException(e);
            return;
        }

        metrics.Batch(Stopwatch.GetElapsedTime(started));
        var isNew = fresh.ToHashSet();
        foreach (var pending in batch)
        {
            var stored = pending.Rows.Count(isNew.Contains);
            metrics.Stored(stored, pending.Rows.Count - stored);
            pending.Stored.TrySetResult(stored);
        }

        inserted.AddRange(fresh);
    }

    private async Task<IReadOnlyList<TelemetryRow>> InsertAsync(List<PendingUpload> batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = new List<TelemetryRow>();
        foreach (var pending in batch)
        {
            foreach (var row in pending.Rows)
            {
                row.ReceivedAt = now;
                rows.Add(row);
            }
        }

        return rows.Count == 0 ? [] : await writer.InsertNewAsync(rows, ct);
    }

    private async Task HandOffAsync(List<TelemetryRow> inserted, CancellationToken ct)
    {
        if (inserted.Count == 0)
        {
            return;
        }

        foreach (var sink in sinks)
        {
            try
            {
                await sink.OnStoredAsync(inserted, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The rows are stored; the rules replay them from the store when they next run for the device.
                logger.TelemetrySinkFailed(e, sink.GetType().Name);
            }
        }
    }
}
