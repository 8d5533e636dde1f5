using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The one queue between the transports and the store. Bounded: when the writer falls behind, <see cref="StoreAsync"/>
/// waits to enqueue, so MQTT acknowledgements and HTTP responses slow down and nothing is dropped or grows without bound.
/// </summary>
public sealed class TelemetryPipeline
{
    private readonly Channel<PendingUpload> _queue;

    public TelemetryPipeline(IOptions<IngestionOptions> options, IngestionMetrics metrics)
    {
        _queue = Channel.CreateBounded<PendingUpload>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        metrics.QueueDepth = () => _queue.Reader.Count;
    }

    internal ChannelReader<PendingUpload> Reader => _queue.Reader;

    /// <summary>Stores the rows of one upload; completes once they are committed, with how many were new.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var pending = new PendingUpload(rows, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Stored.Task.WaitAsync(ct);
    }
}

/// <summary>One upload waiting for the writer, and the promise its sender awaits.</summary>
internal sealed record PendingUpload(IReadOnlyList<TelemetryRow> Rows, TaskCompletionSource<int> Stored);
